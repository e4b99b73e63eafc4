package org.physrec.app.recon;

/**
 * Weights of the reconstruction loss (diffphy-spec §2.2, plus a penalty on residual root
 * forces and a velocity term). Each term is normalized by its count (frames × keypoints,
 * frames × actuated dofs), so weights are comparable across window lengths.
 *
 * @param w2d            2D reprojection term, on pixel errors divided by {@code imageScalePx}
 * @param w3d            3D keypoint term (m²)
 * @param wTorque        torque magnitude, on τ/τmax
 * @param wSmooth        torque change between frames, on Δτ/τmax
 * @param wLimit         joint-limit violation (rad²)
 * @param wResidual      residual root force/moment, on f/(m·g) and moment/(m·g·1 m)
 * @param imageScalePx   s, pixels per unit of normalized image error (image width, 1000)
 * @param robustScalePx  σ of the Cauchy kernel ρ(e²) = σ²·log(1 + e²/σ²) on 2D errors (px)
 * @param referenceBlend3d β in [0, 1]: the 3D term's target is β·(IK reference keypoints) +
 *                       (1 − β)·(3D keypoint input); the reference fuses the 2D and 3D inputs
 *                       (never ground truth), so it is a less noisy target than the raw 3D input
 */
public record LossWeights(double w2d, double w3d, double wTorque, double wSmooth, double wLimit, double wResidual,
                          double imageScalePx, double robustScalePx, double referenceBlend3d) {

    /**
     * Defaults (docs/RECON.md): the control weights of diffphy-spec §2.2; the keypoint weights
     * balanced as 1/σ² for σ2d = 5 px and σ3d = 40 mm (w2d/1000²·5² = w3d·0.04²), measured
     * better than w2d = w3d = 1 on the synth walk, both doubled against the control terms
     * (20, 0.32, measured on a development subset); a 20 px Cauchy kernel; the 3D target is the IK
     * reference (β = 1: since the reference's depth comes from the 2D keypoints and the refined
     * bones, the input's depth would pull the other way; measured on motion-synth, docs/BENCHMARKS.md).
     */
    public static final LossWeights DEFAULTS = new LossWeights(20, 0.32, 1e-3, 1e-3, 1, 0.1, 1000, 20, 1);

    public LossWeights {
        double[] all = {w2d, w3d, wTorque, wSmooth, wLimit, wResidual};
        String[] names = {"w2d", "w3d", "wTorque", "wSmooth", "wLimit", "wResidual"};
        for (int i = 0; i < all.length; i++) {
            if (!(all[i] >= 0) || !Double.isFinite(all[i])) {
                throw new IllegalArgumentException(names[i] + ": must be finite and >= 0, got " + all[i]);
            }
        }
        if (!(imageScalePx > 0) || !(robustScalePx > 0)) {
            throw new IllegalArgumentException("imageScalePx, robustScalePx: must be > 0");
        }
        if (!(referenceBlend3d >= 0 && referenceBlend3d <= 1)) {
            throw new IllegalArgumentException("referenceBlend3d: must be in [0, 1], got " + referenceBlend3d);
        }
    }

    public LossWeights withReferenceBlend3d(double beta) {
        return new LossWeights(w2d, w3d, wTorque, wSmooth, wLimit, wResidual, imageScalePx, robustScalePx, beta);
    }

    public LossWeights with2d3d(double w2, double w3) {
        return new LossWeights(w2, w3, wTorque, wSmooth, wLimit, wResidual, imageScalePx, robustScalePx,
                referenceBlend3d);
    }
}
