package org.physrec.app.recon;

/**
 * Rotation vectors of unit quaternions (w, x, y, z) and the inverse right Jacobian of SO(3):
 * for a joint moved by a child-frame tangent step δ (quat ⊗ exp(δ)), the rotation vector
 * changes by {@code Jr⁻¹(θ)·δ} to first order. Used for joint-limit terms, which the
 * character defines on rotation-vector components.
 */
public final class RotationVectors {

    private RotationVectors() {
    }

    /** Rotation vector (angle·axis, angle in [0, π]) of the quaternion at {@code q[o..o+3]} into out[oo..oo+2]. */
    public static void log(double[] q, int o, double[] out, int oo) {
        double w = q[o];
        double x = q[o + 1];
        double y = q[o + 2];
        double z = q[o + 3];
        if (w < 0) {
            w = -w;
            x = -x;
            y = -y;
            z = -z;
        }
        double s = Math.sqrt(x * x + y * y + z * z);
        double k = s < 1e-12 ? 2 / w : 2 * Math.atan2(s, w) / s;
        out[oo] = k * x;
        out[oo + 1] = k * y;
        out[oo + 2] = k * z;
    }

    /**
     * Jr⁻¹(θ) = I + ½[θ]× + (1/θ² − (1 + cos θ)/(2 θ sin θ))·[θ]×², row-major 3x3 into out.
     *
     * @param r rotation vector θ at r[o..o+2]
     */
    public static void inverseRightJacobian(double[] r, int o, double[] out) {
        double x = r[o];
        double y = r[o + 1];
        double z = r[o + 2];
        double th2 = x * x + y * y + z * z;
        double th = Math.sqrt(th2);
        double c = th < 1e-4 ? 1.0 / 12 + th2 / 720 : 1 / th2 - (1 + Math.cos(th)) / (2 * th * Math.sin(th));
        // [θ]× = [[0, -z, y], [z, 0, -x], [-y, x, 0]]; [θ]×² = θθᵀ − θ²I
        out[0] = 1 + c * (x * x - th2);
        out[1] = -0.5 * z + c * x * y;
        out[2] = 0.5 * y + c * x * z;
        out[3] = 0.5 * z + c * y * x;
        out[4] = 1 + c * (y * y - th2);
        out[5] = -0.5 * x + c * y * z;
        out[6] = -0.5 * y + c * z * x;
        out[7] = 0.5 * x + c * z * y;
        out[8] = 1 + c * (z * z - th2);
    }

    /**
     * Adds (d log(q)/d q)ᵀ·gr to {@code gqOut[oq..oq+3]}: the gradient with respect to the four
     * quaternion coordinates (w, x, y, z) of a function of the rotation vector, whose gradient
     * is gr. Valid for non-unit quaternions (the rotation vector is scale-invariant).
     */
    public static void logVjp(double[] q, int o, double[] gr, int og, double scale, double[] gqOut, int oq) {
        double sign = q[o] < 0 ? -1 : 1;
        double w = sign * q[o];
        double x = sign * q[o + 1];
        double y = sign * q[o + 2];
        double z = sign * q[o + 3];
        double s2 = x * x + y * y + z * z;
        double s = Math.sqrt(s2);
        double n2 = s2 + w * w;
        double a;
        double b;
        if (s < 1e-6) {
            a = 2 / w - 2 * s2 / (3 * w * w * w);
            b = -4 / (3 * w * w * w);
        } else {
            a = 2 * Math.atan2(s, w) / s;
            b = (2 * w / n2 - a) / s2;
        }
        // r = a·(x, y, z); dr/dw = -2 (x, y, z)/n²; dr_i/dx_j = a δij + b x_i x_j
        double g0 = gr[og];
        double g1 = gr[og + 1];
        double g2 = gr[og + 2];
        double xg = x * g0 + y * g1 + z * g2;
        double k = sign * scale;
        gqOut[oq] += k * (-2 * xg / n2);
        gqOut[oq + 1] += k * (a * g0 + b * x * xg);
        gqOut[oq + 2] += k * (a * g1 + b * y * xg);
        gqOut[oq + 3] += k * (a * g2 + b * z * xg);
    }
}
