package org.physrec.optim.nn;

/** Plain double-precision multi-head attention, the oracle for {@link SelfAttention}. */
public final class SelfAttentionReference {

    private SelfAttentionReference() {
    }

    public static double[] naive(float[] x, int n, int dim, int heads, float[] w, int qw, int qb, int ow, int ob) {
        double[][] qkv = new double[n][3 * dim];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 3 * dim; j++) {
                double s = w[qb + j];
                for (int p = 0; p < dim; p++) {
                    s += x[i * dim + p] * w[qw + p * 3 * dim + j];
                }
                qkv[i][j] = s;
            }
        }
        int dh = dim / heads;
        double[][] cat = new double[n][dim];
        for (int h = 0; h < heads; h++) {
            for (int i = 0; i < n; i++) {
                double[] sc = new double[n];
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < n; j++) {
                    double s = 0;
                    for (int p = 0; p < dh; p++) {
                        s += qkv[i][h * dh + p] * qkv[j][dim + h * dh + p];
                    }
                    sc[j] = s / Math.sqrt(dh);
                    max = Math.max(max, sc[j]);
                }
                double z = 0;
                for (int j = 0; j < n; j++) {
                    sc[j] = Math.exp(sc[j] - max);
                    z += sc[j];
                }
                for (int p = 0; p < dh; p++) {
                    double s = 0;
                    for (int j = 0; j < n; j++) {
                        s += sc[j] / z * qkv[j][2 * dim + h * dh + p];
                    }
                    cat[i][h * dh + p] = s;
                }
            }
        }
        double[] y = new double[n * dim];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < dim; j++) {
                double s = w[ob + j];
                for (int p = 0; p < dim; p++) {
                    s += cat[i][p] * w[ow + p * dim + j];
                }
                y[i * dim + j] = s;
            }
        }
        return y;
    }
}
