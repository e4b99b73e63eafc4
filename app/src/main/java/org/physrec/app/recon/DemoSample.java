package org.physrec.app.recon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.physrec.app.synth.SynthSettings;
import org.physrec.app.synth.Synthesizer;
import org.physrec.datasets.Camera;
import org.physrec.datasets.DataRoot;
import org.physrec.datasets.Sequence;
import org.physrec.datasets.Skeleton;
import org.physrec.datasets.UpAxis;
import org.physrec.datasets.h36m.H36mCameras;
import org.physrec.datasets.io.PhysrecJson;
import org.physrec.physics.ConfigSpace;
import org.physrec.physics.Kinematics;
import org.physrec.physics.Model;
import org.physrec.physics.Workspace;
import org.physrec.physics.character.CharacterBuilder;

/**
 * The demo's input, made without downloads: 4 s of the real CMU walk of the shared data
 * folder if present, else a procedural walk of the standard character seen by the Human3.6M
 * S9 cameras; either way turned into noisy 2D keypoints and a noisy 3D estimate by
 * {@link Synthesizer} with its documented defaults.
 */
public final class DemoSample {

    static final String WALK_FILE = "cmu_131_01_start_walk_stop.json";

    private DemoSample() {
    }

    /** @return the sample and a line saying where it came from */
    public static Sequence make(long seed, StringBuilder source) throws IOException {
        Optional<Path> motion = DataRoot.motion();
        Sequence gt;
        if (motion.isPresent() && Files.isRegularFile(motion.get().resolve(WALK_FILE))) {
            Sequence full = PhysrecJson.read(motion.get().resolve(WALK_FILE));
            // 4 s of walking, after the start-up
            int start = (int) Math.round(1.5 * full.fps());
            int length = Math.min(full.frames() - start, (int) Math.round(4 * full.fps()) + 1);
            gt = full.window(start, length);
            source.append("CMU 131_01 walk (").append(motion.get().resolve(WALK_FILE)).append("), 4 s");
        } else {
            gt = proceduralWalk(101, 25);
            source.append("procedural walk of the standard character (no shared data folder found), 4 s");
        }
        return Synthesizer.synthesize(gt, SynthSettings.defaults(seed));
    }

    /**
     * A walk of the standard character: sinusoidal hips, knees, ankles and arms at 1 Hz, 1.1 m/s
     * forward along x through the centre of the Human3.6M capture area, feet on z = 0.
     */
    public static Sequence proceduralWalk(int frames, double fps) {
        Model m = CharacterBuilder.standard();
        Workspace ws = m.newWorkspace();
        double[] q = new double[m.nq()];
        double[] kp = new double[3 * m.keypointCount()];
        double[] joints = new double[frames * 17 * 3];
        double[] v = new double[m.nv()];
        double lowest = Double.POSITIVE_INFINITY;
        for (int t = 0; t < frames; t++) {
            double time = t / fps;
            double ph = 2 * Math.PI * 1.0 * time;
            m.neutralConfiguration(q);
            java.util.Arrays.fill(v, 0);
            set(m, v, "r_thigh", 1, -0.45 * Math.sin(ph));
            set(m, v, "l_thigh", 1, 0.45 * Math.sin(ph));
            set(m, v, "r_shank", 0, 0.6 * Math.max(0, Math.sin(ph + 1.2)) + 0.05);
            set(m, v, "l_shank", 0, 0.6 * Math.max(0, Math.sin(ph + 1.2 + Math.PI)) + 0.05);
            set(m, v, "r_foot", 1, 0.2 * Math.sin(ph - 0.5));
            set(m, v, "l_foot", 1, -0.2 * Math.sin(ph - 0.5));
            set(m, v, "r_upper_arm", 1, 0.35 * Math.sin(ph));
            set(m, v, "l_upper_arm", 1, -0.35 * Math.sin(ph));
            set(m, v, "r_forearm", 0, 0.3);
            set(m, v, "l_forearm", 0, 0.3);
            ConfigSpace.integrate(m, q, v, 1.0, q);
            q[0] = -2.0 + 1.1 * time;
            q[1] = 0.3;
            q[2] = 0.0;
            Kinematics.keypoints(m, ws, q, kp);
            for (int i = 0; i < kp.length; i++) {
                joints[t * kp.length + i] = 1000 * kp[i];
            }
            lowest = Math.min(lowest, Math.min(kp[3 * 3 + 2], kp[3 * 6 + 2]));
        }
        // lift so that the lowest ankle stands a sole height (70 mm) above the floor
        double lift = 70 - 1000 * lowest;
        for (int i = 2; i < joints.length; i += 3) {
            joints[i] += lift;
        }
        Sequence.Builder b = Sequence.builder("procedural_walk", fps, Skeleton.H36M_17, frames, UpAxis.Z);
        for (Camera c : H36mCameras.of("S9")) {
            b.camera(c);
        }
        return b.groundTruth(joints).metadata("source", "procedural walk (physrec demo)").build();
    }

    private static void set(Model m, double[] v, String body, int dof, double value) {
        v[m.vStart(m.bodyIndex(body)) + dof] = value;
    }
}
