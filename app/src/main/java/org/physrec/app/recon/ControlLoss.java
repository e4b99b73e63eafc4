package org.physrec.app.recon;

/**
 * The control part of the loss over one window, on normalized controls: torques u (W x nu,
 * τ = τmax ⊙ u) and residual root wrenches r (W x 6, force in units of m·g, moment in
 * m·g·1 m):
 * <pre>
 *   wτ/(W·nu) Σ_t |u_t|²  +  wΔ/(W·nu) Σ_t |u_t − u_{t−1}|²  +  wres/(W·6) Σ_t |r_t|²
 * </pre>
 * where u_{−1} is the last control of the previous window (or u_0 itself for the first).
 */
public final class ControlLoss {

    private ControlLoss() {
    }

    /**
     * @param x         controls: (W x nu) torques then, if {@code residual}, (W x 6) wrenches
     * @param frames    W
     * @param nu        actuated dofs
     * @param residual  whether x holds residual wrenches
     * @param previous  (nu) last normalized torque of the previous window, or null
     * @param gOut      (len x) gradient accumulated into (null for the value only)
     */
    public static double value(double[] x, int frames, int nu, boolean residual, double[] previous, LossWeights w,
                               double[] gOut) {
        double cT = w.wTorque() / (frames * nu);
        double cD = w.wSmooth() / (frames * nu);
        double sum = 0;
        for (int t = 0; t < frames; t++) {
            for (int i = 0; i < nu; i++) {
                double u = x[t * nu + i];
                double prev = t > 0 ? x[(t - 1) * nu + i] : previous != null ? previous[i] : u;
                double d = u - prev;
                sum += cT * u * u + cD * d * d;
                if (gOut != null) {
                    gOut[t * nu + i] += 2 * cT * u + 2 * cD * d;
                    if (t > 0) {
                        gOut[(t - 1) * nu + i] -= 2 * cD * d;
                    }
                }
            }
        }
        if (residual) {
            int o = frames * nu;
            double cR = w.wResidual() / (frames * 6);
            for (int i = 0; i < frames * 6; i++) {
                double r = x[o + i];
                sum += cR * r * r;
                if (gOut != null) {
                    gOut[o + i] += 2 * cR * r;
                }
            }
        }
        return sum;
    }
}
