package org.physrec.physics;

/**
 * The configuration manifold: q ⊕ δ and its inverse q1 ⊖ q0. Quaternions are not vectors:
 * a FREE root rotates as exp(δω) ⊗ quat (world angular velocity), a BALL joint as
 * quat ⊗ exp(δω) (child-frame angular velocity); positions and hinge angles add.
 */
public final class ConfigSpace {
    private ConfigSpace() {
    }

    /**
     * qOut = q ⊕ dt·v; quaternions are renormalized. qOut may alias q.
     *
     * @param q    (nq)
     * @param v    (nv)
     * @param qOut (nq)
     */
    public static void integrate(Model model, double[] q, double[] v, double dt, double[] qOut) {
        Checks.length("q", q, model.nq());
        Checks.length("v", v, model.nv());
        Checks.length("qOut", qOut, model.nq());
        double[] e = new double[4];
        double[] r = new double[4];
        for (int i = 0; i < model.bodyCount(); i++) {
            int qs = model.qStart(i);
            int vs = model.vStart(i);
            switch (model.joint(i)) {
                case FIXED:
                    break;
                case FREE:
                    for (int k = 0; k < 3; k++) {
                        qOut[qs + k] = q[qs + k] + dt * v[vs + k];
                    }
                    exp(dt * v[vs + 3], dt * v[vs + 4], dt * v[vs + 5], e, 0);
                    mul(e, 0, q, qs + 3, r, 0);
                    normalizeInto(r, qOut, qs + 3);
                    break;
                case BALL:
                    exp(dt * v[vs], dt * v[vs + 1], dt * v[vs + 2], e, 0);
                    mul(q, qs, e, 0, r, 0);
                    normalizeInto(r, qOut, qs);
                    break;
                case HINGE:
                    qOut[qs] = q[qs] + dt * v[vs];
                    break;
                default:
                    throw new IllegalStateException();
            }
        }
    }

    /**
     * vOut = q1 ⊖ q0, the velocity that moves q0 to q1 in unit time: integrate(q0, vOut, 1) = q1.
     */
    public static void difference(Model model, double[] q0, double[] q1, double[] vOut) {
        Checks.length("q0", q0, model.nq());
        Checks.length("q1", q1, model.nq());
        Checks.length("vOut", vOut, model.nv());
        double[] c = new double[4];
        double[] r = new double[4];
        for (int i = 0; i < model.bodyCount(); i++) {
            int qs = model.qStart(i);
            int vs = model.vStart(i);
            switch (model.joint(i)) {
                case FIXED:
                    break;
                case FREE:
                    for (int k = 0; k < 3; k++) {
                        vOut[vs + k] = q1[qs + k] - q0[qs + k];
                    }
                    conj(q0, qs + 3, c);
                    mul(q1, qs + 3, c, 0, r, 0);
                    log(r, vOut, vs + 3);
                    break;
                case BALL:
                    conj(q0, qs, c);
                    mul(c, 0, q1, qs, r, 0);
                    log(r, vOut, vs);
                    break;
                case HINGE:
                    vOut[vs] = q1[qs] - q0[qs];
                    break;
                default:
                    throw new IllegalStateException();
            }
        }
    }

    /**
     * Converts a gradient with respect to the configuration coordinates (nq) into the gradient
     * with respect to a tangent perturbation δ of q ⊕ δ at δ = 0 (nv).
     */
    public static void tangentGradient(Model model, double[] q, double[] gq, double[] gvOut) {
        Checks.length("q", q, model.nq());
        Checks.length("gq", gq, model.nq());
        Checks.length("gvOut", gvOut, model.nv());
        double[] e = new double[4];
        double[] d = new double[4];
        for (int i = 0; i < model.bodyCount(); i++) {
            int qs = model.qStart(i);
            int vs = model.vStart(i);
            switch (model.joint(i)) {
                case FIXED:
                    break;
                case FREE:
                    for (int k = 0; k < 3; k++) {
                        gvOut[vs + k] = gq[qs + k];
                        // d(exp(δ) ⊗ quat)/dδ_k = ½ (0, e_k) ⊗ quat
                        e[0] = 0; e[1] = k == 0 ? 0.5 : 0; e[2] = k == 1 ? 0.5 : 0; e[3] = k == 2 ? 0.5 : 0;
                        mul(e, 0, q, qs + 3, d, 0);
                        gvOut[vs + 3 + k] = dot4(d, gq, qs + 3);
                    }
                    break;
                case BALL:
                    for (int k = 0; k < 3; k++) {
                        e[0] = 0; e[1] = k == 0 ? 0.5 : 0; e[2] = k == 1 ? 0.5 : 0; e[3] = k == 2 ? 0.5 : 0;
                        mul(q, qs, e, 0, d, 0);
                        gvOut[vs + k] = dot4(d, gq, qs);
                    }
                    break;
                case HINGE:
                    gvOut[vs] = gq[qs];
                    break;
                default:
                    throw new IllegalStateException();
            }
        }
    }

    private static double dot4(double[] a, double[] b, int bo) {
        return a[0] * b[bo] + a[1] * b[bo + 1] + a[2] * b[bo + 2] + a[3] * b[bo + 3];
    }

    /** Quaternion exp of a rotation vector into out[o..o+3]. */
    static void exp(double x, double y, double z, double[] out, int o) {
        double th = Math.sqrt(x * x + y * y + z * z);
        double s = th < 1e-8 ? 0.5 - th * th / 48 : Math.sin(0.5 * th) / th;
        out[o] = Math.cos(0.5 * th);
        out[o + 1] = s * x;
        out[o + 2] = s * y;
        out[o + 3] = s * z;
    }

    /** Rotation vector of unit quaternion r (shortest: w sign folded to ≥ 0) into out[o..o+2]. */
    static void log(double[] r, double[] out, int o) {
        double w = r[0];
        double x = r[1];
        double y = r[2];
        double z = r[3];
        if (w < 0) {
            w = -w; x = -x; y = -y; z = -z;
        }
        double s = Math.sqrt(x * x + y * y + z * z);
        double k = s < 1e-12 ? 2 / w : 2 * Math.atan2(s, w) / s;
        out[o] = k * x;
        out[o + 1] = k * y;
        out[o + 2] = k * z;
    }

    static void mul(double[] a, int ao, double[] b, int bo, double[] out, int o) {
        double aw = a[ao];
        double ax = a[ao + 1];
        double ay = a[ao + 2];
        double az = a[ao + 3];
        double bw = b[bo];
        double bx = b[bo + 1];
        double by = b[bo + 2];
        double bz = b[bo + 3];
        out[o] = aw * bw - ax * bx - ay * by - az * bz;
        out[o + 1] = aw * bx + bw * ax + ay * bz - az * by;
        out[o + 2] = aw * by + bw * ay + az * bx - ax * bz;
        out[o + 3] = aw * bz + bw * az + ax * by - ay * bx;
    }

    private static void conj(double[] a, int ao, double[] out) {
        out[0] = a[ao];
        out[1] = -a[ao + 1];
        out[2] = -a[ao + 2];
        out[3] = -a[ao + 3];
    }

    private static void normalizeInto(double[] r, double[] out, int o) {
        double n = Math.sqrt(r[0] * r[0] + r[1] * r[1] + r[2] * r[2] + r[3] * r[3]);
        out[o] = r[0] / n;
        out[o + 1] = r[1] / n;
        out[o + 2] = r[2] / n;
        out[o + 3] = r[3] / n;
    }
}
