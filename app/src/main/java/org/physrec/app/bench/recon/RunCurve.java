package org.physrec.app.bench.recon;

/**
 * One optimizer's run on one window: the loss after every completed iteration (index 0 = the
 * start), with the objective evaluations and wall time spent up to that point.
 *
 * @param window      window id
 * @param optimizer   optimizer name
 * @param values      (K+1) f after iteration k; k = 0 is f(x0)
 * @param evaluations (K+1) evaluations used up to iteration k (1 at k = 0)
 * @param seconds     (K+1) wall time since the run started (init included)
 * @param status      how the run ended
 * @param message     why it ended
 */
public record RunCurve(String window, String optimizer, double[] values, long[] evaluations, double[] seconds,
                       String status, String message) {

    public RunCurve {
        if (values.length == 0 || evaluations.length != values.length || seconds.length != values.length) {
            throw new IllegalArgumentException("curve of " + optimizer + " on " + window + ": values, evaluations and"
                    + " seconds need the same non-zero length, got " + values.length + ", " + evaluations.length + ", "
                    + seconds.length);
        }
    }

    /** Completed iterations. */
    public int iterations() {
        return values.length - 1;
    }

    /** f after iteration k, the last value once the run has stopped. */
    public double valueAt(int k) {
        return values[Math.min(k, values.length - 1)];
    }

    /** f of the last iterate reached within a budget (of evaluations or seconds): NaN-free, f(x0) if none. */
    public double valueWithin(double budget, boolean bySeconds) {
        double v = values[0];
        for (int k = 0; k < values.length; k++) {
            double used = bySeconds ? seconds[k] : evaluations[k];
            if (used > budget) {
                break;
            }
            v = values[k];
        }
        return v;
    }

    /** The first iteration whose loss is ≤ target, or -1. */
    public int firstIterationBelow(double target) {
        for (int k = 0; k < values.length; k++) {
            if (values[k] <= target) {
                return k;
            }
        }
        return -1;
    }

    public double min() {
        double m = Double.POSITIVE_INFINITY;
        for (double v : values) {
            m = Math.min(m, v);
        }
        return m;
    }
}
