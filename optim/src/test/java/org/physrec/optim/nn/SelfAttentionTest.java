package org.physrec.optim.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SelfAttentionTest {

    /** Two tokens e1, e2; Q = K = V = x; Wo = I, bo = (0.5, −0.5); one head of width 2. */
    @Test
    void tinyNetworkByHand() {
        ParamLayout l = new ParamLayout();
        int qw = l.add("qkv/w", 2, 6);
        int qb = l.add("qkv/b", 6);
        int ow = l.add("out/w", 2, 2);
        int ob = l.add("out/b", 2);
        float[] w = new float[l.size()];
        for (int block = 0; block < 3; block++) {
            w[qw + 0 * 6 + 2 * block] = 1;
            w[qw + 1 * 6 + 2 * block + 1] = 1;
        }
        w[ow] = 1;
        w[ow + 3] = 1;
        w[ob] = 0.5f;
        w[ob + 1] = -0.5f;
        float[] x = {1, 0, 0, 1};
        float[] y = new float[4];
        SelfAttention.forward(x, 2, 2, 1, w, qw, qb, ow, ob, new SelfAttention.Workspace(2, 2, 1), y);
        // scores diag 1/√2, off-diag 0: p = e^{0.7071}/(e^{0.7071}+1) = 0.669762
        double p = Math.exp(1 / Math.sqrt(2)) / (Math.exp(1 / Math.sqrt(2)) + 1);
        assertEquals(0.669762, p, 1e-6);
        assertArrayEquals(new float[] {(float) (p + 0.5), (float) (1 - p - 0.5), (float) (1 - p + 0.5), (float) (p - 0.5)},
                y, 1e-6f);
    }

    /** Random weights, several heads, against a plain double-precision transcription of the formula. */
    @Test
    void matchesNaiveAttention() {
        // 11 tokens fit one query block; 70 spans two full blocks and a remainder.
        for (int n : new int[] {11, 70}) {
            matchesNaiveAttention(n);
        }
    }

    private static void matchesNaiveAttention(int n) {
        SplittableRandom rng = new SplittableRandom(3);
        int dim = 24;
        int heads = 3;
        ParamLayout l = new ParamLayout();
        int qw = l.add("qkv/w", dim, 3 * dim);
        int qb = l.add("qkv/b", 3 * dim);
        int ow = l.add("out/w", dim, dim);
        int ob = l.add("out/b", dim);
        float[] w = GemmTest.random(rng, l.size());
        float[] x = GemmTest.random(rng, n * dim);
        float[] y = new float[n * dim];
        SelfAttention.forward(x, n, dim, heads, w, qw, qb, ow, ob, new SelfAttention.Workspace(n, dim, heads), y);
        double[] expected = SelfAttentionReference.naive(x, n, dim, heads, w, qw, qb, ow, ob);
        for (int i = 0; i < y.length; i++) {
            assertEquals(expected[i], y[i], 1e-4, "element " + i);
        }
    }
}
