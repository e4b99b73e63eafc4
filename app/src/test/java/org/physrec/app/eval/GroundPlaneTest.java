package org.physrec.app.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.physrec.app.export.MotionClip;

class GroundPlaneTest {

    @Test
    void handCase() {
        int frames = 100;
        double[] pos = new double[frames * 17 * 3];
        for (int t = 0; t < frames; t++) {
            pos[(t * 17 + 3) * 3 + 2] = 80 + t; // right ankle rising
            pos[(t * 17 + 6) * 3 + 2] = 500;
        }
        pos[(50 * 17 + 6) * 3 + 2] = -1000; // one outlier frame (1 %) is below the 2nd percentile
        // sorted lowest heights: -1000, 80, 81, ...; 2nd percentile of 100 frames is index floor(0.02 * 99) = 1 -> 80
        assertEquals(80 - 70, GroundPlane.fromFeet(pos, frames, 17, new int[] {3, 6}, 70), 1e-12);
    }

    @Test
    void realClipsGroundIsFoundNearTheFloor() throws IOException {
        // CMU clips keep the floor at z = 0; the AIST++ floor is near z = 650 (lowest ankle ~ 721 mm)
        MotionClip walk = MotionClip.load("cmu_131_01");
        double g = GroundPlane.fromFeet(walk.joints(), walk.frames(), 17, new int[] {3, 6}, 70);
        assertTrue(Math.abs(g) < 30, "walk ground " + g);
        MotionClip aist = MotionClip.load("aistpp");
        double ga = GroundPlane.fromFeet(aist.joints(), aist.frames(), 17, new int[] {3, 6}, 70);
        assertTrue(ga > 620 && ga < 690, "AIST++ ground " + ga);
    }
}
