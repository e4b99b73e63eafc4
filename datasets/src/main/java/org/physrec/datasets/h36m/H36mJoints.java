package org.physrec.datasets.h36m;

/** The Human3.6M release's 32 joints and the 17 kept for evaluation (VideoPose3D / Martinez). */
public final class H36mJoints {

    /** Number of joints in the release files. */
    public static final int RELEASE_JOINTS = 32;

    /** Release indices of the H36M-17 joints, in {@link org.physrec.datasets.Skeleton#H36M_17} order. */
    public static final int[] H36M17_FROM_32 = {0, 1, 2, 3, 6, 7, 8, 12, 13, 14, 15, 17, 18, 19, 25, 26, 27};

    private H36mJoints() {
    }

    /**
     * Keeps the 17 evaluation joints.
     *
     * @param in32  (T x 32 x dim)
     * @return (T x 17 x dim)
     */
    public static double[] select17(double[] in32, int frames, int dim) {
        double[] out = new double[frames * 17 * dim];
        for (int t = 0; t < frames; t++) {
            for (int j = 0; j < 17; j++) {
                System.arraycopy(in32, (t * RELEASE_JOINTS + H36M17_FROM_32[j]) * dim, out, (t * 17 + j) * dim, dim);
            }
        }
        return out;
    }
}
