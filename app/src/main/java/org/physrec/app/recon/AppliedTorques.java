package org.physrec.app.recon;

import org.physrec.physics.JointType;
import org.physrec.physics.Model;

/**
 * The joint torques a reconstruction reports: feed-forward control plus the PD feedback at the
 * start of each interval (state of frame t, reference of frame t+1), clamped to the torque
 * limits. The simulator re-evaluates the PD term at every substep and saturates smoothly, so
 * this is the torque at the interval's first substep up to that smoothing.
 */
final class AppliedTorques {

    private AppliedTorques() {
    }

    /**
     * @param q        (T x nq) states
     * @param v        (T x nv)
     * @param qRef     (T x nq) PD reference
     * @param controls (T x nc) controls (nu torques first)
     * @param gains    {kp, kd} per actuated dof
     * @return (T x nu) N·m
     */
    static double[] of(Model m, double[] q, double[] v, double[] qRef, double[] controls, int nc, int frames,
                       double[][] gains) {
        int nq = m.nq();
        int nv = m.nv();
        int nu = m.nu();
        int a0 = m.actuatedStart();
        double[] out = new double[frames * nu];
        double[] err = new double[nu];
        for (int t = 0; t < frames; t++) {
            int r = Math.min(frames - 1, t + 1);
            pdError(m, q, t * nq, qRef, r * nq, err);
            for (int j = 0; j < nu; j++) {
                double tau = controls[t * nc + j] + gains[0][j] * err[j] - gains[1][j] * v[t * nv + a0 + j];
                double l = m.torqueLimit(j);
                out[t * nu + j] = Double.isFinite(l) ? Math.max(-l, Math.min(l, tau)) : tau;
            }
        }
        return out;
    }

    /** Hinge: ref − q; ball: 2·w·vec(q⁻¹ ⊗ ref), as the simulator's PD. */
    private static void pdError(Model m, double[] q, int qo, double[] ref, int ro, double[] errOut) {
        int a0 = m.actuatedStart();
        for (int b = 0; b < m.bodyCount(); b++) {
            int qs = m.qStart(b);
            int j = m.vStart(b) - a0;
            if (m.joint(b) == JointType.HINGE) {
                errOut[j] = ref[ro + qs] - q[qo + qs];
            } else if (m.joint(b) == JointType.BALL) {
                double aw = q[qo + qs];
                double ax = -q[qo + qs + 1];
                double ay = -q[qo + qs + 2];
                double az = -q[qo + qs + 3];
                double bw = ref[ro + qs];
                double bx = ref[ro + qs + 1];
                double by = ref[ro + qs + 2];
                double bz = ref[ro + qs + 3];
                double w = aw * bw - ax * bx - ay * by - az * bz;
                double x = aw * bx + bw * ax + ay * bz - az * by;
                double y = aw * by + bw * ay + az * bx - ax * bz;
                double z = aw * bz + bw * az + ax * by - ay * bx;
                errOut[j] = 2 * w * x;
                errOut[j + 1] = 2 * w * y;
                errOut[j + 2] = 2 * w * z;
            }
        }
    }
}
