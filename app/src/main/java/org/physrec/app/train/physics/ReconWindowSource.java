package org.physrec.app.train.physics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.physrec.app.recon.CameraSelection;
import org.physrec.app.recon.InverseKinematics;
import org.physrec.app.recon.Observations;
import org.physrec.app.recon.ReconstructionInput;
import org.physrec.app.recon.ReconstructionObjective;
import org.physrec.app.recon.ReconstructionSettings;
import org.physrec.app.recon.ReferenceMotion;
import org.physrec.app.recon.SubjectFit;
import org.physrec.app.synth.SynthSettings;
import org.physrec.app.synth.Synthesizer;
import org.physrec.datasets.Sequence;
import org.physrec.datasets.io.PhysrecJson;
import org.physrec.optim.meta.Evaluator;
import org.physrec.physics.Model;
import org.physrec.physics.State;

/**
 * Builds reconstruction windows from ground-truth motion files, deterministically from a seed:
 * per file, {@link Synthesizer} makes noisy monocular 2D keypoints (first camera) and a noisy
 * 3D estimate (seed mixed with the file's position in the list), {@link ReconstructionInput}
 * prepares them and {@link SubjectFit} fits the character; per window, a start frame is drawn,
 * {@link InverseKinematics} fits the frames around it (3D estimate + 2D keypoints, as the
 * reconstructor does), and the window starts at the IK reference state with the reference's
 * inverse-dynamics torques as x0. Window i uses file {@code i mod files}.
 */
public final class ReconWindowSource {

    private final Path motionDir;
    private final ReconstructionSettings settings;

    /**
     * @param motionDir folder with the motion files (the shared {@code motion/} folder)
     * @param settings  reconstruction settings (window length, fps, gains, weights, IK)
     */
    public ReconWindowSource(Path motionDir, ReconstructionSettings settings) {
        if (!Files.isDirectory(motionDir)) {
            throw new IllegalArgumentException("motionDir: " + motionDir + " is not a folder");
        }
        this.motionDir = motionDir;
        this.settings = settings;
    }

    public ReconstructionSettings settings() {
        return settings;
    }

    /**
     * {@code count} windows from {@code files}, built in parallel through {@code evaluator}
     * (results do not depend on it).
     *
     * @throws IllegalArgumentException naming a file that is missing or too short for a window
     */
    public List<ReconWindow> windows(List<String> files, int count, long seed, Evaluator evaluator) {
        if (count < 1) {
            throw new IllegalArgumentException("count: must be >= 1, got " + count);
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("files: empty");
        }
        List<ReconstructionInput> inputs = new ArrayList<>();
        for (int f = 0; f < files.size(); f++) {
            inputs.add(prepare(files.get(f), mix(seed, f)));
        }
        return evaluator.map(count, i -> {
            ReconstructionInput in = inputs.get(i % inputs.size());
            return window(files.get(i % files.size()), in, new SplittableRandom(mix(seed, 1_000_003L + i)));
        });
    }

    /** Synthesized, prepared input of one file. */
    ReconstructionInput prepare(String file, long synthSeed) {
        Path p = motionDir.resolve(file);
        if (!Files.isRegularFile(p)) {
            throw new IllegalArgumentException("motion file " + p + " not found");
        }
        Sequence gt;
        try {
            gt = PhysrecJson.read(p);
        } catch (IOException e) {
            throw new UncheckedIOException("motion file " + p + ": " + e.getMessage(), e);
        }
        Sequence synth = Synthesizer.synthesize(gt, SynthSettings.defaults(synthSeed));
        return ReconstructionInput.prepare(CameraSelection.apply(synth, "first"), settings);
    }

    /** One window of a prepared clip at a random start frame. */
    private ReconWindow window(String file, ReconstructionInput in, SplittableRandom rng) {
        int w = settings.window();
        Observations all = in.observations();
        // local frames: 0 = interval before the window, 1 = start state, 2..W+1 = scored frames, W+2 = after
        int span = w + 3;
        if (all.frames() < span) {
            throw new IllegalArgumentException("motion file " + file + ": " + all.frames() + " frames at "
                    + settings.fps() + " fps, a window needs " + span);
        }
        int offset = rng.nextInt(all.frames() - span + 1);
        Observations obs = all.slice(offset, span);
        Model model = SubjectFit.character(in.boneLengths(), settings.massKg());
        int nq = model.nq();
        int nv = model.nv();
        int nu = model.nu();
        double[] targets = Arrays.copyOfRange(in.ikTargets(), offset * obs.keypoints() * 3,
                (offset + span) * obs.keypoints() * 3);
        double[] q = new double[span * nq];
        new InverseKinematics(model, settings.ik()).fitSequence(targets, null, obs, q);
        ReferenceMotion ref = ReferenceMotion.of(model, q, settings.fps());
        State start = new State(nq, nv);
        System.arraycopy(ref.q(), nq, start.q, 0, nq);
        System.arraycopy(ref.v(), nv, start.v, 0, nv);
        double[] reference = Arrays.copyOfRange(q, 2 * nq, (2 + w) * nq);
        double[] tauMax = ReconstructionObjective.torqueScale(model);
        double[] previous = new double[nu];
        double[] x0 = new double[w * (nu + 6)];
        for (int i = 0; i < nu; i++) {
            previous[i] = clampedNormalized(ref.tau()[model.actuatedStart() + i], tauMax[i]);
            for (int t = 0; t < w; t++) {
                x0[t * nu + i] = clampedNormalized(ref.tau()[(1 + t) * nv + model.actuatedStart() + i], tauMax[i]);
            }
        }
        String id = file.replaceFirst("\\.json$", "") + "@" + (offset + 2);
        return new ReconWindow(id, model, obs, settings, start, reference, 2, previous, x0);
    }

    private static double clampedNormalized(double tau, double max) {
        return Math.max(-1, Math.min(1, tau / max));
    }

    static long mix(long a, long b) {
        long h = a * 0x9E3779B97F4A7C15L + b;
        h = (h ^ (h >>> 31)) * 0xBF58476D1CE4E5B9L;
        h = (h ^ (h >>> 29)) * 0x94D049BB133111EBL;
        return h ^ (h >>> 32);
    }
}
