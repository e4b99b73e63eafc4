package org.physrec.app.physics;

import org.physrec.physics.Model;
import org.physrec.physics.State;
import org.physrec.physics.bullet.BulletRollout;
import org.physrec.physics.bullet.BulletSettings;
import org.physrec.physics.sim.Rollout;
import org.physrec.physics.sim.SimSettings;
import org.physrec.physics.sim.SimulationDivergedException;
import org.physrec.physics.sim.Simulator;

/**
 * Re-simulates a reconstruction's torques (and residual root wrenches, when the file has them)
 * open loop from its initial state, in jbullet and in
 * our engine, and measures how far each simulated motion drifts from the reconstructed joints:
 * a plausibility check (a physically consistent reconstruction replays closely in ours; jbullet
 * shows what an independent engine makes of the same torques).
 */
public final class TrajectoryReplay {
    private TrajectoryReplay() {
    }

    /**
     * Per-frame deviation of one engine from the reconstructed joints.
     *
     * @param engine      engine name
     * @param maxErrorMm  (T) max over joints of |simulated − reconstructed| at each frame (mm)
     * @param meanErrorMm (T) mean over joints (mm)
     * @param failure     why the run stopped early (frames after it are NaN), or null
     */
    public record Deviation(String engine, double[] maxErrorMm, double[] meanErrorMm, String failure) {
        /** Max over frames of the per-frame max error (finite frames only). */
        public double maxMm() {
            double m = 0;
            for (double x : maxErrorMm) {
                if (Double.isFinite(x)) {
                    m = Math.max(m, x);
                }
            }
            return m;
        }

        /** Mean over frames and joints (finite frames only). */
        public double meanMm() {
            double s = 0;
            int n = 0;
            for (double x : meanErrorMm) {
                if (Double.isFinite(x)) {
                    s += x;
                    n++;
                }
            }
            return n == 0 ? Double.NaN : s / n;
        }
    }

    /** jbullet with ground contact (the physics frame's floor, z = 0). */
    public static Deviation bullet(ReplayInput in, BulletSettings settings) {
        BulletRollout.Result r = BulletRollout.run(in.model(), settings.withGroundHeight(0), in.q0(),
                in.v0(), in.drivingTorques(), in.drivingWrench(), in.fps(), in.substeps());
        return compare("jbullet", in, r.keypoints(), null);
    }

    /** Our engine with its settings (the floor of the physics frame, z = 0). */
    public static Deviation ours(ReplayInput in, SimSettings settings) {
        Model m = in.model();
        // the reported torques are what the reconstruction's simulation applied, saturation included:
        // held per frame, without saturating them a second time
        SimSettings s = settings.withFps(in.fps()).withSubsteps(in.substeps()).withTorqueLimits(false)
                .withContact(settings.contact().withGround(new double[] {0, 0, 1}, 0))
                .withRootResidual(in.residualWrench() != null);
        Simulator sim = new Simulator(m, s);
        int frames = in.frames() - 1;
        int kp = 3 * m.keypointCount();
        double[] keypoints = new double[in.frames() * kp];
        java.util.Arrays.fill(keypoints, kp, keypoints.length, Double.NaN);
        State x0 = new State(m.nq(), m.nv());
        System.arraycopy(in.q0(), 0, x0.q, 0, m.nq());
        System.arraycopy(in.v0(), 0, x0.v, 0, m.nv());
        double[] first = new double[kp];
        org.physrec.physics.Kinematics.keypoints(m, m.newWorkspace(), x0.q, first);
        System.arraycopy(first, 0, keypoints, 0, kp);
        String failure = null;
        // frame by frame, so a divergence keeps the frames before it
        Rollout rollout = new Rollout(sim, 1);
        State x = x0.copy();
        int nc = sim.controlDim();
        double[] controls = new double[nc];
        double[] torques = in.drivingTorques();
        double[] wrench = in.drivingWrench();
        double[] k = new double[kp];
        for (int t = 0; t < frames; t++) {
            System.arraycopy(torques, t * m.nu(), controls, 0, m.nu());
            if (wrench != null) {
                System.arraycopy(wrench, t * 6, controls, m.nu(), 6);
            }
            try {
                rollout.run(x, controls, null, 1, null);
            } catch (SimulationDivergedException e) {
                failure = e.getMessage();
                break;
            }
            rollout.frameState(0, x);
            rollout.keypoints(0, k);
            System.arraycopy(k, 0, keypoints, (t + 1) * kp, kp);
        }
        return compare("ours", in, keypoints, failure);
    }

    private static Deviation compare(String engine, ReplayInput in, double[] keypoints, String failure) {
        int n = in.model().keypointCount();
        double[] max = new double[in.frames()];
        double[] mean = new double[in.frames()];
        for (int t = 0; t < in.frames(); t++) {
            double m = 0;
            double s = 0;
            for (int j = 0; j < n; j++) {
                int o = (t * n + j) * 3;
                double dx = keypoints[o] - in.jointsMetres()[o];
                double dy = keypoints[o + 1] - in.jointsMetres()[o + 1];
                double dz = keypoints[o + 2] - in.jointsMetres()[o + 2];
                double d = 1e3 * Math.sqrt(dx * dx + dy * dy + dz * dz);
                m = Math.max(m, d);
                s += d;
            }
            max[t] = m;
            mean[t] = s / n;
        }
        return new Deviation(engine, max, mean, failure);
    }
}
