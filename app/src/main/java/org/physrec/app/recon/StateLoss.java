package org.physrec.app.recon;

import java.util.Arrays;
import org.physrec.physics.ConfigSpace;
import org.physrec.physics.Kinematics;
import org.physrec.physics.Model;
import org.physrec.physics.Workspace;

/**
 * The state-dependent part of the reconstruction loss at the end of frame t, as a function of
 * the configuration q: {@link KeypointLoss} on the forward-kinematics keypoints plus the
 * joint-limit term, each divided by the window length W. The gradient is available in
 * configuration coordinates (nq, through the keypoint vector-Jacobian product) and in tangent
 * coordinates (nv). Not thread-safe.
 */
public final class StateLoss {

    private final Model model;
    private final Workspace ws;
    private final KeypointLoss keypoints;
    private final JointLimits limits;
    private final LossWeights weights;
    private final double[] p;
    private final double[] gp;
    private final double[] gq;
    private double lastKeypoints;
    private double lastLimits;

    public StateLoss(Model model, Observations obs, LossWeights weights) {
        this.model = model;
        this.ws = model.newWorkspace();
        this.keypoints = new KeypointLoss(obs, weights);
        this.limits = new JointLimits(model);
        this.weights = weights;
        p = new double[3 * model.keypointCount()];
        gp = new double[p.length];
        gq = new double[model.nq()];
    }

    /**
     * @param t       frame index into the observations
     * @param frames  W, the normalization of this window
     * @param q       (nq) configuration at the end of frame t
     * @param gqOut   (nq) gradient with respect to the configuration coordinates, accumulated
     *                into (null for the value only)
     * @return loss at frame t
     */
    public double value(int t, int frames, double[] q, double[] gqOut) {
        double s = 1.0 / frames;
        Kinematics.keypoints(model, ws, q, p);
        Arrays.fill(gp, 0);
        lastKeypoints = keypoints.value(t, p, s, gqOut == null ? null : gp);
        if (gqOut != null) {
            Kinematics.keypointVjp(model, ws, null, gp, gq);
            for (int i = 0; i < gq.length; i++) {
                gqOut[i] += gq[i];
            }
        }
        double wl = s * weights.wLimit();
        lastLimits = wl * (gqOut == null ? limits.value(q, 0, null) : limits.valueConfiguration(q, wl, gqOut));
        return lastKeypoints + lastLimits;
    }

    /**
     * The same loss with its gradient with respect to a tangent step δ of q ⊕ δ.
     *
     * @param gvOut (nv) accumulated into
     */
    public double valueTangent(int t, int frames, double[] q, double[] gvOut, double[] scratchNv) {
        double s = 1.0 / frames;
        Kinematics.keypoints(model, ws, q, p);
        Arrays.fill(gp, 0);
        lastKeypoints = keypoints.value(t, p, s, gp);
        Kinematics.keypointVjp(model, ws, null, gp, gq);
        ConfigSpace.tangentGradient(model, q, gq, scratchNv);
        for (int i = 0; i < scratchNv.length; i++) {
            gvOut[i] += scratchNv[i];
        }
        lastLimits = limits.value(q, s * weights.wLimit(), gvOut) * s * weights.wLimit();
        return lastKeypoints + lastLimits;
    }

    /**
     * The loss given the keypoints already computed by the simulator (the form of physics'
     * {@code FrameLoss}): writes d/d keypoints and the explicit d/d q (joint limits).
     *
     * @param keypoints  (K x 3) keypoints of q (m)
     * @param gKeypoints (K x 3) accumulated into
     * @param gqOut      (nq) accumulated into
     */
    public double value(int t, int frames, double[] q, double[] keypoints, double[] gKeypoints, double[] gqOut) {
        double s = 1.0 / frames;
        lastKeypoints = this.keypoints.value(t, keypoints, s, gKeypoints);
        double wl = s * weights.wLimit();
        lastLimits = wl * limits.valueConfiguration(q, wl, gqOut);
        return lastKeypoints + lastLimits;
    }

    /** Keypoint part of the last evaluation. */
    public double lastKeypoints() {
        return lastKeypoints;
    }

    /** Joint-limit part of the last evaluation. */
    public double lastLimits() {
        return lastLimits;
    }

    /** Keypoints (K x 3, m) of the last evaluation. */
    public double[] lastKeypointPositions() {
        return p.clone();
    }
}
