package org.physrec.app.eval;

/**
 * Checks and small operations on flat joint arrays of shape (T x J x 3), row-major: the value of
 * coordinate c of joint j in frame t is at {@code (t * J + j) * 3 + c}.
 */
public final class JointArrays {

    private JointArrays() {
    }

    /**
     * Checks that {@code a} holds {@code frames x joints x 3} finite values.
     *
     * @throws IllegalArgumentException naming {@code name}, and the frame and joint of a non-finite value
     */
    public static void check(String name, double[] a, int frames, int joints) {
        if (a == null) {
            throw new IllegalArgumentException(name + ": array is null");
        }
        if (frames < 1 || joints < 1) {
            throw new IllegalArgumentException(name + ": need frames >= 1 and joints >= 1, got " + frames + " x " + joints);
        }
        long expected = (long) frames * joints * 3;
        if (a.length != expected) {
            throw new IllegalArgumentException(name + ": expected " + frames + " x " + joints + " x 3 = " + expected
                    + " values, got " + a.length);
        }
        for (int i = 0; i < a.length; i++) {
            if (!Double.isFinite(a[i])) {
                int t = i / (joints * 3);
                int j = (i / 3) % joints;
                throw new IllegalArgumentException(name + ": non-finite value " + a[i] + " at frame " + t + ", joint " + j
                        + ", coordinate " + "xyz".charAt(i % 3));
            }
        }
    }

    /** Number of frames in an array of {@code joints x 3} values per frame; checks divisibility. */
    public static int frames(String name, double[] a, int joints) {
        if (a == null || a.length == 0 || a.length % (joints * 3) != 0) {
            throw new IllegalArgumentException(name + ": length " + (a == null ? "null" : a.length)
                    + " is not a positive multiple of " + joints + " x 3");
        }
        return a.length / (joints * 3);
    }

    /** Copy of {@code a} with joint {@code root} subtracted from every joint, per frame. Shape (T x J x 3). */
    public static double[] rootRelative(double[] a, int frames, int joints, int root) {
        double[] out = new double[a.length];
        for (int t = 0; t < frames; t++) {
            int base = t * joints * 3;
            int r = base + root * 3;
            for (int j = 0; j < joints; j++) {
                int k = base + j * 3;
                out[k] = a[k] - a[r];
                out[k + 1] = a[k + 1] - a[r + 1];
                out[k + 2] = a[k + 2] - a[r + 2];
            }
        }
        return out;
    }

    /** Euclidean distance between joint {@code j} of frame {@code t} in {@code a} and in {@code b}. */
    static double distance(double[] a, double[] b, int joints, int t, int j) {
        int k = (t * joints + j) * 3;
        double dx = a[k] - b[k];
        double dy = a[k + 1] - b[k + 1];
        double dz = a[k + 2] - b[k + 2];
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }
}
