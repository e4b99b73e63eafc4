package org.physrec.app.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.physrec.app.recon.Evaluation;
import org.physrec.app.recon.EvaluationTable;
import org.physrec.app.recon.ReconstructionSettings;
import org.physrec.datasets.DataRoot;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code physrec evaluate}: reconstructs a table of sequences in parallel, resumably, and writes
 * per-sequence results, aggregate CSV/JSON and Markdown tables (ours beside the published
 * anchors of diffphy-spec §5.3, and input → output per sequence).
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Reconstruct and evaluate a table of sequences (parallel, resumable).")
public final class EvaluateCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--table", description = "table: motion-synth (one camera 2D + 3D estimate, default), "
            + "motion-synth-multiview, motion-synth-3d")
    String table;

    @Option(names = "--root", description = "data root holding motion/ (default: $PHYSREC_DATA or ../shared/data)")
    Path root;

    @Option(names = "--inputs", description = "instead of a table: a folder of physrec JSON files with inputs and ground truth")
    Path inputs;

    @Option(names = "--out", required = true, description = "output folder (rerun with the same folder to resume)")
    Path out;

    @Option(names = "--threads", description = "sequences reconstructed in parallel (default: cores)")
    Integer threads;

    @Option(names = "--frames", description = "input frames a:b of every sequence (b exclusive)")
    String frames;

    @Option(names = "--seed", description = "synth seed (default 1)")
    long seed = 1;

    @Option(names = "--video", description = "also write MP4 overlays")
    boolean video;

    @Mixin
    ReconstructOptions options;

    @Override
    public Integer call() throws Exception {
        CommandLine cl = spec.commandLine();
        ReconstructionSettings settings = options.settings(cl);
        if (table != null && inputs != null) {
            throw new CommandLine.ParameterException(cl, "give either --table or --inputs, not both");
        }
        int nThreads = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (nThreads < 1) {
            throw new CommandLine.ParameterException(cl, "--threads: must be >= 1, got " + nThreads);
        }
        EvaluationTable t;
        if (inputs != null) {
            t = EvaluationTable.folder(inputs, options.cameras);
        } else {
            String name = table != null ? table : "motion-synth";
            if (!EvaluationTable.NAMES.contains(name)) {
                throw new CommandLine.ParameterException(cl, "unknown table '" + name + "'; known: "
                        + String.join(", ", EvaluationTable.NAMES));
            }
            Path r = root != null ? root : DataRoot.find().orElseThrow(() -> new CommandLine.ParameterException(cl,
                    "no data root found: give --root (the folder holding motion/) or set PHYSREC_DATA"));
            if (!Files.isDirectory(r)) {
                throw new CommandLine.ParameterException(cl, "--root: " + r + " is not a folder");
            }
            t = EvaluationTable.named(name, r, seed);
        }
        PrintWriter err = cl.getErr();
        List<Evaluation.Row> rows = Evaluation.run(t, settings, out, nThreads, frames, video,
                org.physrec.app.recon.PhysicsSimulation.factory(settings), line -> {
            synchronized (err) {
                err.println(line);
                err.flush();
            }
        });
        PrintWriter o = cl.getOut();
        o.println(Files.readString(out.resolve("sequences.md")));
        o.println("wrote " + out.toAbsolutePath().normalize() + " (" + rows.size() + " sequences)");
        o.flush();
        return 0;
    }
}
