package org.physrec.optim.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GemmTest {

    @Test
    void twoByTwoByHand() {
        float[] a = {1, 2, 3, 4};
        float[] b = {5, 6, 7, 8};
        float[] c = new float[4];
        Gemm.mul(2, 2, 2, a, 0, 2, b, 0, 2, c, 0, 2, false);
        assertArrayEquals(new float[] {19, 22, 43, 50}, c);
        Gemm.mul(2, 2, 2, a, 0, 2, b, 0, 2, c, 0, 2, true);
        assertArrayEquals(new float[] {38, 44, 86, 100}, c);
    }

    /** Shapes hitting every path: 4-row blocks, single rows, 2-vector, 1-vector and scalar columns. */
    @Test
    void vectorKernelEqualsReferenceBitForBit() {
        SplittableRandom rng = new SplittableRandom(1);
        int l = Gemm.lanes();
        int[][] shapes = {{1, 1, 1}, {3, 5, 7}, {4, 2 * l, 3}, {7, 2 * l + l + 3, 9}, {13, 4 * l + 1, 17}, {9, l - 1, 2}, {150, 2 * l + 5, 11}};
        for (int[] s : shapes) {
            int m = s[0];
            int n = s[1];
            int k = s[2];
            int lda = k + 3;
            int ldb = n + 2;
            int ldc = n + 5;
            float[] a = random(rng, 2 + m * lda);
            float[] b = random(rng, 1 + k * ldb);
            float[] c1 = random(rng, 4 + m * ldc);
            float[] c2 = c1.clone();
            for (boolean acc : new boolean[] {false, true}) {
                Gemm.mul(m, n, k, a, 2, lda, b, 1, ldb, c1, 4, ldc, acc);
                Gemm.mulReference(m, n, k, a, 2, lda, b, 1, ldb, c2, 4, ldc, acc);
                assertArrayEquals(c2, c1, "shape " + m + "x" + n + "x" + k + " accumulate " + acc);
            }
        }
    }

    static float[] random(SplittableRandom rng, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (rng.nextDouble() * 2 - 1);
        }
        return x;
    }
}
