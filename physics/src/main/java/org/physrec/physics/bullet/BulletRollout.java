package org.physrec.physics.bullet;

import org.physrec.physics.Checks;
import org.physrec.physics.Model;

/**
 * A torque-driven rollout in a fresh jbullet world: T frames of {@code substeps} steps each,
 * the torques of a frame held constant over its substeps (as in our rollout).
 */
public final class BulletRollout {
    private BulletRollout() {
    }

    /**
     * The result: states and keypoints at frames 0..T (frame 0 is the initial state).
     *
     * @param q         ((T+1) x nq) configurations read back from jbullet
     * @param v         ((T+1) x nv) velocities
     * @param keypoints ((T+1) x K x 3) world keypoints from the bodies' own poses (m)
     */
    public record Result(int frames, double[] q, double[] v, double[] keypoints) {
    }

    /**
     * @param q0       (nq) initial configuration
     * @param v0       (nv) initial velocity
     * @param torques  (T x nu) actuated joint torques per frame (N·m), row-major
     * @param fps      frames per second, &gt; 0
     * @param substeps steps per frame, &gt;= 1 (dt = 1 / (fps · substeps))
     */
    public static Result run(Model model, BulletSettings settings, double[] q0, double[] v0, double[] torques,
                             double fps, int substeps) {
        return run(model, settings, q0, v0, torques, null, fps, substeps);
    }

    /**
     * As {@link #run(Model, BulletSettings, double[], double[], double[], double, int)} with a
     * residual wrench on a FREE root per frame.
     *
     * @param rootWrench (T x 6) world force at the root origin (N) then world moment (N·m) per
     *                   frame, or null for none
     */
    public static Result run(Model model, BulletSettings settings, double[] q0, double[] v0, double[] torques,
                             double[] rootWrench, double fps, int substeps) {
        if (torques == null || model.nu() == 0 || torques.length % model.nu() != 0) {
            throw new IllegalArgumentException("torques: expected a multiple of nu = " + model.nu() + " values, got "
                    + (torques == null ? "null" : torques.length));
        }
        Checks.finite("torques", torques);
        if (!(fps > 0) || !Double.isFinite(fps)) {
            throw new IllegalArgumentException("fps: must be finite and > 0, got " + fps);
        }
        if (substeps < 1) {
            throw new IllegalArgumentException("substeps: must be >= 1, got " + substeps);
        }
        int nu = model.nu();
        int nq = model.nq();
        int nv = model.nv();
        int kp = 3 * model.keypointCount();
        int frames = torques.length / nu;
        if (rootWrench != null) {
            if (model.actuatedStart() != 6) {
                throw new IllegalArgumentException("rootWrench: the model's root is not FREE");
            }
            Checks.length("rootWrench", rootWrench, 6 * frames);
            Checks.finite("rootWrench", rootWrench);
        }
        BulletRagdoll ragdoll = BulletRagdoll.create(model, settings, q0, v0);
        double[] q = new double[(frames + 1) * nq];
        double[] v = new double[(frames + 1) * nv];
        double[] keypoints = new double[(frames + 1) * kp];
        double[] qf = new double[nq];
        double[] vf = new double[nv];
        double[] kf = new double[kp];
        double[] tau = new double[nv];
        double dt = 1.0 / (fps * substeps);
        int a = model.actuatedStart();
        for (int t = 0; t <= frames; t++) {
            if (t > 0) {
                System.arraycopy(torques, (t - 1) * nu, tau, a, nu);
                if (rootWrench != null) {
                    System.arraycopy(rootWrench, (t - 1) * 6, tau, 0, 6);
                }
                for (int s = 0; s < substeps; s++) {
                    ragdoll.step(tau, dt);
                }
            }
            ragdoll.state(qf, vf);
            ragdoll.keypoints(kf);
            System.arraycopy(qf, 0, q, t * nq, nq);
            System.arraycopy(vf, 0, v, t * nv, nv);
            System.arraycopy(kf, 0, keypoints, t * kp, kp);
        }
        return new Result(frames, q, v, keypoints);
    }
}
