package org.physrec.app.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.physrec.datasets.io.AtomicFiles;

/** Writes charts as PNG files atomically (temporary file in the same folder, then a move). */
public final class Png {

    private Png() {
    }

    /** Renders one chart to {@code file}. */
    public static void write(Chart<?, ?> chart, Path file) {
        write(BitmapEncoder.getBufferedImage(chart), file);
    }

    /** Renders charts row by row into a grid with {@code columns} columns, then writes it. */
    public static void writeGrid(List<? extends Chart<?, ?>> charts, int columns, Path file) {
        if (charts.isEmpty()) {
            throw new IllegalArgumentException("charts: nothing to draw for " + file);
        }
        if (columns < 1) {
            throw new IllegalArgumentException("columns: must be >= 1, got " + columns);
        }
        int w = charts.get(0).getWidth();
        int h = charts.get(0).getHeight();
        int cols = Math.min(columns, charts.size());
        int rows = (charts.size() + cols - 1) / cols;
        BufferedImage grid = new BufferedImage(cols * w, rows * h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = grid.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, grid.getWidth(), grid.getHeight());
        for (int i = 0; i < charts.size(); i++) {
            g.drawImage(BitmapEncoder.getBufferedImage(charts.get(i)), (i % cols) * w, (i / cols) * h, null);
        }
        g.dispose();
        write(grid, file);
    }

    /** Writes an image as PNG via a temporary file and an atomic move ({@link AtomicFiles#writeViaPath}). */
    public static void write(BufferedImage image, Path file) {
        try {
            AtomicFiles.writeViaPath(file, ".png", tmp -> {
                if (!ImageIO.write(image, "png", tmp.toFile())) {
                    throw new IOException("no PNG writer available");
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
