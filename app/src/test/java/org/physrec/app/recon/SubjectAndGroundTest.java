package org.physrec.app.recon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.physrec.datasets.Sequence;
import org.physrec.physics.character.H36m;

class SubjectAndGroundTest {

    @Test
    void boneLengthsAreRobustMediansInMetres() {
        double[] bones = H36m.meanBoneLengths();
        int frames = 21;
        double[] pts = new double[frames * 17 * 3];
        java.util.Random rnd = new java.util.Random(3);
        for (int t = 0; t < frames; t++) {
            // a chain along random directions with exact lengths in mm; one frame is an outlier
            double scale = t == 7 ? 1.8 : 1.0;
            for (int j = 1; j < 17; j++) {
                int p = H36m.PARENTS[j];
                double[] d = {rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian()};
                double n = Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
                for (int c = 0; c < 3; c++) {
                    pts[(t * 17 + j) * 3 + c] = pts[(t * 17 + p) * 3 + c] + 1000 * scale * bones[j - 1] * d[c] / n;
                }
            }
        }
        double[] fit = SubjectFit.boneLengths(pts);
        for (int b = 0; b < 16; b++) {
            assertEquals(bones[b], fit[b], 1e-9, "bone " + b);
        }
    }

    @Test
    void missingBoneIsNamed() {
        double[] pts = new double[2 * 17 * 3];
        for (int t = 0; t < 2; t++) {
            for (int c = 0; c < 3; c++) {
                pts[(t * 17 + 13) * 3 + c] = Double.NaN;
            }
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SubjectFit.boneLengths(pts));
        assertTrue(e.getMessage().contains("LWrist"), e.getMessage());
    }

    @Test
    void metreInputIsRejectedAsImplausible() {
        double[] pts = new double[17 * 3];
        for (int j = 1; j < 17; j++) {
            pts[3 * j + 2] = -0.3 * j; // 0.3 "mm" bones
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SubjectFit.boneLengths(pts));
        assertTrue(e.getMessage().contains("millimetres"), e.getMessage());
    }

    @Test
    void groundOfAistSampleIsFarAboveZero() throws Exception {
        Sequence s = TestData.motion(TestData.AIST);
        double g = GroundPlane.estimate(s.groundTruth(), 17, new int[] {3, 6}, 70, 10);
        // lowest ankle is about 721 mm: the floor lies a sole height below the typical lowest ankle
        assertTrue(g > 600 && g < 720, "ground " + g);
    }

    @Test
    void groundOfCmuWalkIsNearZero() throws Exception {
        Sequence s = TestData.motion(TestData.WALK);
        double g = GroundPlane.estimate(s.groundTruth(), 17, new int[] {3, 6}, 70, 10);
        assertTrue(Math.abs(g) < 60, "ground " + g);
    }

    @Test
    void groundIgnoresAFewLowOutliers() {
        int frames = 100;
        double[] pts = new double[frames * 17 * 3];
        for (int t = 0; t < frames; t++) {
            pts[(t * 17 + 3) * 3 + 2] = 100 + (t % 2) * 50;
            pts[(t * 17 + 6) * 3 + 2] = 120;
        }
        pts[(5 * 17 + 3) * 3 + 2] = -900;
        assertEquals(30, GroundPlane.estimate(pts, 17, new int[] {3, 6}, 70, 10), 1e-9);
    }
}
