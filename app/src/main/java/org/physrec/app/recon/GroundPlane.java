package org.physrec.app.recon;

import java.util.Arrays;

/**
 * Estimates the floor height (z up) from the feet over a sequence: a low percentile of the
 * per-frame lowest foot joint, minus the joint-to-sole height. A percentile, not the minimum,
 * so that a few noisy frames do not pull the floor down; the lower feet are on the ground in
 * most frames of walking, standing and dancing.
 */
public final class GroundPlane {

    private GroundPlane() {
    }

    /**
     * @param points      (T x J x 3) joint positions in mm, NaN where missing
     * @param joints      J
     * @param footJoints  joints standing on the floor (H36M-17 ankles: 3, 6)
     * @param soleMm      height of a foot joint above the sole when standing (mm)
     * @param percentile  in [0, 50], e.g. 10
     * @return floor height in mm
     * @throws IllegalArgumentException if no frame has a finite foot joint
     */
    public static double estimate(double[] points, int joints, int[] footJoints, double soleMm, double percentile) {
        if (points == null || joints <= 0 || points.length % (3 * joints) != 0) {
            throw new IllegalArgumentException("points: expected T x " + joints + " x 3 values");
        }
        if (!(percentile >= 0 && percentile <= 50)) {
            throw new IllegalArgumentException("percentile: must be in [0, 50], got " + percentile);
        }
        int frames = points.length / (3 * joints);
        double[] lowest = new double[frames];
        int n = 0;
        for (int t = 0; t < frames; t++) {
            double low = Double.POSITIVE_INFINITY;
            for (int f : footJoints) {
                if (f < 0 || f >= joints) {
                    throw new IllegalArgumentException("footJoints: joint " + f + " out of range for " + joints);
                }
                double z = points[(t * joints + f) * 3 + 2];
                if (Double.isFinite(z)) {
                    low = Math.min(low, z);
                }
            }
            if (low < Double.POSITIVE_INFINITY) {
                lowest[n++] = low;
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("points: no frame has a finite foot joint; cannot estimate the ground");
        }
        double[] sorted = Arrays.copyOf(lowest, n);
        Arrays.sort(sorted);
        double pos = percentile / 100.0 * (n - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(n - 1, lo + 1);
        double value = sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
        return value - soleMm;
    }
}
