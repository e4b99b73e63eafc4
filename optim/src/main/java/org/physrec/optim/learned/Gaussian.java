package org.physrec.optim.learned;

import java.util.SplittableRandom;

/** Standard normal samples from a {@link SplittableRandom} (Marsaglia polar method, one value per call). */
public final class Gaussian {

    private Gaussian() {
    }

    public static double next(SplittableRandom rng) {
        double u;
        double v;
        double s;
        do {
            u = 2 * rng.nextDouble() - 1;
            v = 2 * rng.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        return u * Math.sqrt(-2 * Math.log(s) / s);
    }

    /** Fills out[0..n) with σ·N(0,1) samples, two per polar draw (the fast path for PES noise). */
    public static void fill(SplittableRandom rng, float[] out, int n, double sigma) {
        int i = 0;
        while (i < n) {
            double u;
            double v;
            double s;
            do {
                u = 2 * rng.nextDouble() - 1;
                v = 2 * rng.nextDouble() - 1;
                s = u * u + v * v;
            } while (s >= 1 || s == 0);
            double f = sigma * Math.sqrt(-2 * Math.log(s) / s);
            out[i++] = (float) (u * f);
            if (i < n) {
                out[i++] = (float) (v * f);
            }
        }
    }
}
