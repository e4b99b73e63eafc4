package org.physrec.app.bench;

import java.util.Arrays;
import java.util.List;
import org.physrec.optim.OptimizerState;

/**
 * Summary of one (function, dimension, optimizer) cell over its runs. Value statistics are over
 * the runs that stayed finite (NaN when every run failed); failed runs are counted apart.
 *
 * @param meanValue       mean final f over finite runs
 * @param medianValue     median final f over finite runs
 * @param meanGap         mean of f − f* over finite runs
 * @param medianGap       median of f − f* over finite runs
 * @param meanIterations  mean completed iterations
 * @param meanEvaluations mean objective evaluations
 * @param meanWallMillis  mean wall time per run, ms
 * @param meanCpuMillis   mean thread CPU time per run, ms
 * @param failures        runs that hit NaN/Inf (status NON_FINITE)
 * @param converged       runs that met the optimizer's own convergence test
 * @param stalled         runs whose line search failed (status FAILED)
 */
public record CellStats(String function, int dimension, String optimizer, int runs,
                        double meanValue, double medianValue, double meanGap, double medianGap,
                        double meanIterations, double meanEvaluations, double meanWallMillis, double meanCpuMillis,
                        int failures, int converged, int stalled) {

    /** Summarizes the runs of one cell. */
    public static CellStats of(String function, int dimension, String optimizer, List<RunRecord> runs) {
        int n = runs.size();
        double[] values = new double[n];
        double[] gaps = new double[n];
        int finite = 0;
        double it = 0;
        double ev = 0;
        double wall = 0;
        double cpu = 0;
        int failures = 0;
        int converged = 0;
        int stalled = 0;
        for (int i = 0; i < n; i++) {
            RunRecord r = runs.get(i);
            if (r.status() != OptimizerState.Status.NON_FINITE) {
                values[finite] = r.finalValue();
                gaps[finite] = r.gap();
                finite++;
            }
            it += r.iterations();
            ev += r.evaluations();
            wall += r.wallNanos() / 1e6;
            cpu += r.cpuNanos() / 1e6;
            if (r.status() == OptimizerState.Status.NON_FINITE) {
                failures++;
            } else if (r.status() == OptimizerState.Status.CONVERGED) {
                converged++;
            } else if (r.status() == OptimizerState.Status.FAILED) {
                stalled++;
            }
        }
        values = Arrays.copyOf(values, finite);
        gaps = Arrays.copyOf(gaps, finite);
        return new CellStats(function, dimension, optimizer, n, mean(values), median(values), mean(gaps), median(gaps),
                it / n, ev / n, wall / n, cpu / n, failures, converged, stalled);
    }

    private static double mean(double[] v) {
        if (v.length == 0) {
            return Double.NaN;
        }
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double median(double[] v) {
        if (v.length == 0) {
            return Double.NaN;
        }
        double[] c = v.clone();
        Arrays.sort(c);
        int m = c.length / 2;
        return c.length % 2 == 1 ? c[m] : 0.5 * (c[m - 1] + c[m]);
    }
}
