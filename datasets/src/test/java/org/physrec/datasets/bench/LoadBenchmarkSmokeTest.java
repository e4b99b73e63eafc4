package org.physrec.datasets.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.physrec.datasets.Sequence;

/** The benchmark's inputs load to the right shape (no timing here). */
class LoadBenchmarkSmokeTest {

    @Test
    void everyFormatLoadsTheSameMotion() throws Exception {
        for (String f : new String[] {"physrec-json", "physrec-csv", "videopose3d-npz", "aist-pkl", "h36m-cdf"}) {
            LoadBenchmark b = new LoadBenchmark();
            b.format = f;
            b.setup();
            try {
                Sequence s = b.load();
                assertEquals(LoadBenchmark.FRAMES, s.frames(), f);
                assertEquals(LoadBenchmark.CAMERAS, s.cameras().size(), f);
                for (int c = 0; c < LoadBenchmark.CAMERAS; c++) {
                    assertEquals(true, s.hasKeypoints2d(c), f + " camera " + c);
                }
            } finally {
                b.tearDown();
            }
        }
    }
}
