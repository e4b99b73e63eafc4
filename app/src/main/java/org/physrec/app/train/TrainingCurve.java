package org.physrec.app.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.physrec.datasets.io.AtomicFiles;
import org.physrec.optim.meta.PesTrainer;

/**
 * The training curve: one CSV row per outer iteration (appended, so a resumed run continues
 * the same file) and a PNG of the meta-loss with a moving average, redrawn from the CSV.
 */
public final class TrainingCurve {

    static final String HEADER = "iteration,meta_loss,grad_norm,used_tasks,skipped_tasks,elapsed_s";

    private final Path csv;

    TrainingCurve(Path csv) throws IOException {
        this.csv = csv;
        if (!Files.exists(csv)) {
            AtomicFiles.writeString(csv, HEADER + "\n");
        }
    }

    void append(PesTrainer.Step s, double elapsedSeconds) throws IOException {
        String row = String.format(Locale.ROOT, "%d,%.6g,%.6g,%d,%d,%.3f%n", s.iteration(), s.metaLoss(), s.gradientNorm(),
                s.usedTasks(), s.failures().size(), elapsedSeconds);
        Files.writeString(csv, row, StandardOpenOption.APPEND);
    }

    /** Rows with iteration below {@code iteration} are kept (a resumed run drops rows past its checkpoint). */
    void truncateAfter(long iteration) throws IOException {
        List<String> keep = new ArrayList<>();
        for (String line : Files.readAllLines(csv)) {
            if (line.startsWith("iteration") || Long.parseLong(line.substring(0, line.indexOf(','))) < iteration) {
                keep.add(line);
            }
        }
        AtomicFiles.writeString(csv, String.join("\n", keep) + "\n");
    }

    void plot(Path png, String title) throws IOException {
        plot(csv, png, title);
    }

    /**
     * Draws the meta-loss of a curve CSV (first column the outer iteration, second the meta-loss;
     * non-finite losses skipped) with its moving average over 1/50 of the run.
     */
    private static void plot(Path csv, Path png, String title) throws IOException {
        List<Double> it = new ArrayList<>();
        List<Double> loss = new ArrayList<>();
        for (String line : Files.readAllLines(csv)) {
            if (line.startsWith("iteration")) {
                continue;
            }
            String[] f = line.split(",");
            double l = Double.parseDouble(f[1]);
            if (Double.isFinite(l)) {
                it.add(Double.parseDouble(f[0]));
                loss.add(l);
            }
        }
        if (it.isEmpty()) {
            return;
        }
        List<Double> avg = new ArrayList<>();
        int w = Math.max(1, it.size() / 50);
        double sum = 0;
        for (int i = 0; i < loss.size(); i++) {
            sum += loss.get(i);
            if (i >= w) {
                sum -= loss.get(i - w);
            }
            avg.add(sum / Math.min(i + 1, w));
        }
        XYChart chart = new XYChartBuilder().width(900).height(500).title(title)
                .xAxisTitle("outer iteration").yAxisTitle("mean inner log(f - f* + 1e-8)").build();
        chart.getStyler().setMarkerSize(2);
        chart.addSeries("meta-loss", it, loss).setMarker(SeriesMarkers.CIRCLE);
        chart.addSeries("moving average (" + w + ")", it, avg).setMarker(SeriesMarkers.NONE);
        AtomicFiles.writeViaPath(png, ".png", tmp -> BitmapEncoder.saveBitmap(chart, tmp.toString(),
                BitmapEncoder.BitmapFormat.PNG));
    }
}
