package org.physrec.physics;

/** Argument checks that name the offending argument. */
public final class Checks {
    private Checks() {
    }

    public static void length(String name, double[] a, int expected) {
        if (a == null) {
            throw new IllegalArgumentException(name + ": must not be null");
        }
        if (a.length != expected) {
            throw new IllegalArgumentException(name + ": expected " + expected + " values, got " + a.length);
        }
    }

    public static void finite3(String name, double[] a) {
        length(name, a, 3);
        finite(name, a);
    }

    public static void finite(String name, double[] a) {
        for (int i = 0; i < a.length; i++) {
            if (!Double.isFinite(a[i])) {
                throw new IllegalArgumentException(name + "[" + i + "]: not finite (" + a[i] + ")");
            }
        }
    }

    /** Symmetric positive semi-definite 3x3 (row-major). */
    static void inertia(String name, double[] m) {
        finite(name, m);
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                if (Math.abs(m[3 * r + c] - m[3 * c + r]) > 1e-12 * (1 + Math.abs(m[3 * r + c]))) {
                    throw new IllegalArgumentException(name + ": not symmetric");
                }
            }
            if (m[4 * r] < 0) {
                throw new IllegalArgumentException(name + ": negative diagonal " + m[4 * r]);
            }
        }
    }

    /** True if q has length nq, is finite and its quaternions are unit within 1e-6 (no allocation). */
    public static boolean isValidConfiguration(Model model, double[] q) {
        if (q == null || q.length != model.nq()) {
            return false;
        }
        for (double x : q) {
            if (!Double.isFinite(x)) {
                return false;
            }
        }
        for (int i = 0; i < model.bodyCount(); i++) {
            JointType j = model.joint(i);
            if (j == JointType.FREE || j == JointType.BALL) {
                int s = model.qStart(i) + (j == JointType.FREE ? 3 : 0);
                double n = Math.sqrt(q[s] * q[s] + q[s + 1] * q[s + 1] + q[s + 2] * q[s + 2] + q[s + 3] * q[s + 3]);
                if (Math.abs(n - 1) > 1e-6) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Checks q (length nq, finite, unit quaternions within 1e-6) and v (length nv, finite).
     */
    public static void state(Model model, String qName, double[] q, String vName, double[] v) {
        length(qName, q, model.nq());
        finite(qName, q);
        if (v != null) {
            length(vName, v, model.nv());
            finite(vName, v);
        }
        for (int i = 0; i < model.bodyCount(); i++) {
            JointType j = model.joint(i);
            int s = model.qStart(i) + (j == JointType.FREE ? 3 : 0);
            if (j == JointType.FREE || j == JointType.BALL) {
                double n = Math.sqrt(q[s] * q[s] + q[s + 1] * q[s + 1] + q[s + 2] * q[s + 2] + q[s + 3] * q[s + 3]);
                if (Math.abs(n - 1) > 1e-6) {
                    throw new IllegalArgumentException(qName + "[" + s + ".." + (s + 3) + "]: quaternion of joint "
                            + model.bodyName(i) + " not normalized (norm " + n + ")");
                }
            }
        }
    }
}
