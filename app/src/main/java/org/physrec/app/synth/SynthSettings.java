package org.physrec.app.synth;

/**
 * Immutable noise model of {@link Synthesizer}; {@link #defaults(long)} gives a monocular-estimator-like
 * 3D estimate of about 50 mm MPJPE and a detector-like 2D input (docs/EVAL.md).
 *
 * @param seed                    all randomness derives from this
 * @param pixelSigma              2D noise per pixel coordinate of a confident keypoint, px (Gaussian)
 * @param lowConfidenceRate       fraction of visible keypoints reported with low confidence
 * @param lowConfidencePixelSigma 2D noise of a low-confidence keypoint, px
 * @param dropoutStartRate        per camera, frame and joint: probability that a dropout starts
 * @param dropoutMeanFrames       mean length of a dropout, frames (geometric, >= 1)
 * @param bodyBiasMm              per-joint constant offset in the body's heading frame, per coordinate, mm
 * @param correlatedMm            stationary std of the AR(1) noise per joint and coordinate (root-relative), mm
 * @param correlationSeconds      time constant of that noise, s
 * @param jitterMm                white noise per joint and coordinate per frame, mm
 * @param scaleSigma              std of the per-sequence body scale factor (about the root) around 1
 * @param orientationDeg          stationary std of each component of an AR(1) rotation vector that turns the
 *                                whole body about its root (a monocular estimator's global orientation error), deg
 * @param rootMm                  stationary std of the AR(1) global translation noise per world axis, mm
 * @param depthMm                 stationary std of the AR(1) root noise along the first camera's viewing ray, mm
 * @param rootCorrelationSeconds  time constant of the root noises, s
 */
public record SynthSettings(long seed, double pixelSigma, double lowConfidenceRate, double lowConfidencePixelSigma,
        double dropoutStartRate, double dropoutMeanFrames, double bodyBiasMm, double correlatedMm,
        double correlationSeconds, double jitterMm, double scaleSigma, double orientationDeg, double rootMm, double depthMm,
        double rootCorrelationSeconds) {

    public SynthSettings {
        nonNegative("pixelSigma", pixelSigma);
        probability("lowConfidenceRate", lowConfidenceRate);
        nonNegative("lowConfidencePixelSigma", lowConfidencePixelSigma);
        probability("dropoutStartRate", dropoutStartRate);
        if (!(dropoutMeanFrames >= 1) || !Double.isFinite(dropoutMeanFrames)) {
            throw new IllegalArgumentException("dropoutMeanFrames: must be finite and >= 1, got " + dropoutMeanFrames);
        }
        nonNegative("bodyBiasMm", bodyBiasMm);
        nonNegative("correlatedMm", correlatedMm);
        positive("correlationSeconds", correlationSeconds);
        nonNegative("jitterMm", jitterMm);
        if (!(scaleSigma >= 0) || !(scaleSigma < 0.3)) {
            throw new IllegalArgumentException("scaleSigma: must be in [0, 0.3), got " + scaleSigma);
        }
        if (!(orientationDeg >= 0) || !(orientationDeg <= 45)) {
            throw new IllegalArgumentException("orientationDeg: must be in [0, 45], got " + orientationDeg);
        }
        nonNegative("rootMm", rootMm);
        nonNegative("depthMm", depthMm);
        positive("rootCorrelationSeconds", rootCorrelationSeconds);
    }

    /** The documented defaults. */
    public static SynthSettings defaults(long seed) {
        return new SynthSettings(seed, 3.0, 0.05, 15.0, 0.005, 3.0, 15.0, 18.0, 0.5, 4.0, 0.03, 3.0, 30.0, 150.0,
                1.0);
    }

    /** No noise at all (inputs equal the ground truth; confidences 1). */
    public static SynthSettings noiseless(long seed) {
        return new SynthSettings(seed, 0, 0, 0, 0, 1, 0, 0, 0.5, 0, 0, 0, 0, 0, 1.0);
    }

    public SynthSettings withSeed(long s) {
        return new SynthSettings(s, pixelSigma, lowConfidenceRate, lowConfidencePixelSigma, dropoutStartRate,
                dropoutMeanFrames, bodyBiasMm, correlatedMm, correlationSeconds, jitterMm, scaleSigma, orientationDeg, rootMm,
                depthMm, rootCorrelationSeconds);
    }

    private static void nonNegative(String name, double v) {
        if (!(v >= 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(name + ": must be finite and >= 0, got " + v);
        }
    }

    private static void positive(String name, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(name + ": must be finite and > 0, got " + v);
        }
    }

    private static void probability(String name, double v) {
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException(name + ": must be in [0, 1], got " + v);
        }
    }
}
