package org.physrec.app.eval;

import java.util.Arrays;

/** Estimates the height of a horizontal ground plane (z up) from the feet of a motion. */
public final class GroundPlane {

    /** Percentile of the per-frame lowest foot height used, robust to a few bad frames. */
    public static final double PERCENTILE = 2.0;

    private GroundPlane() {
    }

    /**
     * Ground height, mm: the {@link #PERCENTILE}-th percentile over frames of the lowest foot joint's
     * z, minus {@code soleOffsetMm} (the sole lies that far below the foot joint when the foot is flat).
     *
     * @param positions (T x J x 3) joints, mm, z up
     */
    public static double fromFeet(double[] positions, int frames, int joints, int[] footJoints, double soleOffsetMm) {
        JointArrays.check("positions", positions, frames, joints);
        double[] lowest = new double[frames];
        for (int t = 0; t < frames; t++) {
            double m = Double.POSITIVE_INFINITY;
            for (int f : footJoints) {
                if (f < 0 || f >= joints) {
                    throw new IllegalArgumentException("footJoints: joint " + f + " out of range for " + joints);
                }
                m = Math.min(m, positions[(t * joints + f) * 3 + 2]);
            }
            lowest[t] = m;
        }
        Arrays.sort(lowest);
        int k = (int) Math.floor(PERCENTILE / 100.0 * (frames - 1));
        return lowest[k] - soleOffsetMm;
    }
}
