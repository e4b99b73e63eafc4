package org.physrec.app.physics;

import org.physrec.physics.sim.FrameLoss;

/**
 * ℓ_t = ½ Σ_k |p_k(t) − p̂_k(t)|² (m²) plus ½ w Σ u² on the controls (counted once, at frame 0):
 * the shape of the reconstruction's keypoint term, for benchmarks and gradient checks.
 */
final class KeypointTrackingLoss implements FrameLoss {
    /** (T x K x 3) target keypoints (m). */
    private final double[] targets;
    private final double controlWeight;

    KeypointTrackingLoss(double[] targets, double controlWeight) {
        this.targets = targets.clone();
        this.controlWeight = controlWeight;
    }

    @Override
    public double evaluate(int frame, double[] q, double[] v, double[] keypoints, double[] controls,
                           double[] gKeypoints, double[] gq, double[] gv, double[] gControls) {
        int n = keypoints.length;
        double l = 0;
        for (int i = 0; i < n; i++) {
            double d = keypoints[i] - targets[frame * n + i];
            l += 0.5 * d * d;
            gKeypoints[i] = d;
        }
        if (frame == 0 && controlWeight > 0) {
            for (int i = 0; i < controls.length; i++) {
                l += 0.5 * controlWeight * controls[i] * controls[i];
                gControls[i] += controlWeight * controls[i];
            }
        }
        return l;
    }
}
