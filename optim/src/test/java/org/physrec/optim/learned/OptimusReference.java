package org.physrec.optim.learned;

import org.physrec.optim.nn.ParamLayout;

/** Plain double-precision transcription of the Optimus network, the oracle for the fast kernels. */
final class OptimusReference {

    private OptimusReference() {
    }

    static double[][] forward(Optimus arch, float[] theta, float[] features, int n) {
        ParamLayout l = arch.layout();
        int d = arch.dModel();
        double[][] z = new double[n][39];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < 39; c++) {
                z[i][c] = features[i * 39 + c];
            }
        }
        double[][] h = linear(z, theta, l, "embed/w", "embed/b");
        for (int k = 0; k < arch.layers(); k++) {
            String p = "enc" + k + "/";
            double[][] a = layerNorm(h, theta, l, p + "ln1/g", p + "ln1/b");
            double[][] att = attention(a, theta, l, p, arch.heads());
            add(h, att);
            a = layerNorm(h, theta, l, p + "ln2/g", p + "ln2/b");
            double[][] f = linear(a, theta, l, p + "ffn/w1", p + "ffn/b1");
            for (double[] row : f) {
                for (int j = 0; j < row.length; j++) {
                    row[j] = Math.max(0, row[j]);
                }
            }
            add(h, linear(f, theta, l, p + "ffn/w2", p + "ffn/b2"));
        }
        double[][] a = layerNorm(h, theta, l, "final_ln/g", "final_ln/b");
        double[][] out = linear(a, theta, l, "head/w", "head/b");
        int sw = l.offset("skip/w");
        for (int i = 0; i < n; i++) {
            for (int o = 0; o < 3; o++) {
                for (int c = 0; c < 39; c++) {
                    out[i][o] += z[i][c] * theta[sw + c * 3 + o];
                }
            }
        }
        return out;
    }

    private static void add(double[][] h, double[][] x) {
        for (int i = 0; i < h.length; i++) {
            for (int j = 0; j < h[i].length; j++) {
                h[i][j] += x[i][j];
            }
        }
    }

    static double[][] linear(double[][] x, float[] theta, ParamLayout l, String w, String b) {
        ParamLayout.Entry we = l.get(w);
        int in = we.shape()[0];
        int out = we.shape()[1];
        int bo = l.offset(b);
        double[][] y = new double[x.length][out];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < out; j++) {
                double s = theta[bo + j];
                for (int p = 0; p < in; p++) {
                    s += x[i][p] * theta[we.offset() + p * out + j];
                }
                y[i][j] = s;
            }
        }
        return y;
    }

    static double[][] layerNorm(double[][] x, float[] theta, ParamLayout l, String g, String b) {
        int go = l.offset(g);
        int bo = l.offset(b);
        double[][] y = new double[x.length][x[0].length];
        for (int i = 0; i < x.length; i++) {
            int d = x[i].length;
            double mean = 0;
            for (double v : x[i]) {
                mean += v;
            }
            mean /= d;
            double var = 0;
            for (double v : x[i]) {
                var += (v - mean) * (v - mean);
            }
            var /= d;
            for (int j = 0; j < d; j++) {
                y[i][j] = (x[i][j] - mean) / Math.sqrt(var + 1e-5) * theta[go + j] + theta[bo + j];
            }
        }
        return y;
    }

    static double[][] attention(double[][] x, float[] theta, ParamLayout l, String p, int heads) {
        int n = x.length;
        int d = x[0].length;
        float[] flat = new float[n * d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                flat[i * d + j] = (float) x[i][j];
            }
        }
        double[] y = org.physrec.optim.nn.SelfAttentionReference.naive(flat, n, d, heads, theta,
                l.offset(p + "attn/qkv/w"), l.offset(p + "attn/qkv/b"), l.offset(p + "attn/out/w"),
                l.offset(p + "attn/out/b"));
        double[][] out = new double[n][d];
        for (int i = 0; i < n; i++) {
            System.arraycopy(y, i * d, out[i], 0, d);
        }
        return out;
    }
}
