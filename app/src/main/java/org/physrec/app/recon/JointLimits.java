package org.physrec.app.recon;

import org.physrec.physics.JointType;
import org.physrec.physics.Model;

/**
 * The character's soft joint limits as a loss: Σ over actuated dofs of the squared violation
 * (rad²) of [lower, upper], on rotation-vector components for ball joints and on angles for
 * hinges, with its gradient with respect to a tangent step δ of q ⊕ δ (length nv).
 */
public final class JointLimits {

    private final Model model;
    private final double[] r = new double[3];
    private final double[] jinv = new double[9];

    public JointLimits(Model model) {
        this.model = model;
    }

    /**
     * Limit coordinates of the actuated dofs.
     *
     * @param q          (nq) configuration
     * @param coordsOut  (nu) rotation-vector components (ball) or angles (hinge), rad
     */
    public void coordinates(double[] q, double[] coordsOut) {
        int a0 = model.actuatedStart();
        for (int b = 0; b < model.bodyCount(); b++) {
            JointType jt = model.joint(b);
            int u = model.vStart(b) - a0;
            if (jt == JointType.BALL) {
                RotationVectors.log(q, model.qStart(b), coordsOut, u);
            } else if (jt == JointType.HINGE) {
                coordsOut[u] = q[model.qStart(b)];
            }
        }
    }

    /**
     * Σ violation², adding {@code scale}·gradient into {@code gvOut} (tangent coordinates).
     *
     * @param q     (nq) configuration
     * @param gvOut (nv) accumulated into (may be null for the value only)
     */
    public double value(double[] q, double scale, double[] gvOut) {
        int a0 = model.actuatedStart();
        double sum = 0;
        for (int b = 0; b < model.bodyCount(); b++) {
            JointType jt = model.joint(b);
            int vs = model.vStart(b);
            int u = vs - a0;
            if (jt == JointType.BALL) {
                RotationVectors.log(q, model.qStart(b), r, 0);
                boolean any = false;
                double e0 = excess(r[0], u);
                double e1 = excess(r[1], u + 1);
                double e2 = excess(r[2], u + 2);
                sum += e0 * e0 + e1 * e1 + e2 * e2;
                any = e0 != 0 || e1 != 0 || e2 != 0;
                if (any && gvOut != null) {
                    RotationVectors.inverseRightJacobian(r, 0, jinv);
                    for (int k = 0; k < 3; k++) {
                        gvOut[vs + k] += scale * 2 * (e0 * jinv[k] + e1 * jinv[3 + k] + e2 * jinv[6 + k]);
                    }
                }
            } else if (jt == JointType.HINGE) {
                double e = excess(q[model.qStart(b)], u);
                sum += e * e;
                if (gvOut != null) {
                    gvOut[vs] += scale * 2 * e;
                }
            }
        }
        return sum;
    }

    /**
     * Σ violation², adding {@code scale}·gradient with respect to the configuration coordinates
     * (nq) into {@code gqOut}.
     */
    public double valueConfiguration(double[] q, double scale, double[] gqOut) {
        int a0 = model.actuatedStart();
        double sum = 0;
        for (int b = 0; b < model.bodyCount(); b++) {
            JointType jt = model.joint(b);
            int u = model.vStart(b) - a0;
            int qs = model.qStart(b);
            if (jt == JointType.BALL) {
                RotationVectors.log(q, qs, r, 0);
                double e0 = excess(r[0], u);
                double e1 = excess(r[1], u + 1);
                double e2 = excess(r[2], u + 2);
                sum += e0 * e0 + e1 * e1 + e2 * e2;
                if (e0 != 0 || e1 != 0 || e2 != 0) {
                    jinv[0] = 2 * e0;
                    jinv[1] = 2 * e1;
                    jinv[2] = 2 * e2;
                    RotationVectors.logVjp(q, qs, jinv, 0, scale, gqOut, qs);
                }
            } else if (jt == JointType.HINGE) {
                double e = excess(q[qs], u);
                sum += e * e;
                gqOut[qs] += scale * 2 * e;
            }
        }
        return sum;
    }

    /**
     * Residual rows for least squares: one row per actuated dof, residual = violation,
     * Jacobian row with respect to δ.
     *
     * @param residualOut (nu)
     * @param jacobianOut (nu x nv) row-major, overwritten
     */
    public void residuals(double[] q, double[] residualOut, double[] jacobianOut) {
        int nv = model.nv();
        int a0 = model.actuatedStart();
        java.util.Arrays.fill(jacobianOut, 0, model.nu() * nv, 0);
        for (int b = 0; b < model.bodyCount(); b++) {
            JointType jt = model.joint(b);
            int vs = model.vStart(b);
            int u = vs - a0;
            if (jt == JointType.BALL) {
                RotationVectors.log(q, model.qStart(b), r, 0);
                RotationVectors.inverseRightJacobian(r, 0, jinv);
                for (int i = 0; i < 3; i++) {
                    double e = excess(r[i], u + i);
                    residualOut[u + i] = e;
                    if (e != 0) {
                        for (int k = 0; k < 3; k++) {
                            jacobianOut[(u + i) * nv + vs + k] = jinv[3 * i + k];
                        }
                    }
                }
            } else if (jt == JointType.HINGE) {
                double e = excess(q[model.qStart(b)], u);
                residualOut[u] = e;
                if (e != 0) {
                    jacobianOut[u * nv + vs] = 1;
                }
            }
        }
    }

    private double excess(double x, int u) {
        double lo = model.lowerLimit(u);
        double hi = model.upperLimit(u);
        return x > hi ? x - hi : x < lo ? x - lo : 0;
    }
}
