package org.physrec.optim.nn;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Single-precision matrix product C = A·B (or C += A·B) on row-major arrays with explicit
 * offsets and leading dimensions, so slices (one attention head, a transposed key block) need
 * no copies. The kernel keeps a 4-row × 2-vector block of C in registers and streams one row of
 * B per k, which is what makes it ~16× faster than a plain i-k-j loop (DESIGN.md). Columns
 * that do not fill a vector fall back to scalar code; the result does not depend on the lane
 * count beyond float rounding of the summation order (each C element sums k in order).
 */
public final class Gemm {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private Gemm() {
    }

    /** Lanes of the preferred float vector on this machine (16 with AVX-512). */
    public static int lanes() {
        return L;
    }

    /**
     * C[m×n] (+)= A[m×k] · B[k×n].
     *
     * @param a    A, element (i,p) at {@code a[aOff + i*lda + p]}; not modified
     * @param b    B, element (p,j) at {@code b[bOff + p*ldb + j]}; not modified
     * @param c    C, element (i,j) at {@code c[cOff + i*ldc + j]}; modified
     * @param accumulate add into C instead of overwriting it
     */
    public static void mul(int m, int n, int k,
                           float[] a, int aOff, int lda,
                           float[] b, int bOff, int ldb,
                           float[] c, int cOff, int ldc, boolean accumulate) {
        // Row panels keep a slice of A in L2 while every column block of B (k × 2L) streams through L1.
        for (int i0 = 0; i0 < m; i0 += ROW_PANEL) {
            int rows = Math.min(ROW_PANEL, m - i0);
            panel(rows, n, k, a, aOff + i0 * lda, lda, b, bOff, ldb, c, cOff + i0 * ldc, ldc, accumulate);
        }
    }

    /** Rows of A per panel. */
    private static final int ROW_PANEL = 64;

    private static void panel(int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                              float[] c, int cOff, int ldc, boolean accumulate) {
        int j = 0;
        for (; j + 2 * L <= n; j += 2 * L) {
            int i = 0;
            for (; i + 6 <= m; i += 6) {
                block6x2(i, j, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, accumulate);
            }
            for (; i + 4 <= m; i += 4) {
                block4x2(i, j, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, accumulate);
            }
            for (; i < m; i++) {
                block1x2(i, j, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, accumulate);
            }
        }
        for (; j + L <= n; j += L) {
            for (int i = 0; i < m; i++) {
                block1x1(i, j, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, accumulate);
            }
        }
        if (j < n) {
            scalar(m, j, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, accumulate);
        }
    }

    /** 6 rows × 2 vectors of C in 12 accumulators: with 16 vector registers (AVX2) the most that fit. */
    private static void block6x2(int i, int j, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                                 float[] c, int cOff, int ldc, boolean accumulate) {
        int c0 = cOff + i * ldc + j;
        int c1 = c0 + ldc;
        int c2 = c1 + ldc;
        int c3 = c2 + ldc;
        int c4 = c3 + ldc;
        int c5 = c4 + ldc;
        FloatVector s00, s01, s10, s11, s20, s21, s30, s31, s40, s41, s50, s51;
        if (accumulate) {
            s00 = FloatVector.fromArray(S, c, c0);
            s01 = FloatVector.fromArray(S, c, c0 + L);
            s10 = FloatVector.fromArray(S, c, c1);
            s11 = FloatVector.fromArray(S, c, c1 + L);
            s20 = FloatVector.fromArray(S, c, c2);
            s21 = FloatVector.fromArray(S, c, c2 + L);
            s30 = FloatVector.fromArray(S, c, c3);
            s31 = FloatVector.fromArray(S, c, c3 + L);
            s40 = FloatVector.fromArray(S, c, c4);
            s41 = FloatVector.fromArray(S, c, c4 + L);
            s50 = FloatVector.fromArray(S, c, c5);
            s51 = FloatVector.fromArray(S, c, c5 + L);
        } else {
            s00 = s01 = s10 = s11 = s20 = s21 = s30 = s31 = s40 = s41 = s50 = s51 = FloatVector.zero(S);
        }
        int a0 = aOff + i * lda;
        int a1 = a0 + lda;
        int a2 = a1 + lda;
        int a3 = a2 + lda;
        int a4 = a3 + lda;
        int a5 = a4 + lda;
        int bp = bOff + j;
        for (int p = 0; p < k; p++, bp += ldb) {
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
            FloatVector x = FloatVector.broadcast(S, a[a0 + p]);
            s00 = x.fma(b0, s00);
            s01 = x.fma(b1, s01);
            x = FloatVector.broadcast(S, a[a1 + p]);
            s10 = x.fma(b0, s10);
            s11 = x.fma(b1, s11);
            x = FloatVector.broadcast(S, a[a2 + p]);
            s20 = x.fma(b0, s20);
            s21 = x.fma(b1, s21);
            x = FloatVector.broadcast(S, a[a3 + p]);
            s30 = x.fma(b0, s30);
            s31 = x.fma(b1, s31);
            x = FloatVector.broadcast(S, a[a4 + p]);
            s40 = x.fma(b0, s40);
            s41 = x.fma(b1, s41);
            x = FloatVector.broadcast(S, a[a5 + p]);
            s50 = x.fma(b0, s50);
            s51 = x.fma(b1, s51);
        }
        s00.intoArray(c, c0);
        s01.intoArray(c, c0 + L);
        s10.intoArray(c, c1);
        s11.intoArray(c, c1 + L);
        s20.intoArray(c, c2);
        s21.intoArray(c, c2 + L);
        s30.intoArray(c, c3);
        s31.intoArray(c, c3 + L);
        s40.intoArray(c, c4);
        s41.intoArray(c, c4 + L);
        s50.intoArray(c, c5);
        s51.intoArray(c, c5 + L);
    }

    private static void block4x2(int i, int j, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                                 float[] c, int cOff, int ldc, boolean accumulate) {
        int c0 = cOff + i * ldc + j;
        int c1 = c0 + ldc;
        int c2 = c1 + ldc;
        int c3 = c2 + ldc;
        FloatVector s00, s01, s10, s11, s20, s21, s30, s31;
        if (accumulate) {
            s00 = FloatVector.fromArray(S, c, c0);
            s01 = FloatVector.fromArray(S, c, c0 + L);
            s10 = FloatVector.fromArray(S, c, c1);
            s11 = FloatVector.fromArray(S, c, c1 + L);
            s20 = FloatVector.fromArray(S, c, c2);
            s21 = FloatVector.fromArray(S, c, c2 + L);
            s30 = FloatVector.fromArray(S, c, c3);
            s31 = FloatVector.fromArray(S, c, c3 + L);
        } else {
            s00 = s01 = s10 = s11 = s20 = s21 = s30 = s31 = FloatVector.zero(S);
        }
        int a0 = aOff + i * lda;
        int a1 = a0 + lda;
        int a2 = a1 + lda;
        int a3 = a2 + lda;
        int bp = bOff + j;
        for (int p = 0; p < k; p++, bp += ldb) {
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
            FloatVector x = FloatVector.broadcast(S, a[a0 + p]);
            s00 = x.fma(b0, s00);
            s01 = x.fma(b1, s01);
            x = FloatVector.broadcast(S, a[a1 + p]);
            s10 = x.fma(b0, s10);
            s11 = x.fma(b1, s11);
            x = FloatVector.broadcast(S, a[a2 + p]);
            s20 = x.fma(b0, s20);
            s21 = x.fma(b1, s21);
            x = FloatVector.broadcast(S, a[a3 + p]);
            s30 = x.fma(b0, s30);
            s31 = x.fma(b1, s31);
        }
        s00.intoArray(c, c0);
        s01.intoArray(c, c0 + L);
        s10.intoArray(c, c1);
        s11.intoArray(c, c1 + L);
        s20.intoArray(c, c2);
        s21.intoArray(c, c2 + L);
        s30.intoArray(c, c3);
        s31.intoArray(c, c3 + L);
    }

    private static void block1x2(int i, int j, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                                 float[] c, int cOff, int ldc, boolean accumulate) {
        int c0 = cOff + i * ldc + j;
        FloatVector s0 = accumulate ? FloatVector.fromArray(S, c, c0) : FloatVector.zero(S);
        FloatVector s1 = accumulate ? FloatVector.fromArray(S, c, c0 + L) : FloatVector.zero(S);
        int a0 = aOff + i * lda;
        int bp = bOff + j;
        for (int p = 0; p < k; p++, bp += ldb) {
            FloatVector x = FloatVector.broadcast(S, a[a0 + p]);
            s0 = x.fma(FloatVector.fromArray(S, b, bp), s0);
            s1 = x.fma(FloatVector.fromArray(S, b, bp + L), s1);
        }
        s0.intoArray(c, c0);
        s1.intoArray(c, c0 + L);
    }

    private static void block1x1(int i, int j, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                                 float[] c, int cOff, int ldc, boolean accumulate) {
        int c0 = cOff + i * ldc + j;
        FloatVector s0 = accumulate ? FloatVector.fromArray(S, c, c0) : FloatVector.zero(S);
        int a0 = aOff + i * lda;
        int bp = bOff + j;
        for (int p = 0; p < k; p++, bp += ldb) {
            s0 = FloatVector.broadcast(S, a[a0 + p]).fma(FloatVector.fromArray(S, b, bp), s0);
        }
        s0.intoArray(c, c0);
    }

    private static void scalar(int m, int j0, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff,
                               int ldb, float[] c, int cOff, int ldc, boolean accumulate) {
        for (int i = 0; i < m; i++) {
            int ar = aOff + i * lda;
            for (int j = j0; j < n; j++) {
                float s = accumulate ? c[cOff + i * ldc + j] : 0f;
                for (int p = 0; p < k; p++) {
                    s = Math.fma(a[ar + p], b[bOff + p * ldb + j], s);
                }
                c[cOff + i * ldc + j] = s;
            }
        }
    }

    /** Plain triple loop with the same summation order; the reference the tests compare against. */
    public static void mulReference(int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                                    float[] c, int cOff, int ldc, boolean accumulate) {
        scalar(m, 0, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, accumulate);
    }
}
