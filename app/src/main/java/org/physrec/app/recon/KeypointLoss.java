package org.physrec.app.recon;

import org.physrec.datasets.Camera;

/**
 * The observation part of the loss for one frame, as a function of the character's keypoint
 * positions p (K x 3, metres, physics frame):
 * <pre>
 *   w2d/(K·C) Σ_c Σ_j c_tj · ρ(|Π_c(X(p_j)) − x̂_tj|² / s²)  +  w3d/K Σ_j |p_j − p̂_tj|²
 * </pre>
 * with X the data frame (mm), ρ the Cauchy kernel of {@link LossWeights}, and its gradient
 * with respect to p through the camera projection Jacobians. A point behind a camera adds
 * nothing (its confidence is treated as 0). Not thread-safe (holds scratch).
 */
public final class KeypointLoss {

    private final Observations obs;
    private final LossWeights w;
    private final double[] mm = new double[3];
    private final double[] uv = new double[2];
    private final double[] jac = new double[6];

    public KeypointLoss(Observations obs, LossWeights weights) {
        this.obs = obs;
        this.w = weights;
    }

    /**
     * @param t      frame index into the observations
     * @param p      (K x 3) keypoints, metres
     * @param scale  factor applied to the value and the gradient
     * @param gpOut  (K x 3) gradient accumulated into (null for the value only)
     * @return scale · loss
     */
    public double value(int t, double[] p, double scale, double[] gpOut) {
        int k = obs.keypoints();
        double sum = 0;
        if (obs.has3d() && w.w3d() > 0) {
            double c3 = scale * w.w3d() / k;
            double[] tg = obs.targets3d();
            for (int j = 0; j < k; j++) {
                int o = (t * k + j) * 3;
                if (!Double.isFinite(tg[o])) {
                    continue;
                }
                for (int d = 0; d < 3; d++) {
                    double r = p[3 * j + d] - tg[o + d];
                    sum += c3 * r * r;
                    if (gpOut != null) {
                        gpOut[3 * j + d] += 2 * c3 * r;
                    }
                }
            }
        }
        int cams = obs.cameras().size();
        if (cams > 0 && w.w2d() > 0) {
            double c2 = scale * w.w2d() / (k * cams);
            double s2 = w.imageScalePx() * w.imageScalePx();
            double sig2 = (w.robustScalePx() * w.robustScalePx()) / s2;
            SceneFrame frame = obs.frame();
            for (int c = 0; c < cams; c++) {
                Camera cam = obs.cameras().get(c);
                double[] px = obs.pixels().get(c);
                double[] conf = obs.confidences().get(c);
                for (int j = 0; j < k; j++) {
                    double cf = conf[t * k + j];
                    if (!(cf > 0)) {
                        continue;
                    }
                    frame.toData(p, 3 * j, mm, 0, 1);
                    if (!cam.projectWithJacobian(mm, 0, uv, 0, gpOut == null ? null : jac, 0)) {
                        continue;
                    }
                    double ex = (uv[0] - px[(t * k + j) * 2]) / w.imageScalePx();
                    double ey = (uv[1] - px[(t * k + j) * 2 + 1]) / w.imageScalePx();
                    double e2 = ex * ex + ey * ey;
                    sum += c2 * cf * sig2 * Math.log1p(e2 / sig2);
                    if (gpOut != null) {
                        // dρ/de² = 1/(1 + e²/σ²); d e/d X_mm = J/s; d X_mm/d p = 1000
                        double a = c2 * cf / (1 + e2 / sig2) * 2 * 1000 / w.imageScalePx();
                        for (int d = 0; d < 3; d++) {
                            gpOut[3 * j + d] += a * (ex * jac[d] + ey * jac[3 + d]);
                        }
                    }
                }
            }
        }
        return sum;
    }
}
