package org.physrec.optim.nn;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.physrec.optim.VectorMath;

/**
 * Per-token layers over a batch of N tokens stored row-major (N × width). Weights are read
 * from a flat parameter array at given offsets (see {@link ParamLayout}).
 */
public final class Layers {

    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

    private Layers() {
    }

    /**
     * y = x·W + b for each of the {@code rows} tokens.
     *
     * @param x    (rows × in), not modified
     * @param w    flat parameters; W (in × out) at {@code wOff}, b (out) at {@code bOff}
     * @param yOut (rows × out), overwritten
     */
    public static void linear(float[] x, int rows, int in, float[] w, int wOff, int bOff, int out, float[] yOut) {
        for (int i = 0; i < rows; i++) {
            System.arraycopy(w, bOff, yOut, i * out, out);
        }
        Gemm.mul(rows, out, in, x, 0, in, w, wOff, out, yOut, 0, out, true);
    }

    /** y = x·W without bias, accumulated into yOut (rows × out). */
    public static void linearAccumulate(float[] x, int rows, int in, float[] w, int wOff, int out, float[] yOut) {
        Gemm.mul(rows, out, in, x, 0, in, w, wOff, out, yOut, 0, out, true);
    }

    /** In-place max(0, x) over the first {@code n} values. */
    public static void relu(float[] x, int n) {
        for (int i = 0; i < n; i++) {
            if (x[i] < 0f) {
                x[i] = 0f;
            }
        }
    }

    /**
     * Layer normalization of each row: (x − mean)/sqrt(var + 1e-5)·γ + β.
     *
     * @param x    (rows × dim), not modified
     * @param w    flat parameters; γ (dim) at {@code gOff}, β (dim) at {@code bOff}
     * @param yOut (rows × dim), overwritten; may be {@code x} itself
     */
    public static void layerNorm(float[] x, int rows, int dim, float[] w, int gOff, int bOff, float[] yOut) {
        for (int i = 0; i < rows; i++) {
            int r = i * dim;
            float mean = 0f;
            for (int j = 0; j < dim; j++) {
                mean += x[r + j];
            }
            mean /= dim;
            float var = 0f;
            for (int j = 0; j < dim; j++) {
                float d = x[r + j] - mean;
                var += d * d;
            }
            var /= dim;
            float inv = (float) (1.0 / Math.sqrt(var + 1e-5));
            for (int j = 0; j < dim; j++) {
                yOut[r + j] = (x[r + j] - mean) * inv * w[gOff + j] + w[bOff + j];
            }
        }
    }

    /**
     * In-place unnormalized softmax of each row of an (rows × cols) block with row stride
     * {@code ld}: s ← exp(s − max of the row), and the row sums go to {@code sumsOut}. The caller
     * divides by the sum after the product with V (dh values per row instead of cols). The
     * exponentials are vectorized ({@link VectorMath#exp}) and reproducible across JIT tiers,
     * unlike lanewise EXP; sums are added in a fixed order.
     *
     * @param sumsOut (rows) Σ_j exp(s_ij − max_i), overwritten
     * @param tail    (at least {@link Gemm#lanes()}) scratch for the lane sum and for the columns
     *                past the last full vector (masked vector loads are not intrinsified on AVX2
     *                with JDK 17)
     */
    public static void expShiftedRows(float[] s, int off, int rows, int cols, int ld, float[] sumsOut, float[] tail) {
        int lanes = SPECIES.length();
        int upper = SPECIES.loopBound(cols);
        for (int i = 0; i < rows; i++) {
            int r = off + i * ld;
            FloatVector vmax = FloatVector.broadcast(SPECIES, Float.NEGATIVE_INFINITY);
            int j = 0;
            for (; j < upper; j += lanes) {
                vmax = vmax.max(FloatVector.fromArray(SPECIES, s, r + j));
            }
            float max = vmax.reduceLanes(VectorOperators.MAX);
            for (; j < cols; j++) {
                max = Math.max(max, s[r + j]);
            }
            vmax = FloatVector.broadcast(SPECIES, max);
            FloatVector vsum = FloatVector.zero(SPECIES);
            for (j = 0; j < upper; j += lanes) {
                FloatVector e = VectorMath.exp(FloatVector.fromArray(SPECIES, s, r + j).sub(vmax));
                e.intoArray(s, r + j);
                vsum = vsum.add(e);
            }
            // lane-order sum through the scratch: lane(i) with a variable i is not always
            // intrinsified and then allocates
            vsum.intoArray(tail, 0);
            float sum = 0f;
            for (int q = 0; q < lanes; q++) {
                sum += tail[q];
            }
            if (j < cols) {
                int t = cols - j;
                System.arraycopy(s, r + j, tail, 0, t);
                VectorMath.exp(FloatVector.fromArray(SPECIES, tail, 0).sub(vmax)).intoArray(tail, 0);
                for (int q = 0; q < t; q++) {
                    s[r + j + q] = tail[q];
                    sum += tail[q];
                }
            }
            sumsOut[i] = sum;
        }
    }

    /** a[i] += b[i] for i < n. */
    public static void addInPlace(float[] a, float[] b, int n) {
        for (int i = 0; i < n; i++) {
            a[i] += b[i];
        }
    }
}
