package org.physrec.app.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CropTest {

    /** Within 2 px: the video size is rounded down to even pixels. */
    @Test
    void everyPointLandsInsideTheVideoWithTheCameraAspect() {
        Random rnd = new Random(4);
        for (int trial = 0; trial < 200; trial++) {
            int w = 200 + rnd.nextInt(2000);
            int h = 200 + rnd.nextInt(1200);
            double[] pts = new double[40];
            double cx = rnd.nextDouble() * w, cy = rnd.nextDouble() * h, spread = 5 + rnd.nextDouble() * 2 * w;
            for (int i = 0; i < pts.length; i += 2) {
                pts[i] = cx + spread * (rnd.nextDouble() - 0.5);
                pts[i + 1] = cy + spread * (rnd.nextDouble() - 0.5);
            }
            pts[6] = Double.NaN; // a missing point is ignored
            Crop c = Crop.around(w, h, pts, null, 960);
            assertTrue(c.width() <= 960 && c.width() >= 958 && c.width() % 2 == 0 && c.height() % 2 == 0);
            assertEquals((double) w / h, (double) c.width() / c.height(), 0.02 * w / h);
            double[] out = new double[pts.length];
            c.apply(pts, 0, pts.length / 2, out);
            for (int i = 0; i < out.length; i += 2) {
                if (i == 6) {
                    continue;
                }
                assertTrue(out[i] >= -2 && out[i] <= c.width() + 2 && out[i + 1] >= -2 && out[i + 1] <= c.height() + 2,
                        "trial " + trial + " point " + i / 2 + " at " + out[i] + ", " + out[i + 1]);
            }
        }
    }

    @Test
    void nothingVisibleShowsTheWholeImage() {
        Crop c = Crop.around(1920, 1080, new double[] {Double.NaN, Double.NaN}, null, 960);
        assertEquals(960, c.width());
        assertEquals(540, c.height());
        assertEquals(0.5, c.scale(), 1e-12);
    }
}
