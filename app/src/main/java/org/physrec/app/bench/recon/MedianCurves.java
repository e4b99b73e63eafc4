package org.physrec.app.bench.recon;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Median over windows of each optimizer's loss normalized by the window's initial loss
 * f(x0) (the same for every optimizer), against iterations, evaluation budgets and
 * wall-time budgets.
 */
public final class MedianCurves {

    private MedianCurves() {
    }

    /** Runs grouped by optimizer, in first-seen order. */
    public static Map<String, List<RunCurve>> byOptimizer(List<RunCurve> runs) {
        Map<String, List<RunCurve>> m = new LinkedHashMap<>();
        for (RunCurve r : runs) {
            m.computeIfAbsent(r.optimizer(), k -> new java.util.ArrayList<>()).add(r);
        }
        return m;
    }

    /** (K+1) median of f_k / f_0 over the runs, k = 0..K (a stopped run keeps its last value). */
    public static double[] byIteration(List<RunCurve> runs, int iterations) {
        double[] out = new double[iterations + 1];
        double[] col = new double[runs.size()];
        for (int k = 0; k <= iterations; k++) {
            for (int i = 0; i < runs.size(); i++) {
                RunCurve r = runs.get(i);
                col[i] = r.valueAt(k) / r.values()[0];
            }
            out[k] = median(col);
        }
        return out;
    }

    /** Median of f / f_0 of the last iterate reached within each budget (evaluations, or seconds). */
    public static double[] byBudget(List<RunCurve> runs, double[] budgets, boolean bySeconds) {
        double[] out = new double[budgets.length];
        double[] col = new double[runs.size()];
        for (int b = 0; b < budgets.length; b++) {
            for (int i = 0; i < runs.size(); i++) {
                RunCurve r = runs.get(i);
                col[i] = r.valueWithin(budgets[b], bySeconds) / r.values()[0];
            }
            out[b] = median(col);
        }
        return out;
    }

    /** Median of the values (NaN for none; +∞ entries count as largest). */
    public static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }
}
