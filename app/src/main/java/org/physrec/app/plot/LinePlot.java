package org.physrec.app.plot;

import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A line chart with optional logarithmic axes. Values that a log axis cannot show (≤ 0, NaN,
 * Inf) are dropped from that series rather than failing the whole plot.
 *
 * <pre>{@code
 * XYChart c = new LinePlot("Rosenbrock d=10", "function evaluations", "f - f*").logY()
 *         .series("bfgs", evals, gaps).series("adam", evals2, gaps2).chart();
 * Png.write(c, out.resolve("rosenbrock.png"));
 * }</pre>
 */
public final class LinePlot {

    private record Series(String name, double[] x, double[] y) {
    }

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private boolean logX;
    private boolean logY;
    private boolean markers;
    private double yMin = Double.NaN;
    private double yMax = Double.NaN;
    private int width = 800;
    private int height = 560;
    private final List<Series> series = new ArrayList<>();

    public LinePlot(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    public LinePlot logX() {
        logX = true;
        return this;
    }

    public LinePlot logY() {
        logY = true;
        return this;
    }

    /** Draws a marker at every point. */
    public LinePlot markers() {
        markers = true;
        return this;
    }

    /** Fixes the y range; points outside are clipped by the plot area (keeps diverging runs from hiding the rest). */
    public LinePlot yRange(double min, double max) {
        if (!(min < max)) {
            throw new IllegalArgumentException("yRange: need min < max, got " + min + ", " + max);
        }
        yMin = min;
        yMax = max;
        return this;
    }

    public LinePlot size(int widthPx, int heightPx) {
        if (widthPx < 50 || heightPx < 50) {
            throw new IllegalArgumentException("size: need at least 50x50 pixels, got " + widthPx + "x" + heightPx);
        }
        width = widthPx;
        height = heightPx;
        return this;
    }

    /**
     * Adds a series; x and y must have equal lengths.
     *
     * @throws IllegalArgumentException naming the series when the lengths differ
     */
    public LinePlot series(String name, double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("series '" + name + "': " + x.length + " x values but " + y.length + " y values");
        }
        series.add(new Series(name, x.clone(), y.clone()));
        return this;
    }

    /** Builds the chart; series left empty by the log-axis filter are skipped. */
    public XYChart chart() {
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title)
                .xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        chart.getStyler().setXAxisLogarithmic(logX);
        chart.getStyler().setYAxisLogarithmic(logY);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setChartTitleFont(chart.getStyler().getChartTitleFont().deriveFont(14f));
        chart.getStyler().setPlotGridLinesVisible(true);
        if (!Double.isNaN(yMin)) {
            chart.getStyler().setYAxisMin(yMin);
            chart.getStyler().setYAxisMax(yMax);
        }
        for (Series s : series) {
            int n = 0;
            double[] xs = new double[s.x.length];
            double[] ys = new double[s.y.length];
            for (int i = 0; i < s.x.length; i++) {
                double xi = s.x[i];
                double yi = s.y[i];
                boolean ok = Double.isFinite(xi) && Double.isFinite(yi) && (!logX || xi > 0) && (!logY || yi > 0);
                if (ok && !Double.isNaN(yMin)) {
                    yi = Math.max(yMin, Math.min(yMax, yi));
                }
                if (ok) {
                    xs[n] = xi;
                    ys[n] = yi;
                    n++;
                }
            }
            if (n == 0) {
                continue;
            }
            XYSeries added = chart.addSeries(s.name, java.util.Arrays.copyOf(xs, n), java.util.Arrays.copyOf(ys, n));
            added.setMarker(markers ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
        }
        return chart;
    }
}
