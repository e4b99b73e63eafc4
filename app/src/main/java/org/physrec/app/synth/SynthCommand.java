package org.physrec.app.synth;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.physrec.app.eval.MetricSettings;
import org.physrec.app.eval.MotionMetrics;
import org.physrec.app.eval.SequenceMetrics;
import org.physrec.datasets.Sequence;
import org.physrec.datasets.io.PhysrecJson;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code physrec synth}: realistic inputs (2D detections, 3D estimate) from a ground-truth motion file. */
@Command(name = "synth", mixinStandardHelpOptions = true,
        description = {"Turn ground-truth motion into reconstruction inputs: noisy 2D keypoints per camera (with",
            "low-confidence and dropped joints) and a monocular-like 3D estimate. Noise model: docs/EVAL.md."})
public final class SynthCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-i", "--input"}, required = true, description = "physrec JSON sequence with ground truth")
    Path input;

    @Option(names = {"-o", "--output"}, required = true, description = "output physrec JSON sequence")
    Path output;

    @Option(names = "--seed", defaultValue = "1", description = "random seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--fps", defaultValue = "25", description = "resample to this rate first; 0 keeps the source rate"
            + " (default ${DEFAULT-VALUE})")
    double fps;

    @Option(names = "--noiseless", description = "no noise at all (inputs equal the ground truth)")
    boolean noiseless;

    @Option(names = "--pixel-sigma", description = "2D noise of a confident keypoint, px")
    Double pixelSigma;

    @Option(names = "--dropout-rate", description = "probability per camera, frame and joint that a dropout starts")
    Double dropoutRate;

    @Option(names = "--low-confidence-rate", description = "fraction of visible keypoints with low confidence")
    Double lowConfidenceRate;

    @Option(names = "--estimate-scale", description = "multiplies every 3D noise magnitude (bias, correlated, jitter,"
            + " orientation, scale, root, depth); 0 gives the exact ground truth as estimate")
    Double estimateScale;

    @Override
    public Integer call() throws Exception {
        Sequence source = PhysrecJson.read(input);
        if (fps < 0 || !Double.isFinite(fps)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--fps: must be >= 0, got " + fps);
        }
        if (fps > 0) {
            source = source.resample(fps);
        }
        SynthSettings s = settings();
        Sequence out = Synthesizer.synthesize(source, s);
        PhysrecJson.write(out, output);
        SequenceMetrics m = MotionMetrics.evaluate(out.id(), out.fps(), out.keypoints3d(), out.groundTruth(),
                out.frames(), out.jointCount(), MetricSettings.h36m17());
        long dropped = 0;
        long total = 0;
        for (int c = 0; c < out.cameras().size(); c++) {
            dropped += out.missing2d(c);
            total += (long) out.frames() * out.jointCount();
        }
        spec.commandLine().getOut().printf(Locale.ROOT,
                "wrote %s: %d frames at %.1f fps, %d cameras, %.1f%% of 2D keypoints missing%n"
                        + "3D estimate vs ground truth: MPJPE %.1f mm, PA-MPJPE %.1f mm, MPJPE-G %.1f mm, accel %.1f mm/frame^2%n",
                output, out.frames(), out.fps(), out.cameras().size(), total == 0 ? 0.0 : 100.0 * dropped / total,
                m.mpjpe(), m.paMpjpe(), m.mpjpeG(), m.accelError());
        return 0;
    }

    private SynthSettings settings() {
        SynthSettings d = noiseless ? SynthSettings.noiseless(seed) : SynthSettings.defaults(seed);
        double k = estimateScale == null ? 1.0 : estimateScale;
        if (!(k >= 0) || !Double.isFinite(k)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--estimate-scale: must be >= 0, got " + k);
        }
        try {
            return new SynthSettings(seed, pixelSigma != null ? pixelSigma : d.pixelSigma(),
                    lowConfidenceRate != null ? lowConfidenceRate : d.lowConfidenceRate(), d.lowConfidencePixelSigma(),
                    dropoutRate != null ? dropoutRate : d.dropoutStartRate(), d.dropoutMeanFrames(), k * d.bodyBiasMm(),
                    k * d.correlatedMm(), d.correlationSeconds(), k * d.jitterMm(), Math.min(0.29, k * d.scaleSigma()),
                    Math.min(45, k * d.orientationDeg()), k * d.rootMm(), k * d.depthMm(), d.rootCorrelationSeconds());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
