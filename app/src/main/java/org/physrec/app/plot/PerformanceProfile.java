package org.physrec.app.plot;

import java.util.Arrays;
import java.util.List;
import org.knowm.xchart.XYChart;

/**
 * Dolan–Moré performance profiles (Math. Program. 2002). For problems p and solvers s with
 * cost t[p][s] ≥ 0 (lower is better), r[p][s] = t[p][s] / min_s t[p][s]; a failed solve gets
 * r = r_M, larger than every finite ratio; ρ_s(τ) = |{p : r[p][s] ≤ τ}| / n_p.
 */
public final class PerformanceProfile {

    /**
     * @param solvers names, one per column
     * @param ratios  (problems x solvers) performance ratios, failures as +Inf
     */
    public record Result(List<String> solvers, double[][] ratios) {

        /** ρ_s(τ): the fraction of problems solver s solves within a factor τ of the best. */
        public double rho(int solver, double tau) {
            int count = 0;
            for (double[] row : ratios) {
                if (row[solver] <= tau) {
                    count++;
                }
            }
            return (double) count / ratios.length;
        }

        /** The largest finite ratio (1 if there is none). */
        public double maxFiniteRatio() {
            double max = 1;
            for (double[] row : ratios) {
                for (double r : row) {
                    if (Double.isFinite(r)) {
                        max = Math.max(max, r);
                    }
                }
            }
            return max;
        }
    }

    private PerformanceProfile() {
    }

    /**
     * Computes the ratios. A problem on which every solver failed counts as failed for all.
     *
     * @param cost   (problems x solvers) costs; must be &gt; 0 where not failed (add a small δ to
     *               gaps that can be 0)
     * @param failed (problems x solvers) failure flags
     * @throws IllegalArgumentException on shape mismatch or a non-positive cost
     */
    public static Result compute(List<String> solvers, double[][] cost, boolean[][] failed) {
        int ns = solvers.size();
        double[][] ratios = new double[cost.length][ns];
        for (int p = 0; p < cost.length; p++) {
            if (cost[p].length != ns || failed[p].length != ns) {
                throw new IllegalArgumentException("cost/failed row " + p + ": expected " + ns + " solvers");
            }
            double best = Double.POSITIVE_INFINITY;
            for (int s = 0; s < ns; s++) {
                if (!failed[p][s]) {
                    if (!(cost[p][s] > 0) || Double.isNaN(cost[p][s])) {
                        throw new IllegalArgumentException("cost[" + p + "][" + s + "]: must be > 0, got " + cost[p][s]);
                    }
                    best = Math.min(best, cost[p][s]);
                }
            }
            for (int s = 0; s < ns; s++) {
                ratios[p][s] = failed[p][s] || !Double.isFinite(best) ? Double.POSITIVE_INFINITY : cost[p][s] / best;
            }
        }
        return new Result(List.copyOf(solvers), ratios);
    }

    /** A chart of ρ_s(τ) over log₂ τ from 0 to log₂ of the largest finite ratio (at least 1), as steps. */
    public static XYChart chart(Result result, String title) {
        double maxLog = Math.max(1, Math.log(result.maxFiniteRatio()) / Math.log(2)) * 1.05;
        LinePlot plot = new LinePlot(title, "log2(tau)", "fraction of problems  rho(tau)");
        for (int s = 0; s < result.solvers().size(); s++) {
            double[] taus = new double[result.ratios().length];
            int n = 0;
            for (double[] row : result.ratios()) {
                if (Double.isFinite(row[s])) {
                    taus[n++] = row[s];
                }
            }
            taus = Arrays.copyOf(taus, n);
            Arrays.sort(taus);
            // Steps: (0, ρ(1)), then a vertical jump at each distinct ratio, flat to the right end.
            double[] xs = new double[2 * n + 2];
            double[] ys = new double[2 * n + 2];
            int k = 0;
            xs[k] = 0;
            ys[k++] = result.rho(s, 1.0);
            for (double t : taus) {
                double lx = Math.log(t) / Math.log(2);
                double before = ys[k - 1];
                xs[k] = lx;
                ys[k] = before;
                k++;
                xs[k] = lx;
                ys[k] = result.rho(s, t);
                k++;
            }
            xs[k] = maxLog;
            ys[k] = ys[k - 1];
            k++;
            plot.series(result.solvers().get(s), Arrays.copyOf(xs, k), Arrays.copyOf(ys, k));
        }
        XYChart chart = plot.chart();
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(1.0);
        chart.getStyler().setYAxisDecimalPattern("0.0#");
        chart.getStyler().setXAxisDecimalPattern("0.#");
        return chart;
    }
}
