package org.physrec.app.bench.recon;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.physrec.datasets.io.AtomicFiles;
import org.physrec.app.plot.LinePlot;
import org.physrec.app.plot.Png;

/**
 * Writes a recon-optimizers run: {@code results.json} (settings, summaries, every curve),
 * {@code results.csv} (one row per window, optimizer and iteration), {@code summary.md} and
 * the plots {@code loss_vs_iterations.png}, {@code loss_vs_evaluations.png},
 * {@code loss_vs_seconds.png} (median over windows of f/f0, log scale).
 */
public final class ReconBenchReport {

    /** Fraction of the best decrease that counts as converged in the summary. */
    public static final double TARGET_FRACTION = 0.95;
    private static final int GRID = 200;

    private ReconBenchReport() {
    }

    public static List<ConvergenceSummary> write(Path out, Map<String, Object> settings, List<RunCurve> runs,
                                                 int iterations) {
        List<ConvergenceSummary> summary = ConvergenceSummary.of(runs, TARGET_FRACTION);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("settings", settings);
        root.put("target_fraction", TARGET_FRACTION);
        root.put("summary", summary.stream().map(ReconBenchReport::summaryMap).toList());
        root.put("runs", runs);
        try {
            AtomicFiles.writeStringUnchecked(out.resolve("results.json"),
                    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("results.json: " + e.getMessage(), e);
        }
        StringBuilder csv = new StringBuilder("window,optimizer,iteration,evaluations,seconds,loss,normalized_loss\n");
        for (RunCurve r : runs) {
            for (int k = 0; k < r.values().length; k++) {
                csv.append(String.format(Locale.ROOT, "%s,%s,%d,%d,%.6f,%.17g,%.17g%n", r.window(), r.optimizer(), k,
                        r.evaluations()[k], r.seconds()[k], r.values()[k], r.values()[k] / r.values()[0]));
            }
        }
        AtomicFiles.writeStringUnchecked(out.resolve("results.csv"), csv.toString());
        AtomicFiles.writeStringUnchecked(out.resolve("summary.md"), markdown(summary));
        plots(out, runs, iterations);
        return summary;
    }

    /** The summary as a Markdown table. */
    public static String markdown(List<ConvergenceSummary> summary) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "| optimizer | windows | reached %.0f%% of best decrease | median iterations | median evaluations |"
                        + " median seconds | median final f/f0 | median s/iteration |%n|---|---|---|---|---|---|---|---|%n",
                100 * TARGET_FRACTION));
        for (ConvergenceSummary c : summary) {
            s.append(String.format(Locale.ROOT, "| %s | %d | %d | %s | %s | %s | %.4f | %.3f |%n", c.optimizer(),
                    c.windows(), c.reached(), num(c.medianIterations(), "%.0f"), num(c.medianEvaluations(), "%.0f"),
                    num(c.medianSeconds(), "%.2f"), c.medianFinal(), c.medianSecondsPerIteration()));
        }
        return s.toString();
    }

    private static String num(double v, String fmt) {
        return Double.isInfinite(v) ? "not reached" : String.format(Locale.ROOT, fmt, v);
    }

    private static Map<String, Object> summaryMap(ConvergenceSummary c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("optimizer", c.optimizer());
        m.put("windows", c.windows());
        m.put("reached", c.reached());
        m.put("median_iterations", finiteOrNull(c.medianIterations()));
        m.put("median_evaluations", finiteOrNull(c.medianEvaluations()));
        m.put("median_seconds", finiteOrNull(c.medianSeconds()));
        m.put("median_final_normalized", c.medianFinal());
        m.put("median_seconds_per_iteration", c.medianSecondsPerIteration());
        return m;
    }

    private static Double finiteOrNull(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static void plots(Path out, List<RunCurve> runs, int iterations) {
        Map<String, List<RunCurve>> groups = MedianCurves.byOptimizer(runs);
        long maxEvals = 1;
        double maxSeconds = 0;
        for (RunCurve r : runs) {
            maxEvals = Math.max(maxEvals, r.evaluations()[r.values().length - 1]);
            maxSeconds = Math.max(maxSeconds, r.seconds()[r.values().length - 1]);
        }
        double[] its = new double[iterations + 1];
        for (int k = 0; k <= iterations; k++) {
            its[k] = k;
        }
        double[] evals = grid(1, maxEvals);
        double[] secs = grid(0, maxSeconds);
        String y = "median f / f0 over " + (runs.size() / Math.max(1, groups.size())) + " windows";
        LinePlot pi = new LinePlot("Held-out reconstruction windows", "iteration", y).logY();
        LinePlot pe = new LinePlot("Held-out reconstruction windows", "objective evaluations", y).logY();
        LinePlot ps = new LinePlot("Held-out reconstruction windows", "wall time (s)", y).logY();
        for (var e : groups.entrySet()) {
            pi.series(e.getKey(), its, MedianCurves.byIteration(e.getValue(), iterations));
            pe.series(e.getKey(), evals, MedianCurves.byBudget(e.getValue(), evals, false));
            ps.series(e.getKey(), secs, MedianCurves.byBudget(e.getValue(), secs, true));
        }
        Png.write(pi.chart(), out.resolve("loss_vs_iterations.png"));
        Png.write(pe.chart(), out.resolve("loss_vs_evaluations.png"));
        Png.write(ps.chart(), out.resolve("loss_vs_seconds.png"));
    }

    private static double[] grid(double lo, double hi) {
        List<Double> g = new ArrayList<>();
        for (int i = 0; i <= GRID; i++) {
            g.add(lo + (hi - lo) * i / GRID);
        }
        return g.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
