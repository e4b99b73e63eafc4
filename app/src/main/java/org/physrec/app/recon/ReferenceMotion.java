package org.physrec.app.recon;

import org.physrec.physics.ConfigSpace;
import org.physrec.physics.InverseDynamics;
import org.physrec.physics.Model;
import org.physrec.physics.Workspace;

/**
 * The kinematic reference motion: configurations q(t) from inverse kinematics, velocities
 * and accelerations by finite differences on the configuration manifold, and the generalized
 * forces that would produce it (inverse dynamics, RNEA). The FREE root's six entries of those
 * forces are the external wrench the motion needs (from contact, or a residual force).
 *
 * @param frames T
 * @param fps    frame rate (Hz)
 * @param q      (T x nq) configurations
 * @param v      (T x nv) velocities (central differences; one-sided at the ends)
 * @param qdd    (T x nv) accelerations
 * @param tau    (T x nv) inverse-dynamics generalized forces
 */
public record ReferenceMotion(int frames, double fps, double[] q, double[] v, double[] qdd, double[] tau) {

    /** Differentiates q(t) and runs inverse dynamics at every frame. */
    public static ReferenceMotion of(Model model, double[] q, double fps) {
        int nq = model.nq();
        int nv = model.nv();
        if (q.length % nq != 0 || q.length == 0) {
            throw new IllegalArgumentException("q: expected T x " + nq + " values, got " + q.length);
        }
        int frames = q.length / nq;
        if (frames < 2) {
            throw new IllegalArgumentException("q: need at least 2 frames for velocities, got " + frames);
        }
        double dt = 1.0 / fps;
        double[] v = new double[frames * nv];
        double[] a = new double[frames * nv];
        double[] tau = new double[frames * nv];
        double[] q0 = new double[nq];
        double[] q1 = new double[nq];
        double[] d = new double[nv];
        for (int t = 0; t < frames; t++) {
            int lo = Math.max(0, t - 1);
            int hi = Math.min(frames - 1, t + 1);
            System.arraycopy(q, lo * nq, q0, 0, nq);
            System.arraycopy(q, hi * nq, q1, 0, nq);
            ConfigSpace.difference(model, q0, q1, d);
            double span = (hi - lo) * dt;
            for (int i = 0; i < nv; i++) {
                v[t * nv + i] = d[i] / span;
            }
        }
        for (int t = 0; t < frames; t++) {
            int lo = Math.max(0, t - 1);
            int hi = Math.min(frames - 1, t + 1);
            double span = (hi - lo) * dt;
            for (int i = 0; i < nv; i++) {
                a[t * nv + i] = (v[hi * nv + i] - v[lo * nv + i]) / span;
            }
        }
        Workspace ws = model.newWorkspace();
        double[] qt = new double[nq];
        double[] vt = new double[nv];
        double[] at = new double[nv];
        double[] out = new double[nv];
        for (int t = 0; t < frames; t++) {
            System.arraycopy(q, t * nq, qt, 0, nq);
            System.arraycopy(v, t * nv, vt, 0, nv);
            System.arraycopy(a, t * nv, at, 0, nv);
            InverseDynamics.rnea(model, ws, qt, vt, at, out);
            System.arraycopy(out, 0, tau, t * nv, nv);
        }
        return new ReferenceMotion(frames, fps, q.clone(), v, a, tau);
    }
}
