package org.physrec.app.export;

import org.physrec.datasets.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.IChart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** PNG plots of a reconstruction (XChart, headless): losses, per-joint errors, contact forces. */
public final class Plots {

    private static final int WIDTH = 1000;
    private static final int HEIGHT = 600;
    /** Beyond this many series the legend would cover the plot. */
    private static final int MAX_LEGEND_SERIES = 12;

    private Plots() {
    }

    /**
     * Loss against iteration, one line per window; log y axis when all losses are positive.
     *
     * @throws IllegalArgumentException if there are no windows
     */
    public static void lossCurves(Path png, List<WindowLoss> windows) throws IOException {
        if (windows == null || windows.isEmpty()) {
            throw new IllegalArgumentException("windows: nothing to plot");
        }
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title("Loss per window")
                .xAxisTitle("iteration").yAxisTitle("loss").build();
        boolean positive = true;
        for (WindowLoss w : windows) {
            double[] l = w.lossPerIteration();
            double[] x = new double[l.length];
            for (int i = 0; i < l.length; i++) {
                x[i] = i;
                positive &= l[i] > 0;
            }
            chart.addSeries("window " + w.window() + " (frames " + w.startFrame() + "-"
                    + (w.startFrame() + w.frameCount() - 1) + ")", x, l).setMarker(SeriesMarkers.NONE);
        }
        chart.getStyler().setYAxisLogarithmic(positive);
        chart.getStyler().setLegendVisible(windows.size() <= MAX_LEGEND_SERIES);
        save(png, chart);
    }

    /** Final loss of each window against the window's first frame (one point per window). */
    public static void finalLossPerWindow(Path png, List<WindowLoss> windows) throws IOException {
        if (windows == null || windows.isEmpty()) {
            throw new IllegalArgumentException("windows: nothing to plot");
        }
        double[] x = new double[windows.size()];
        double[] y = new double[windows.size()];
        boolean positive = true;
        for (int i = 0; i < x.length; i++) {
            WindowLoss w = windows.get(i);
            x[i] = w.startFrame();
            y[i] = w.lossPerIteration()[w.lossPerIteration().length - 1];
            positive &= y[i] > 0;
        }
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title("Final loss per window")
                .xAxisTitle("first frame of window").yAxisTitle("loss").build();
        chart.addSeries("final loss", x, y);
        chart.getStyler().setYAxisLogarithmic(positive);
        chart.getStyler().setLegendVisible(false);
        save(png, chart);
    }

    /** Bar chart of one error value per joint, mm (e.g. {@code SequenceMetrics.perJointMpjpe}). */
    public static void perJointErrors(Path png, String title, List<String> jointNames, double[] errorsMm)
            throws IOException {
        if (jointNames.size() != errorsMm.length || errorsMm.length == 0) {
            throw new IllegalArgumentException("errorsMm: " + errorsMm.length + " values for " + jointNames.size()
                    + " joints");
        }
        List<Double> values = new ArrayList<>();
        for (int j = 0; j < errorsMm.length; j++) {
            if (!Double.isFinite(errorsMm[j])) {
                throw new IllegalArgumentException("errorsMm: joint " + jointNames.get(j) + " is " + errorsMm[j]);
            }
            values.add(errorsMm[j]);
        }
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("joint").yAxisTitle("error (mm)").build();
        chart.addSeries("error", jointNames, values);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setXAxisLabelRotation(45);
        chart.getStyler().setXAxisMaxLabelCount(errorsMm.length);
        chart.getStyler().setXAxisTickMarkSpacingHint(10);
        save(png, chart);
    }

    /** Vertical (z) contact force of each contact point against time, N. */
    public static void contactForces(Path png, Trajectory t) throws IOException {
        int c = t.contactNames().size();
        if (c == 0) {
            throw new IllegalArgumentException("trajectory: has no contact points to plot");
        }
        double[] time = new double[t.frames()];
        for (int f = 0; f < time.length; f++) {
            time[f] = f / t.fps();
        }
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title("Contact forces (vertical)")
                .xAxisTitle("time (s)").yAxisTitle("force (N)").build();
        for (int k = 0; k < c; k++) {
            double[] fz = new double[t.frames()];
            for (int f = 0; f < fz.length; f++) {
                fz[f] = t.contactForces()[(f * c + k) * 3 + 2];
            }
            chart.addSeries(t.contactNames().get(k), time, fz).setMarker(SeriesMarkers.NONE);
        }
        chart.getStyler().setLegendVisible(c <= MAX_LEGEND_SERIES);
        save(png, chart);
    }

    private static void save(Path png, IChart chart) throws IOException {
        byte[] bytes = BitmapEncoder.getBitmapBytes(chart, BitmapFormat.PNG);
        AtomicFiles.write(png, out -> out.write(bytes));
    }
}
