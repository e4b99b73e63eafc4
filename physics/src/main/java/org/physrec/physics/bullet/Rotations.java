package org.physrec.physics.bullet;

/** 3x3 rotation helpers on flat row-major arrays (offsets into larger arrays). */
final class Rotations {
    private Rotations() {
    }

    static void identity(double[] m, int o) {
        for (int k = 0; k < 9; k++) {
            m[o + k] = k % 4 == 0 ? 1 : 0;
        }
    }

    /** Rotation of the unit quaternion (w, x, y, z), normalised first. */
    static void quatToMatrix(double w, double x, double y, double z, double[] m, int o) {
        double n = Math.sqrt(w * w + x * x + y * y + z * z);
        w /= n;
        x /= n;
        y /= n;
        z /= n;
        m[o] = 1 - 2 * (y * y + z * z);
        m[o + 1] = 2 * (x * y - w * z);
        m[o + 2] = 2 * (x * z + w * y);
        m[o + 3] = 2 * (x * y + w * z);
        m[o + 4] = 1 - 2 * (x * x + z * z);
        m[o + 5] = 2 * (y * z - w * x);
        m[o + 6] = 2 * (x * z - w * y);
        m[o + 7] = 2 * (y * z + w * x);
        m[o + 8] = 1 - 2 * (x * x + y * y);
    }

    /** Unit quaternion (w ≥ 0) of a rotation matrix (Shepperd's method). */
    static void matrixToQuat(double[] m, int o, double[] qOut, int qo) {
        double m00 = m[o];
        double m11 = m[o + 4];
        double m22 = m[o + 8];
        double tr = m00 + m11 + m22;
        double w;
        double x;
        double y;
        double z;
        if (tr > 0) {
            double s = 2 * Math.sqrt(1 + tr);
            w = 0.25 * s;
            x = (m[o + 7] - m[o + 5]) / s;
            y = (m[o + 2] - m[o + 6]) / s;
            z = (m[o + 3] - m[o + 1]) / s;
        } else if (m00 > m11 && m00 > m22) {
            double s = 2 * Math.sqrt(1 + m00 - m11 - m22);
            w = (m[o + 7] - m[o + 5]) / s;
            x = 0.25 * s;
            y = (m[o + 1] + m[o + 3]) / s;
            z = (m[o + 2] + m[o + 6]) / s;
        } else if (m11 > m22) {
            double s = 2 * Math.sqrt(1 + m11 - m00 - m22);
            w = (m[o + 2] - m[o + 6]) / s;
            x = (m[o + 1] + m[o + 3]) / s;
            y = 0.25 * s;
            z = (m[o + 5] + m[o + 7]) / s;
        } else {
            double s = 2 * Math.sqrt(1 + m22 - m00 - m11);
            w = (m[o + 3] - m[o + 1]) / s;
            x = (m[o + 2] + m[o + 6]) / s;
            y = (m[o + 5] + m[o + 7]) / s;
            z = 0.25 * s;
        }
        double n = Math.sqrt(w * w + x * x + y * y + z * z) * (w < 0 ? -1 : 1);
        qOut[qo] = w / n;
        qOut[qo + 1] = x / n;
        qOut[qo + 2] = y / n;
        qOut[qo + 3] = z / n;
    }

    /** Rotation by angle about the unit axis (Rodrigues). */
    static void axisAngle(double ax, double ay, double az, double angle, double[] m, int o) {
        double s = Math.sin(angle);
        double c = Math.cos(angle);
        double k = 1 - c;
        m[o] = c + ax * ax * k;
        m[o + 1] = ax * ay * k - az * s;
        m[o + 2] = ax * az * k + ay * s;
        m[o + 3] = ay * ax * k + az * s;
        m[o + 4] = c + ay * ay * k;
        m[o + 5] = ay * az * k - ax * s;
        m[o + 6] = az * ax * k - ay * s;
        m[o + 7] = az * ay * k + ax * s;
        m[o + 8] = c + az * az * k;
    }

    /** out = a b (out must not alias a or b). */
    static void mul(double[] a, int ao, double[] b, int bo, double[] out, int o) {
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                out[o + 3 * i + j] = a[ao + 3 * i] * b[bo + j] + a[ao + 3 * i + 1] * b[bo + 3 + j]
                        + a[ao + 3 * i + 2] * b[bo + 6 + j];
            }
        }
    }

    /** out = aᵀ b (out must not alias a or b). */
    static void mulTransposeA(double[] a, int ao, double[] b, int bo, double[] out, int o) {
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                out[o + 3 * i + j] = a[ao + i] * b[bo + j] + a[ao + 3 + i] * b[bo + 3 + j]
                        + a[ao + 6 + i] * b[bo + 6 + j];
            }
        }
    }

    /** out = m x (out must not alias x). */
    static void mulVec(double[] m, int mo, double[] x, int xo, double[] out, int o) {
        double x0 = x[xo];
        double x1 = x[xo + 1];
        double x2 = x[xo + 2];
        out[o] = m[mo] * x0 + m[mo + 1] * x1 + m[mo + 2] * x2;
        out[o + 1] = m[mo + 3] * x0 + m[mo + 4] * x1 + m[mo + 5] * x2;
        out[o + 2] = m[mo + 6] * x0 + m[mo + 7] * x1 + m[mo + 8] * x2;
    }

    /** out = mᵀ x. */
    static void mulTransposeVec(double[] m, int mo, double[] x, int xo, double[] out, int o) {
        double x0 = x[xo];
        double x1 = x[xo + 1];
        double x2 = x[xo + 2];
        out[o] = m[mo] * x0 + m[mo + 3] * x1 + m[mo + 6] * x2;
        out[o + 1] = m[mo + 1] * x0 + m[mo + 4] * x1 + m[mo + 7] * x2;
        out[o + 2] = m[mo + 2] * x0 + m[mo + 5] * x1 + m[mo + 8] * x2;
    }
}
