package org.physrec.app.bench;

import org.physrec.datasets.io.AtomicFiles;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.knowm.xchart.XYChart;
import org.physrec.app.plot.LinePlot;
import org.physrec.app.plot.PerformanceProfile;
import org.physrec.app.plot.Png;

/**
 * Writes a {@link FunctionBenchmark.Results} to a folder: results.json, results.csv, table.md,
 * profile.png and (when Rosenbrock ran) rosenbrock.png, each atomically.
 */
public final class FunctionReport {

    /** Added to gaps so a cell that reached f* exactly still has a positive cost in the profile. */
    static final double PROFILE_DELTA = 1e-12;

    private FunctionReport() {
    }

    /** Writes every output file into {@code dir}. */
    public static void writeAll(FunctionBenchmark.Results results, Path dir) {
        List<CellStats> stats = results.stats();
        AtomicFiles.writeStringUnchecked(dir.resolve("results.json"), json(results, stats));
        AtomicFiles.writeStringUnchecked(dir.resolve("results.csv"), csv(stats));
        AtomicFiles.writeStringUnchecked(dir.resolve("table.md"), markdown(results.grid(), stats));
        Png.write(profileChart(results.grid(), stats), dir.resolve("profile.png"));
        if (results.grid().functions().stream().anyMatch(f -> f.name().equals("rosenbrock"))) {
            Png.writeGrid(rosenbrockCharts(results), 3, dir.resolve("rosenbrock.png"));
        }
    }

    static String json(FunctionBenchmark.Results results, List<CellStats> stats) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        FunctionGrid g = results.grid();
        ObjectNode root = mapper.createObjectNode();
        ObjectNode config = root.putObject("grid");
        ArrayNode fns = config.putArray("functions");
        g.functions().forEach(f -> fns.add(f.name()));
        ArrayNode dims = config.putArray("dims");
        g.dims().forEach(dims::add);
        ArrayNode opts = config.putArray("optimizers");
        g.optimizers().forEach(opts::add);
        config.put("runs", g.runs());
        config.put("iterations", g.iterations());
        config.put("seed", g.seed());
        config.put("threads", g.threads());
        root.put("wallSeconds", results.wallNanos() / 1e9);
        root.put("cpuSeconds", results.cpuSeconds());
        root.put("availableProcessors", Runtime.getRuntime().availableProcessors());
        root.put("java", System.getProperty("java.version"));
        ArrayNode cells = root.putArray("cells");
        for (CellStats s : stats) {
            ObjectNode c = cells.addObject();
            c.put("function", s.function());
            c.put("d", s.dimension());
            c.put("optimizer", s.optimizer());
            c.put("runs", s.runs());
            putNumber(c, "meanValue", s.meanValue());
            putNumber(c, "medianValue", s.medianValue());
            putNumber(c, "meanGap", s.meanGap());
            putNumber(c, "medianGap", s.medianGap());
            c.put("meanIterations", s.meanIterations());
            c.put("meanEvaluations", s.meanEvaluations());
            c.put("meanWallMillis", s.meanWallMillis());
            c.put("meanCpuMillis", s.meanCpuMillis());
            c.put("failures", s.failures());
            c.put("converged", s.converged());
            c.put("lineSearchFailures", s.stalled());
        }
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize results: " + e.getMessage(), e);
        }
    }

    /** JSON has no Inf/NaN: such values are written as strings. */
    private static void putNumber(ObjectNode node, String field, double v) {
        if (Double.isFinite(v)) {
            node.put(field, v);
        } else {
            node.put(field, Double.toString(v));
        }
    }

    static String csv(List<CellStats> stats) {
        StringBuilder sb = new StringBuilder("function,d,optimizer,runs,mean_value,median_value,mean_gap,median_gap,"
                + "mean_iterations,mean_evaluations,mean_wall_ms,mean_cpu_ms,failures,converged,line_search_failures\n");
        for (CellStats s : stats) {
            sb.append(String.format(Locale.ROOT, "%s,%d,%s,%d,%.17g,%.17g,%.17g,%.17g,%.4f,%.4f,%.4f,%.4f,%d,%d,%d%n",
                    s.function(), s.dimension(), s.optimizer(), s.runs(), s.meanValue(), s.medianValue(), s.meanGap(),
                    s.medianGap(), s.meanIterations(), s.meanEvaluations(), s.meanWallMillis(), s.meanCpuMillis(), s.failures(),
                    s.converged(), s.stalled()));
        }
        return sb.toString();
    }

    /**
     * Table 4 layout: one row per (function, d), our mean final value per optimizer, each followed
     * by the paper's column for the same method when there is one, then the remaining paper columns.
     */
    static String markdown(FunctionGrid grid, List<CellStats> stats) {
        List<String> header = new ArrayList<>(List.of("Function", "d"));
        Set<String> pairedPaper = new LinkedHashSet<>();
        for (String o : grid.optimizers()) {
            header.add(o);
            Optional<String> m = PaperTable4.methodFor(o);
            if (m.isPresent()) {
                header.add("paper " + m.get());
                pairedPaper.add(m.get());
            }
        }
        List<String> otherPaper = new ArrayList<>(PaperTable4.METHODS);
        otherPaper.removeAll(pairedPaper);
        otherPaper.forEach(m -> header.add("paper " + m));

        StringBuilder sb = new StringBuilder();
        sb.append("Mean final gap f(x) - f* over ").append(grid.runs()).append(" seeded starts, ")
                .append(grid.iterations()).append(" iterations (Table 4 protocol). Plain columns: physrec; ")
                .append("'paper' columns: Optimus supplement, Table 4, as printed. `†k`: k runs hit NaN/Inf and are ")
                .append("left out of the mean (`–` when all did). f* = 0 except Styblinski-Tang and Trid.\n\n");
        sb.append("| ").append(String.join(" | ", header)).append(" |\n");
        sb.append("|").append("---|".repeat(header.size())).append("\n");
        int no = grid.optimizers().size();
        for (int i = 0; i < stats.size(); i += no) {
            CellStats first = stats.get(i);
            List<String> row = new ArrayList<>(List.of(titleOf(grid, first.function()), Integer.toString(first.dimension())));
            for (int o = 0; o < no; o++) {
                CellStats s = stats.get(i + o);
                row.add((Double.isNaN(s.meanGap()) ? "–" : sci(s.meanGap())) + (s.failures() > 0 ? " †" + s.failures() : ""));
                PaperTable4.methodFor(s.optimizer()).ifPresent(m -> row.add(paper(first, m)));
            }
            otherPaper.forEach(m -> row.add(paper(first, m)));
            sb.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        return sb.toString();
    }

    private static String titleOf(FunctionGrid grid, String name) {
        return grid.functions().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow().title();
    }

    private static String paper(CellStats s, String method) {
        return PaperTable4.value(s.function(), s.dimension(), method).map(FunctionReport::sci).orElse("–");
    }

    static String sci(double v) {
        return String.format(Locale.ROOT, "%.2e", v);
    }

    /** Profile over cells: cost = mean gap + δ; a cell with any NaN/Inf run is a failure. */
    static XYChart profileChart(FunctionGrid grid, List<CellStats> stats) {
        int no = grid.optimizers().size();
        int np = stats.size() / no;
        double[][] cost = new double[np][no];
        boolean[][] failed = new boolean[np][no];
        for (int p = 0; p < np; p++) {
            for (int o = 0; o < no; o++) {
                CellStats s = stats.get(p * no + o);
                // Gaps can be slightly negative by rounding (Styblinski-Tang, Trid); clamp at 0.
                cost[p][o] = Math.max(0, s.meanGap()) + PROFILE_DELTA;
                failed[p][o] = s.failures() > 0 || !Double.isFinite(s.meanGap());
            }
        }
        PerformanceProfile.Result r = PerformanceProfile.compute(grid.optimizers(), cost, failed);
        return PerformanceProfile.chart(r, "Performance profile: mean final gap f - f*, " + np + " (function, d) cells");
    }

    /**
     * One chart per dimension, as the supplement's Fig. 4: the median over starts of f − f* after
     * each iteration against the mean number of evaluations used by then, per optimizer. The y
     * range runs from a tenth of the smallest positive median (at least 1e-16) to 10× the largest
     * starting median, so diverging runs leave the top edge instead of stretching the axis over
     * hundreds of decades.
     */
    static List<XYChart> rosenbrockCharts(FunctionBenchmark.Results results) {
        FunctionGrid g = results.grid();
        List<XYChart> charts = new ArrayList<>();
        int len = g.iterations() + 1;
        for (int d = 0; d < g.dims().size(); d++) {
            double top = 1;
            double bottom = Double.POSITIVE_INFINITY;
            List<double[][]> curves = new ArrayList<>();
            for (int o = 0; o < g.optimizers().size(); o++) {
                FunctionBenchmark.Curve[] runs = results.rosenbrock()[d][o];
                double[] ev = new double[len];
                double[] gap = new double[len];
                double[] column = new double[runs.length];
                for (int k = 0; k < len; k++) {
                    for (int r = 0; r < runs.length; r++) {
                        ev[k] += runs[r].evaluations()[k] / runs.length;
                        column[r] = runs[r].gaps()[k];
                    }
                    java.util.Arrays.sort(column);
                    int m = column.length / 2;
                    gap[k] = column.length % 2 == 1 ? column[m] : 0.5 * (column[m - 1] + column[m]);
                }
                top = Math.max(top, gap[0]);
                for (double v : gap) {
                    if (v > 0) {
                        bottom = Math.min(bottom, v);
                    }
                }
                curves.add(new double[][] {ev, gap});
            }
            LinePlot plot = new LinePlot("Rosenbrock N=" + g.dims().get(d), "function evaluations (mean)",
                    "median f - f*").logY().size(560, 400)
                    .yRange(Math.max(1e-16, Math.min(0.1 * bottom, top)), 10 * top);
            for (int o = 0; o < g.optimizers().size(); o++) {
                plot.series(g.optimizers().get(o), curves.get(o)[0], curves.get(o)[1]);
            }
            charts.add(plot.chart());
        }
        return charts;
    }
}
