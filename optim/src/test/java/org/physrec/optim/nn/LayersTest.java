package org.physrec.optim.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LayersTest {

    @Test
    void linearByHand() {
        // W (2 × 3) at offset 1, b (3) at offset 7.
        float[] w = {99, 1, 2, 3, 4, 5, 6, 0.5f, -1, 0};
        float[] x = {1, 1, 2, -1};
        float[] y = new float[6];
        Layers.linear(x, 2, 2, w, 1, 7, 3, y);
        assertArrayEquals(new float[] {5.5f, 6, 9, -1.5f, -2, 0}, y);
    }

    @Test
    void layerNormByHand() {
        float[] w = {2, 2, 1, 0};
        float[] x = {1, 3};
        float[] y = new float[2];
        Layers.layerNorm(x, 1, 2, w, 0, 2, y);
        // mean 2, var 1: (−1, 1)/√(1+1e-5)·2 + (1, 0)
        double inv = 1 / Math.sqrt(1 + 1e-5);
        assertEquals(1 - 2 * inv, y[0], 1e-6);
        assertEquals(2 * inv, y[1], 1e-6);
    }

    @Test
    void shiftedExponentialsByHand() {
        float[] s = {9, 0, (float) Math.log(3), 9};
        float[] sums = new float[1];
        Layers.expShiftedRows(s, 1, 1, 2, 3, sums, new float[Gemm.lanes()]);
        // VectorMath.exp is accurate to 3e-7 relative
        assertEquals(1f / 3, s[1], 1e-7);
        assertEquals(1f, s[2], 3e-7);
        assertEquals(4f / 3, sums[0], 4e-7);
        assertEquals(9f, s[0]);
        assertEquals(9f, s[3]);
    }
}
