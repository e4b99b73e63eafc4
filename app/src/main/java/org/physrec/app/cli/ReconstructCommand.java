package org.physrec.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.physrec.app.recon.CameraSelection;
import org.physrec.app.recon.ReconstructionJob;
import org.physrec.app.recon.ReconstructionSettings;
import org.physrec.app.data.InputOptions;
import org.physrec.datasets.Sequence;
import org.physrec.datasets.source.SequenceSource;
import org.physrec.datasets.source.Sources;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code physrec reconstruct INPUT --out DIR}: reconstructs a physically simulated motion from
 * any input {@code physrec data info} reads (physrec JSON/CSV, VideoPose3D npz, Human3.6M release,
 * AIST++, OpenPose folders) and writes trajectory, report, plots and (with ground truth) metrics.
 * Exit 0 on success, 1 on bad input data or I/O failure (nothing written), 2 on bad usage.
 */
@Command(name = "reconstruct", mixinStandardHelpOptions = true,
        description = "Reconstruct physically plausible 3D motion from a keypoint file or dataset folder "
                + "(physrec JSON/CSV, VideoPose3D .npz, Human3.6M release, AIST++, OpenPose).")
public final class ReconstructCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", description = "input keypoint file or dataset folder (as for physrec data info)")
    Path input;

    @Option(names = "--sequence", description = "sequence id in a dataset holding several (see physrec data info)")
    String sequence;

    @Mixin
    InputOptions inputOptions = new InputOptions();

    @Option(names = "--out", required = true, description = "output folder")
    Path out;

    @Option(names = "--frames", description = "input frames a:b to reconstruct (b exclusive, input frame rate)")
    String frames;

    @Option(names = "--video", description = "also write an MP4 overlay in the first used camera")
    boolean video;

    @Mixin
    ReconstructOptions options;

    @Override
    public Integer call() throws Exception {
        ReconstructionSettings settings = options.settings(spec.commandLine());
        PrintWriter err = spec.commandLine().getErr();
        ReconstructionJob.checkWritable(out);
        Sequence s = load();
        try {
            s = CameraSelection.frames(s, frames);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        ReconstructionJob.Result r = ReconstructionJob.run(s, settings, options.cameras, out, video,
                org.physrec.app.recon.PhysicsSimulation.factory(settings), line -> {
            err.println(line);
            err.flush();
        });
        PrintWriter o = spec.commandLine().getOut();
        o.println(Summary.of(r));
        o.println("wrote " + out.toAbsolutePath().normalize());
        o.flush();
        return 0;
    }

    /** The one sequence of the input, or the one {@code --sequence} names. */
    private Sequence load() throws java.io.IOException {
        SequenceSource src = Sources.open(input, inputOptions.toOptions());
        if (sequence != null) {
            try {
                return src.load(sequence);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--sequence: " + e.getMessage());
            }
        }
        java.util.List<String> ids = src.ids();
        if (ids.size() != 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), input + " (" + src.format() + ") holds "
                    + ids.size() + " sequences: choose one with --sequence ID"
                    + (ids.isEmpty() ? "" : " (e.g. '" + ids.get(0) + "'; physrec data info lists them)"));
        }
        return src.load(ids.get(0));
    }

    /** One-paragraph text summary of a job. */
    static final class Summary {
        private Summary() {
        }

        static String of(ReconstructionJob.Result r) {
            StringBuilder sb = new StringBuilder();
            var rec = r.reconstruction();
            sb.append(String.format(Locale.ROOT, "%s: %d frames, %d windows (%d retried), residual force %.1f N",
                    rec.id(), rec.frames(), rec.windows().size(), rec.retriedWindows(), rec.meanResidualForce()));
            if (r.metrics() != null) {
                var m = r.metrics().reconstruction();
                var k = r.metrics().kinematic();
                sb.append(String.format(Locale.ROOT, "%n  reconstruction: MPJPE %.1f mm, PA-MPJPE %.1f mm, MPJPE-G %.1f mm,"
                        + " foot skate %.1f %%, penetration %.1f mm", m.mpjpe(), m.paMpjpe(), m.mpjpeG(),
                        m.footSkatePercent(), m.penetrationMm()));
                sb.append(String.format(Locale.ROOT, "%n  kinematic input: MPJPE %.1f mm, PA-MPJPE %.1f mm, MPJPE-G %.1f mm,"
                        + " foot skate %.1f %%, penetration %.1f mm", k.mpjpe(), k.paMpjpe(), k.mpjpeG(),
                        k.footSkatePercent(), k.penetrationMm()));
            }
            sb.append("\n  stage seconds: ");
            rec.seconds().forEach((n, v) -> sb.append(String.format(Locale.ROOT, "%s %.2f  ", n, v)));
            return sb.toString().stripTrailing();
        }
    }
}
