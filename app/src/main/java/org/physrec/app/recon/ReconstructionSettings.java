package org.physrec.app.recon;

/**
 * Immutable settings of a reconstruction (defaults in configs/recon/default.json, documented
 * in docs/RECON.md).
 *
 * @param fps            frame rate the sequence is resampled to (Hz)
 * @param window         frames per optimization window
 * @param overlap        frames shared by consecutive windows (re-optimized)
 * @param optimizer      optimizer name in the optim registry
 * @param maxIterations  iterations per window
 * @param massKg         body mass of the character
 * @param groundZmm      floor height in the data frame (mm); NaN = estimate from the feet
 * @param weights        loss weights
 * @param ik             inverse-kinematics settings
 * @param kp             PD feedback gain towards the reference (N·m/rad, scaled by each dof's torque limit / 300)
 * @param kd             PD damping (N·m·s/rad, scaled as kp)
 * @param substeps       physics steps per frame
 * @param boneFit        refinement of the bone lengths with the 2D keypoints (iterations 0: off)
 */
public record ReconstructionSettings(double fps, int window, int overlap, String optimizer, int maxIterations,
                                     double massKg, double groundZmm, LossWeights weights,
                                     InverseKinematics.Settings ik, double kp, double kd, int substeps,
                                     BoneLengthFit.Settings boneFit) {

    public static final ReconstructionSettings DEFAULTS = new ReconstructionSettings(25, 8, 2, "lbfgs", 30, 70,
            Double.NaN, LossWeights.DEFAULTS, InverseKinematics.Settings.DEFAULTS, 800, 80, 10, BoneLengthFit.Settings.DEFAULTS);

    /** Settings with the default bone-length refinement. */
    public ReconstructionSettings(double fps, int window, int overlap, String optimizer, int maxIterations,
                                  double massKg, double groundZmm, LossWeights weights, InverseKinematics.Settings ik,
                                  double kp, double kd, int substeps) {
        this(fps, window, overlap, optimizer, maxIterations, massKg, groundZmm, weights, ik, kp, kd, substeps,
                BoneLengthFit.Settings.DEFAULTS);
    }

    public ReconstructionSettings {
        if (!(fps > 0) || !Double.isFinite(fps)) {
            throw new IllegalArgumentException("fps: must be finite and > 0, got " + fps);
        }
        if (window < 2) {
            throw new IllegalArgumentException("window: must be >= 2 frames, got " + window);
        }
        if (overlap < 0 || overlap >= window) {
            throw new IllegalArgumentException("overlap: must be in [0, window-1] = [0, " + (window - 1) + "], got "
                    + overlap);
        }
        if (optimizer == null || optimizer.isBlank()) {
            throw new IllegalArgumentException("optimizer: must not be blank");
        }
        if (maxIterations < 0) {
            throw new IllegalArgumentException("maxIterations: must be >= 0, got " + maxIterations);
        }
        if (!(massKg > 0) || !Double.isFinite(massKg)) {
            throw new IllegalArgumentException("massKg: must be finite and > 0, got " + massKg);
        }
        if (Double.isInfinite(groundZmm)) {
            throw new IllegalArgumentException("groundZmm: must be finite or NaN (estimate), got " + groundZmm);
        }
        if (!(kp >= 0) || !(kd >= 0)) {
            throw new IllegalArgumentException("kp, kd: must be >= 0, got " + kp + ", " + kd);
        }
        if (substeps < 1) {
            throw new IllegalArgumentException("substeps: must be >= 1, got " + substeps);
        }
        java.util.Objects.requireNonNull(weights, "weights");
        java.util.Objects.requireNonNull(ik, "ik");
        java.util.Objects.requireNonNull(boneFit, "boneFit");
    }

    public ReconstructionSettings withOptimizer(String name, int iterations) {
        return new ReconstructionSettings(fps, window, overlap, name, iterations, massKg, groundZmm, weights, ik, kp,
                kd, substeps, boneFit);
    }

    public ReconstructionSettings withWindow(int length, int overlapFrames) {
        return new ReconstructionSettings(fps, length, overlapFrames, optimizer, maxIterations, massKg, groundZmm,
                weights, ik, kp, kd, substeps, boneFit);
    }

    public ReconstructionSettings withWeights(LossWeights w) {
        return new ReconstructionSettings(fps, window, overlap, optimizer, maxIterations, massKg, groundZmm, w, ik, kp,
                kd, substeps, boneFit);
    }

    public ReconstructionSettings withGroundZmm(double z) {
        return new ReconstructionSettings(fps, window, overlap, optimizer, maxIterations, massKg, z, weights, ik, kp,
                kd, substeps, boneFit);
    }

    public ReconstructionSettings withGains(double p, double d) {
        return new ReconstructionSettings(fps, window, overlap, optimizer, maxIterations, massKg, groundZmm, weights,
                ik, p, d, substeps, boneFit);
    }

    public ReconstructionSettings withSubsteps(int n) {
        return new ReconstructionSettings(fps, window, overlap, optimizer, maxIterations, massKg, groundZmm, weights,
                ik, kp, kd, n, boneFit);
    }

    public ReconstructionSettings withMass(double kg) {
        return new ReconstructionSettings(fps, window, overlap, optimizer, maxIterations, kg, groundZmm, weights, ik, kp,
                kd, substeps, boneFit);
    }

    public ReconstructionSettings withIk(InverseKinematics.Settings k) {
        return new ReconstructionSettings(fps, window, overlap, optimizer, maxIterations, massKg, groundZmm, weights, k,
                kp, kd, substeps, boneFit);
    }

    public ReconstructionSettings withBoneFit(BoneLengthFit.Settings b) {
        return new ReconstructionSettings(fps, window, overlap, optimizer, maxIterations, massKg, groundZmm, weights,
                ik, kp, kd, substeps, b);
    }
}
