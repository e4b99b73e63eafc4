package org.physrec.optim.learned;

/**
 * The 39 per-parameter input features of learned_optimization's {@code adafac_mlp_lopt} for a
 * flat parameter vector x ∈ R^N (the non-factored Adafactor case). Channel layout:
 * <pre>
 *  0 g             1 p              2-4 m_j            5 v
 *  6-8 m_j/√(v+1e-6)                9 1/√(v+1e-6)     10-12 g/√max(V_j+1e-9,1e-9)
 * 13-15 V_j (row slot)  16-18 V_j (col slot)  19-24 1/√(V_j+1e-8) twice
 * 25-27 m_j/√(V_j+1e-6) 28-38 tanh(t/τ − 1), τ ∈ {1,3,10,...,1e5}
 * </pre>
 * Channels 0-27 are scaled by 1/√(1e-5 + mean over the N parameters of x²); time features are
 * not normalized. Accumulators start at zero and are updated with the current gradient before
 * the features are computed; t is the iteration count before the update.
 */
public final class AdafactorFeatures {

    /** Features per parameter. */
    public static final int COUNT = 39;
    /** Channels normalized over the parameter axis. */
    public static final int NORMALIZED = 28;
    /** Meta-learned decay offsets: 3 momentum, 1 RMS, 3 Adafactor. */
    public static final int DECAY_PARAMS = 7;

    static final double[] MOMENTUM_DECAYS = {0.9, 0.99, 0.999};
    static final double RMS_DECAY = 0.999;
    static final double[] ADAFACTOR_DECAYS = {0.9, 0.99, 0.999};
    static final double[] TIMESCALES = {1, 3, 10, 30, 100, 300, 1000, 3000, 10000, 30000, 100000};

    private AdafactorFeatures() {
    }

    /** The seven decays after applying meta-learned offsets θ: 1 − (1 − β0)·exp(10θ), clipped to [0, 1]. */
    public record Decays(double[] momentum, double rms, double[] adafactor) {

        /** Decays from offsets stored at {@code theta[off .. off+7)}: momentum ×3, RMS, Adafactor ×3. */
        public static Decays of(float[] theta, int off) {
            double[] m = new double[3];
            double[] a = new double[3];
            for (int j = 0; j < 3; j++) {
                m[j] = decay(MOMENTUM_DECAYS[j], theta[off + j]);
                a[j] = decay(ADAFACTOR_DECAYS[j], theta[off + 4 + j]);
            }
            return new Decays(m, decay(RMS_DECAY, theta[off + 3]), a);
        }

        /** The library defaults (all offsets zero). */
        public static Decays defaults() {
            return of(new float[DECAY_PARAMS], 0);
        }

        private static double decay(double initial, double offset) {
            double d = 1.0 - (1.0 - initial) * Math.exp(10.0 * offset);
            return Math.min(1.0, Math.max(0.0, d));
        }
    }

    /** Running accumulators for one parameter vector of length n. */
    public static final class Accumulators {
        /** (3 × n) momenta. */
        final double[] m;
        /** (n) RMS accumulator. */
        final double[] v;
        /** (3 × n) full (non-factored) Adafactor accumulators. */
        final double[] adafactor;
        /** Updates applied so far; the time feature uses the value before the current update. */
        int t;
        final int n;

        public Accumulators(int n) {
            this.n = n;
            this.m = new double[3 * n];
            this.v = new double[n];
            this.adafactor = new double[3 * n];
        }
    }

    /**
     * Updates the accumulators with gradient g and writes the features for parameters p.
     *
     * @param p           parameters (n), not modified
     * @param g           gradient at p (n), not modified
     * @param featuresOut (n × 39) row-major, overwritten
     * @param scratch     (28) per-channel sums of squares, overwritten
     */
    public static void update(Accumulators acc, Decays decays, double[] p, double[] g, float[] featuresOut,
                              double[] scratch) {
        int n = acc.n;
        double bv = decays.rms();
        for (int i = 0; i < n; i++) {
            double gi = g[i];
            double g2 = gi * gi;
            for (int j = 0; j < 3; j++) {
                double bm = decays.momentum()[j];
                acc.m[j * n + i] = bm * acc.m[j * n + i] + (1 - bm) * gi;
                double ba = decays.adafactor()[j];
                acc.adafactor[j * n + i] = ba * acc.adafactor[j * n + i] + (1 - ba) * (g2 + 1e-30);
            }
            acc.v[i] = bv * acc.v[i] + (1 - bv) * g2;
        }
        java.util.Arrays.fill(scratch, 0, NORMALIZED, 0.0);
        // Two passes: raw channels (accumulating their mean squares), then scale and store.
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < n; i++) {
                double gi = g[i];
                double vi = acc.v[i];
                double rsv = 1.0 / Math.sqrt(vi + 1e-6);
                int r = i * COUNT;
                put(pass, featuresOut, scratch, r, 0, gi);
                put(pass, featuresOut, scratch, r, 1, p[i]);
                put(pass, featuresOut, scratch, r, 5, vi);
                put(pass, featuresOut, scratch, r, 9, rsv);
                for (int j = 0; j < 3; j++) {
                    double mj = acc.m[j * n + i];
                    double vj = acc.adafactor[j * n + i];
                    double rsV = 1.0 / Math.sqrt(vj + 1e-8);
                    put(pass, featuresOut, scratch, r, 2 + j, mj);
                    put(pass, featuresOut, scratch, r, 6 + j, mj * rsv);
                    put(pass, featuresOut, scratch, r, 10 + j, gi / Math.sqrt(Math.max(vj + 1e-9, 1e-9)));
                    put(pass, featuresOut, scratch, r, 13 + j, vj);
                    put(pass, featuresOut, scratch, r, 16 + j, vj);
                    put(pass, featuresOut, scratch, r, 19 + j, rsV);
                    put(pass, featuresOut, scratch, r, 22 + j, rsV);
                    put(pass, featuresOut, scratch, r, 25 + j, mj / Math.sqrt(vj + 1e-6));
                }
            }
            if (pass == 0) {
                for (int c = 0; c < NORMALIZED; c++) {
                    scratch[c] = 1.0 / Math.sqrt(1e-5 + scratch[c] / n);
                }
            }
        }
        double t = acc.t;
        for (int k = 0; k < TIMESCALES.length; k++) {
            float tf = (float) Math.tanh(t / TIMESCALES[k] - 1.0);
            for (int i = 0; i < n; i++) {
                featuresOut[i * COUNT + NORMALIZED + k] = tf;
            }
        }
        acc.t++;
    }

    private static void put(int pass, float[] out, double[] scale, int row, int c, double value) {
        if (pass == 0) {
            scale[c] += value * value;
        } else {
            out[row + c] = (float) (value * scale[c]);
        }
    }

    /** Index of the first non-finite feature in (n × 39), or −1. */
    public static int firstNonFinite(float[] features, int n) {
        for (int i = 0; i < n * COUNT; i++) {
            if (!Float.isFinite(features[i])) {
                return i;
            }
        }
        return -1;
    }
}
