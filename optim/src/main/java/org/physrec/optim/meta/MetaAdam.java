package org.physrec.optim.meta;

/**
 * Adam on the flat meta-parameters (β1 0.9, β2 0.999, ε 1e-8, bias-corrected). Moments are
 * kept in float like θ, so they can be checkpointed as tensors.
 */
public final class MetaAdam {

    private final double learningRate;
    /** (P) first moment. */
    final float[] m;
    /** (P) second moment. */
    final float[] v;
    private long t;

    public MetaAdam(int size, double learningRate) {
        this(new float[size], new float[size], 0, learningRate);
    }

    /** Restores moments and step count (arrays are used as given). */
    public MetaAdam(float[] m, float[] v, long t, double learningRate) {
        if (m.length != v.length) {
            throw new IllegalArgumentException("v: expected " + m.length + " values, got " + v.length);
        }
        this.m = m;
        this.v = v;
        this.t = t;
        this.learningRate = learningRate;
    }

    /** θ ← θ − lr·m̂/(√v̂ + ε) on the trainable entries, for gradient g (K, one value per trainable entry). */
    public void update(float[] theta, double[] g, TrainableSet trainable) {
        t++;
        double c1 = 1 - Math.pow(0.9, t);
        double c2 = 1 - Math.pow(0.999, t);
        for (int k = 0; k < g.length; k++) {
            int i = trainable.index(k);
            double mi = 0.9 * m[i] + 0.1 * g[k];
            double vi = 0.999 * v[i] + 0.001 * g[k] * g[k];
            m[i] = (float) mi;
            v[i] = (float) vi;
            theta[i] -= (float) (learningRate * (mi / c1) / (Math.sqrt(vi / c2) + 1e-8));
        }
    }

    public float[] firstMoment() {
        return m;
    }

    public float[] secondMoment() {
        return v;
    }

    public long steps() {
        return t;
    }
}
