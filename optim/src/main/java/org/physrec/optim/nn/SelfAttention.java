package org.physrec.optim.nn;

/**
 * Multi-head self-attention over N tokens without masking or positional encoding (so it is
 * permutation-equivariant over tokens, which lets one network serve any dimension N):
 * [Q|K|V] = x·Wqkv + bqkv, per head softmax(Q_h K_hᵀ/√dh)·V_h, then the output projection.
 * The softmax is applied unnormalized and each output row divided by its sum afterwards, which
 * saves a pass over the N-wide score rows.
 * Queries are processed in blocks of {@link #QUERY_BLOCK} rows, so the scores of a block
 * (QUERY_BLOCK × N) stay in cache instead of a full N × N matrix going through memory.
 * Scratch lives in a {@link Workspace} sized once for N.
 */
public final class SelfAttention {

    /** Query rows per block of scores. */
    static final int QUERY_BLOCK = 24;

    private SelfAttention() {
    }

    /** Buffers for one sequence length; allocate once per optimizer state. */
    public static final class Workspace {
        final int n;
        final int dim;
        /** (n × 3·dim) fused queries, keys and values. */
        final float[] qkv;
        /** (dh × n) one head's keys, transposed. */
        final float[] kt;
        /** (min(n, QUERY_BLOCK) × n) one block of one head's scores, then probabilities. */
        final float[] scores;
        /** (min(n, QUERY_BLOCK)) row sums of one block's exponentials. */
        final float[] rowSums;
        /** (one vector) the score columns past the last full vector. */
        final float[] tail = new float[Gemm.lanes()];
        /** (n × dim) concatenated head outputs. */
        final float[] heads;

        public Workspace(int n, int dim, int numHeads) {
            this.n = n;
            this.dim = dim;
            this.qkv = new float[n * 3 * dim];
            this.kt = new float[(dim / numHeads) * n];
            this.scores = new float[Math.min(n, QUERY_BLOCK) * n];
            this.rowSums = new float[Math.min(n, QUERY_BLOCK)];
            this.heads = new float[n * dim];
        }
    }

    /**
     * @param x    (n × dim) input tokens, not modified
     * @param w    flat parameters: Wqkv (dim × 3dim) at qkvW, bqkv at qkvB, Wo (dim × dim) at oW, bo at oB
     * @param yOut (n × dim) attention output, overwritten; must not alias x
     */
    public static void forward(float[] x, int n, int dim, int numHeads, float[] w, int qkvW, int qkvB, int oW, int oB,
                               Workspace ws, float[] yOut) {
        assert ws.n == n && ws.dim == dim;
        int dh = dim / numHeads;
        int ld = 3 * dim;
        Layers.linear(x, n, dim, w, qkvW, qkvB, ld, ws.qkv);
        float scale = (float) (1.0 / Math.sqrt(dh));
        for (int h = 0; h < numHeads; h++) {
            int qOff = h * dh;
            int kOff = dim + h * dh;
            int vOff = 2 * dim + h * dh;
            for (int j = 0; j < n; j++) {
                int src = j * ld + kOff;
                for (int p = 0; p < dh; p++) {
                    ws.kt[p * n + j] = ws.qkv[src + p] * scale;
                }
            }
            for (int i0 = 0; i0 < n; i0 += QUERY_BLOCK) {
                int rows = Math.min(QUERY_BLOCK, n - i0);
                Gemm.mul(rows, n, dh, ws.qkv, i0 * ld + qOff, ld, ws.kt, 0, n, ws.scores, 0, n, false);
                Layers.expShiftedRows(ws.scores, 0, rows, n, n, ws.rowSums, ws.tail);
                Gemm.mul(rows, dh, n, ws.scores, 0, n, ws.qkv, vOff, ld, ws.heads, i0 * dim + h * dh, dim, false);
                for (int i = 0; i < rows; i++) {
                    float inv = 1f / ws.rowSums[i];
                    int o = (i0 + i) * dim + h * dh;
                    for (int p = 0; p < dh; p++) {
                        ws.heads[o + p] *= inv;
                    }
                }
            }
        }
        Layers.linear(ws.heads, n, dim, w, oW, oB, dim, yOut);
    }
}
