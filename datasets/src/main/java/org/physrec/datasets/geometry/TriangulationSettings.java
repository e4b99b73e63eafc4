package org.physrec.datasets.geometry;

/**
 * How 2D keypoints are triangulated.
 *
 * @param minConfidence a 2D keypoint takes part only with confidence above this; the others are
 *                      treated as unseen
 * @param maxCondition  largest accepted condition number (largest / smallest eigenvalue) of the
 *                      3x3 Gauss–Newton matrix at the solution: above it the rays are too nearly
 *                      parallel for a depth to be trusted (1e4 rejects rays less than about 1°
 *                      apart, whose depth error is then over ~100x the lateral error)
 * @param maxIterations Gauss–Newton iterations at most
 * @param tolerance     Gauss–Newton stops when a step is shorter than this (world units, mm)
 * @param robustScalePx scale s of the Cauchy loss on each camera's reprojection error (px): a
 *                      camera whose keypoint is off by much more than s (a confident misdetection,
 *                      a left/right swap) loses influence when others agree; +∞ for plain least squares
 */
public record TriangulationSettings(double minConfidence, double maxCondition, int maxIterations, double tolerance,
                                    double robustScalePx) {

    /** Confidence above 0.1, condition at most 1e4, 50 iterations, 1e-6 mm, Cauchy scale 20 px. */
    public static final TriangulationSettings DEFAULTS = new TriangulationSettings(0.1, 1e4, 50, 1e-6, 20);

    public TriangulationSettings {
        if (!(minConfidence >= 0) || !Double.isFinite(minConfidence)) {
            throw new IllegalArgumentException("minConfidence: must be finite and >= 0, got " + minConfidence);
        }
        if (!(maxCondition > 1)) {
            throw new IllegalArgumentException("maxCondition: must be > 1, got " + maxCondition);
        }
        if (maxIterations < 0) {
            throw new IllegalArgumentException("maxIterations: must be >= 0, got " + maxIterations);
        }
        if (!(tolerance > 0) || !Double.isFinite(tolerance)) {
            throw new IllegalArgumentException("tolerance: must be finite and > 0, got " + tolerance);
        }
        if (!(robustScalePx > 0)) {
            throw new IllegalArgumentException("robustScalePx: must be > 0 (+Infinity for least squares), got "
                    + robustScalePx);
        }
    }

    public TriangulationSettings withMinConfidence(double v) {
        return new TriangulationSettings(v, maxCondition, maxIterations, tolerance, robustScalePx);
    }

    public TriangulationSettings withMaxIterations(int v) {
        return new TriangulationSettings(minConfidence, maxCondition, v, tolerance, robustScalePx);
    }

    public TriangulationSettings withRobustScalePx(double v) {
        return new TriangulationSettings(minConfidence, maxCondition, maxIterations, tolerance, v);
    }
}
