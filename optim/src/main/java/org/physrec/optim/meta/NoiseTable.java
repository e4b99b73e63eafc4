package org.physrec.optim.meta;

import java.util.SplittableRandom;
import org.physrec.optim.learned.Gaussian;

/**
 * A shared table of standard normal samples (as in OpenAI's evolution strategies): each PES
 * perturbation is a window of the table at a random offset, so drawing ε for a 0.6M-parameter
 * Optimus costs a copy instead of 0.6M Gaussian draws. The table is 8× the parameter count
 * (at least 2^20 values); windows at different offsets are distinct slices.
 */
final class NoiseTable {

    private final float[] table;
    private final int size;

    NoiseTable(int parameters, long seed) {
        this.size = parameters;
        int n = Math.max(1 << 20, 8 * parameters);
        table = new float[n];
        Gaussian.fill(new SplittableRandom(seed ^ 0x5EEDL), table, n, 1.0);
    }

    /** Writes σ·table[offset .. offset+P) into out, with the offset drawn from {@code rng}. */
    void sample(SplittableRandom rng, double sigma, float[] out) {
        int offset = rng.nextInt(table.length - size + 1);
        float s = (float) sigma;
        for (int i = 0; i < size; i++) {
            out[i] = s * table[offset + i];
        }
    }
}
