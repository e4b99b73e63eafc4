package org.physrec.app.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;

class LinePlotTest {

    @TempDir
    Path tmp;

    @Test
    void logAxisDropsPointsItCannotShowAndClipsToTheRange() {
        XYChart c = new LinePlot("t", "x", "y").logY().yRange(1e-3, 1e3)
                .series("a", new double[] {1, 2, 3, 4, 5}, new double[] {10, 0, -1, Double.NaN, 1e9})
                .series("empty", new double[] {1}, new double[] {-5})
                .chart();
        assertEquals(1, c.getSeriesCollection().size(), "a series with no drawable point is skipped");
        double[] ys = c.getSeries("a").getYData();
        assertEquals(2, ys.length);
        assertEquals(10, ys[0]);
        assertEquals(1e3, ys[1], "clipped to the y range");
    }

    @Test
    void mismatchedLengthsNameTheSeries() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LinePlot("t", "x", "y").series("bfgs", new double[2], new double[3]));
        assertTrue(e.getMessage().contains("bfgs"), e.getMessage());
    }

    @Test
    void pngsAreWrittenAtomicallyAndGridsTile() throws IOException {
        XYChart a = new LinePlot("a", "x", "y").size(200, 150).series("s", new double[] {1, 2}, new double[] {1, 4}).chart();
        XYChart b = new LinePlot("b", "x", "y").size(200, 150).series("s", new double[] {1, 2}, new double[] {4, 1}).chart();
        Path file = tmp.resolve("sub/grid.png");
        Png.writeGrid(List.of(a, b, a), 2, file);
        BufferedImage img = ImageIO.read(file.toFile());
        assertEquals(400, img.getWidth());
        assertEquals(300, img.getHeight());
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertEquals(1, files.count(), "no temporary file left");
        }
    }
}
