package org.physrec.app.synth;

import java.util.random.RandomGenerator;

/** Stationary first-order autoregressive noise: x_t = rho x_{t-1} + sqrt(1 - rho^2) sigma e_t, x_0 ~ N(0, sigma^2). */
final class Ar1 {

    private Ar1() {
    }

    /** rho for time constant {@code tau} seconds at {@code fps}: exp(-1 / (tau fps)). */
    static double rho(double tau, double fps) {
        return Math.exp(-1.0 / (tau * fps));
    }

    /**
     * Adds AR(1) noise to {@code n} interleaved series: element i of frame t is at
     * {@code out[t * stride + offset + i]}.
     */
    static void add(RandomGenerator rnd, double sigma, double rho, int frames, int n, int stride, int offset,
            double[] out) {
        if (sigma == 0) {
            return;
        }
        double innovation = Math.sqrt(1 - rho * rho) * sigma;
        double[] state = new double[n];
        for (int i = 0; i < n; i++) {
            state[i] = sigma * rnd.nextGaussian();
        }
        for (int t = 0; t < frames; t++) {
            for (int i = 0; i < n; i++) {
                if (t > 0) {
                    state[i] = rho * state[i] + innovation * rnd.nextGaussian();
                }
                out[t * stride + offset + i] += state[i];
            }
        }
    }
}
