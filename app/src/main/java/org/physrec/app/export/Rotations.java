package org.physrec.app.export;

/**
 * 3 x 3 rotation helpers on row-major {@code double[9]}, with outputs last. Used by the BVH
 * converter; no allocation.
 */
final class Rotations {

    private static final double EPS = 1e-12;

    private Rotations() {
    }

    static void identity(double[] out) {
        java.util.Arrays.fill(out, 0, 9, 0.0);
        out[0] = 1;
        out[4] = 1;
        out[8] = 1;
    }

    /** out = a * b (out must not alias a or b). */
    static void mul(double[] a, double[] b, double[] out) {
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                out[3 * i + j] = a[3 * i] * b[j] + a[3 * i + 1] * b[3 + j] + a[3 * i + 2] * b[6 + j];
            }
        }
    }

    /** out = a^T * b (out must not alias a or b). */
    static void mulTransA(double[] a, double[] b, double[] out) {
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                out[3 * i + j] = a[i] * b[j] + a[3 + i] * b[3 + j] + a[6 + i] * b[6 + j];
            }
        }
    }

    /** out = a^T * v for a vector (out must not alias v). */
    static void transMulVec(double[] a, double[] v, double[] out) {
        for (int i = 0; i < 3; i++) {
            out[i] = a[i] * v[0] + a[3 + i] * v[1] + a[6 + i] * v[2];
        }
    }

    /** out = a * v for a vector. */
    static void mulVec(double[] a, double x, double y, double z, double[] out) {
        for (int i = 0; i < 3; i++) {
            out[i] = a[3 * i] * x + a[3 * i + 1] * y + a[3 * i + 2] * z;
        }
    }

    /**
     * The smallest rotation taking unit vector {@code from} to unit vector {@code to} (no twist about
     * either). For opposite vectors the axis is a fixed perpendicular of {@code from}.
     */
    static void swing(double[] from, double[] to, double[] out) {
        double ax = from[1] * to[2] - from[2] * to[1];
        double ay = from[2] * to[0] - from[0] * to[2];
        double az = from[0] * to[1] - from[1] * to[0];
        double s = Math.sqrt(ax * ax + ay * ay + az * az);
        double c = from[0] * to[0] + from[1] * to[1] + from[2] * to[2];
        if (s < EPS) {
            if (c > 0) {
                identity(out);
                return;
            }
            // opposite: rotate by pi about a perpendicular of 'from' (cross with its smallest axis e)
            double fx = Math.abs(from[0]), fy = Math.abs(from[1]), fz = Math.abs(from[2]);
            double ex = fx <= fy && fx <= fz ? 1 : 0;
            double ey = ex == 0 && fy <= fz ? 1 : 0;
            double ez = ex == 0 && ey == 0 ? 1 : 0;
            ax = from[1] * ez - from[2] * ey;
            ay = from[2] * ex - from[0] * ez;
            az = from[0] * ey - from[1] * ex;
            s = Math.sqrt(ax * ax + ay * ay + az * az);
            axisAngle(ax / s, ay / s, az / s, 0.0, -1.0, out);
            return;
        }
        axisAngle(ax / s, ay / s, az / s, s, c, out);
    }

    /** Rotation about unit axis (x, y, z) by the angle with sine s and cosine c (Rodrigues). */
    static void axisAngle(double x, double y, double z, double s, double c, double[] out) {
        double k = 1 - c;
        out[0] = c + x * x * k;
        out[1] = x * y * k - z * s;
        out[2] = x * z * k + y * s;
        out[3] = y * x * k + z * s;
        out[4] = c + y * y * k;
        out[5] = y * z * k - x * s;
        out[6] = z * x * k - y * s;
        out[7] = z * y * k + x * s;
        out[8] = c + z * z * k;
    }

    /**
     * Orthonormal frame with columns (x, y, z): y along {@code up}, x along the part of
     * {@code lateral} orthogonal to y, z = x cross y.
     *
     * @return false if either vector is (near) zero or they are (near) parallel
     */
    static boolean frame(double[] up, double[] lateral, double[] out) {
        double un = Math.sqrt(up[0] * up[0] + up[1] * up[1] + up[2] * up[2]);
        if (un < EPS) {
            return false;
        }
        double yx = up[0] / un, yy = up[1] / un, yz = up[2] / un;
        double d = lateral[0] * yx + lateral[1] * yy + lateral[2] * yz;
        double xx = lateral[0] - d * yx, xy = lateral[1] - d * yy, xz = lateral[2] - d * yz;
        double xn = Math.sqrt(xx * xx + xy * xy + xz * xz);
        double ln = Math.sqrt(lateral[0] * lateral[0] + lateral[1] * lateral[1] + lateral[2] * lateral[2]);
        if (xn < 1e-6 * Math.max(ln, EPS)) {
            return false;
        }
        xx /= xn;
        xy /= xn;
        xz /= xn;
        double zx = xy * yz - xz * yy, zy = xz * yx - xx * yz, zz = xx * yy - xy * yx;
        out[0] = xx;
        out[1] = yx;
        out[2] = zx;
        out[3] = xy;
        out[4] = yy;
        out[5] = zy;
        out[6] = xz;
        out[7] = yz;
        out[8] = zz;
        return true;
    }

    /**
     * Euler angles in degrees for R = Rz(a) Rx(b) Ry(c) (BVH channel order "Zrotation Xrotation
     * Yrotation"), written as (a, b, c). Each angle is shifted by a multiple of 360 to lie nearest the
     * matching entry of {@code previousDeg[prevOff..prevOff+2]} (pass null for none), so curves stay
     * continuous.
     */
    static void eulerZxyDegrees(double[] r, double[] previousDeg, int prevOff, double[] outDeg) {
        double sb = Math.max(-1.0, Math.min(1.0, r[7]));
        double b = Math.asin(sb);
        double a;
        double c;
        if (Math.sqrt(r[1] * r[1] + r[4] * r[4]) > 1e-9) {
            a = Math.atan2(-r[1], r[4]);
            c = Math.atan2(-r[6], r[8]);
        } else {
            // gimbal lock (cos b = 0): only a +/- c is determined; put it all in a
            a = Math.atan2(r[3], r[0]);
            c = 0.0;
        }
        outDeg[0] = Math.toDegrees(a);
        outDeg[1] = Math.toDegrees(b);
        outDeg[2] = Math.toDegrees(c);
        if (previousDeg != null) {
            for (int i = 0; i < 3; i++) {
                outDeg[i] += 360.0 * Math.rint((previousDeg[prevOff + i] - outDeg[i]) / 360.0);
            }
        }
    }

    /** Elementary rotation about axis 'X', 'Y' or 'Z' by {@code deg} degrees. */
    static void elementary(char axis, double deg, double[] out) {
        double t = Math.toRadians(deg);
        double c = Math.cos(t), s = Math.sin(t);
        identity(out);
        switch (axis) {
            case 'X' -> {
                out[4] = c;
                out[5] = -s;
                out[7] = s;
                out[8] = c;
            }
            case 'Y' -> {
                out[0] = c;
                out[2] = s;
                out[6] = -s;
                out[8] = c;
            }
            case 'Z' -> {
                out[0] = c;
                out[1] = -s;
                out[3] = s;
                out[4] = c;
            }
            default -> throw new IllegalArgumentException("axis: expected X, Y or Z, got " + axis);
        }
    }
}
