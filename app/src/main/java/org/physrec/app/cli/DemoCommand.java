package org.physrec.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.physrec.app.recon.DemoSample;
import org.physrec.app.recon.ReconstructionJob;
import org.physrec.app.recon.ReconstructionSettings;
import org.physrec.datasets.Sequence;
import org.physrec.datasets.io.PhysrecJson;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code physrec demo --out DIR}: makes its own sample (no downloads), reconstructs it from one
 * camera's noisy 2D keypoints and a noisy 3D estimate, evaluates it against the ground truth
 * and exports everything (input JSON, trajectory, BVH, plots, MP4 overlay, metrics).
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Make a sample, reconstruct it, evaluate it and export everything (no downloads).")
public final class DemoCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", required = true, description = "output folder")
    Path out;

    @Option(names = "--seed", description = "noise seed of the synthesized inputs (default 7)")
    long seed = 7;

    @Option(names = "--no-video", description = "skip the MP4 overlay")
    boolean noVideo;

    @Mixin
    ReconstructOptions options;

    @Override
    public Integer call() throws Exception {
        CommandLine cl = spec.commandLine();
        if (options.cameras.equals("all")) {
            options.cameras = "first";
        }
        ReconstructionSettings settings = options.settings(cl);
        ReconstructionJob.checkWritable(out);
        PrintWriter err = cl.getErr();
        StringBuilder source = new StringBuilder();
        Sequence sample = DemoSample.make(seed, source);
        err.println("physrec demo: sample = " + source + "; inputs: camera " + sample.camera(0).name()
                + " 2D keypoints + noisy 3D estimate (synth defaults, seed " + seed + ")");
        err.flush();
        ReconstructionJob.Result r = ReconstructionJob.run(sample, settings, options.cameras, out, !noVideo,
                org.physrec.app.recon.PhysicsSimulation.factory(settings), line -> {
            err.println("  " + line);
            err.flush();
        });
        PhysrecJson.write(sample, out.resolve("input.json"));
        PrintWriter o = cl.getOut();
        o.println(ReconstructCommand.Summary.of(r));
        o.println("wrote " + out.toAbsolutePath().normalize()
                + " (input.json, trajectory.json/.csv, motion.bvh, report.json, metrics*.json, *.png"
                + (noVideo ? "" : ", overlay_*.mp4") + ")");
        o.flush();
        return 0;
    }
}
