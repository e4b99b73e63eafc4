package org.physrec.physics.sim;

/**
 * A loss summed over frames, L = Σ_t ℓ_t, where ℓ_t sees the state at the end of frame t,
 * its keypoint positions from forward kinematics, and all controls. The loss returns ℓ_t
 * and writes its partial derivatives; the adjoint pulls the keypoint partials back through
 * the kinematics, so a reconstruction loss needs only d ℓ / d keypoints.
 */
@FunctionalInterface
public interface FrameLoss {
    /**
     * @param frame      frame index t in [0, T)
     * @param q          (nq) configuration at the end of frame t (read only)
     * @param v          (nv) velocity at the end of frame t (read only)
     * @param keypoints  (K x 3) world keypoint positions (m) of q (read only)
     * @param controls   (T x controlDim) all controls (read only)
     * @param gKeypoints (K x 3) zero on entry: write d ℓ_t / d keypoints
     * @param gq         (nq) zero on entry: write the explicit d ℓ_t / d q (configuration coordinates)
     * @param gv         (nv) zero on entry: write d ℓ_t / d v
     * @param gControls  (T x controlDim) ADD d ℓ_t / d controls (accumulates over frames)
     * @return ℓ_t
     */
    double evaluate(int frame, double[] q, double[] v, double[] keypoints, double[] controls,
                    double[] gKeypoints, double[] gq, double[] gv, double[] gControls);
}
