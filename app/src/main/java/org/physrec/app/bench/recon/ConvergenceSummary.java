package org.physrec.app.bench.recon;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How fast each optimizer converges on the windows. Per window the target is
 * f_0 − fraction·(f_0 − f_best), where f_best is the lowest loss any optimizer reached on that
 * window; per optimizer the medians over windows of the iterations, evaluations and seconds
 * needed to reach it (+∞ where not reached, so a median over mostly unreached windows is +∞),
 * and the median final normalized loss.
 *
 * @param optimizer          optimizer name
 * @param windows            windows run
 * @param reached            windows on which the target was reached
 * @param medianIterations   median iterations to the target
 * @param medianEvaluations  median evaluations to the target
 * @param medianSeconds      median wall seconds to the target
 * @param medianFinal        median f_K / f_0
 * @param medianSecondsPerIteration median over windows of wall seconds / iterations done
 */
public record ConvergenceSummary(String optimizer, int windows, int reached, double medianIterations,
                                 double medianEvaluations, double medianSeconds, double medianFinal,
                                 double medianSecondsPerIteration) {

    /** One summary per optimizer, in first-seen order. */
    public static List<ConvergenceSummary> of(List<RunCurve> runs, double fraction) {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("fraction: must be in (0, 1], got " + fraction);
        }
        Map<String, Double> best = new HashMap<>();
        for (RunCurve r : runs) {
            best.merge(r.window(), r.min(), Math::min);
        }
        List<ConvergenceSummary> out = new ArrayList<>();
        for (var e : MedianCurves.byOptimizer(runs).entrySet()) {
            List<RunCurve> rs = e.getValue();
            int n = rs.size();
            double[] it = new double[n];
            double[] ev = new double[n];
            double[] sec = new double[n];
            double[] fin = new double[n];
            double[] spi = new double[n];
            int reached = 0;
            for (int i = 0; i < n; i++) {
                RunCurve r = rs.get(i);
                double f0 = r.values()[0];
                double target = f0 - fraction * (f0 - best.get(r.window()));
                int k = r.firstIterationBelow(target);
                it[i] = k < 0 ? Double.POSITIVE_INFINITY : k;
                ev[i] = k < 0 ? Double.POSITIVE_INFINITY : r.evaluations()[k];
                sec[i] = k < 0 ? Double.POSITIVE_INFINITY : r.seconds()[k];
                reached += k < 0 ? 0 : 1;
                fin[i] = r.values()[r.values().length - 1] / f0;
                spi[i] = r.iterations() > 0 ? r.seconds()[r.iterations()] / r.iterations() : Double.NaN;
            }
            out.add(new ConvergenceSummary(e.getKey(), n, reached, MedianCurves.median(it), MedianCurves.median(ev),
                    MedianCurves.median(sec), MedianCurves.median(fin), MedianCurves.median(spi)));
        }
        return out;
    }
}
