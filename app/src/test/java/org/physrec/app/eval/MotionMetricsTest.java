package org.physrec.app.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.physrec.app.export.MotionClip;

class MotionMetricsTest {

    static final int J = 17;
    static final MetricSettings S = MetricSettings.h36m17();

    /** A standing pose repeated for {@code frames} frames: root at (0,0,900), joints spread, ankles at z=80. */
    static double[] standing(int frames) {
        double[] one = new double[J * 3];
        Random rnd = new Random(7);
        for (int j = 0; j < J; j++) {
            one[j * 3] = 300 * rnd.nextGaussian();
            one[j * 3 + 1] = 300 * rnd.nextGaussian();
            one[j * 3 + 2] = 900 + 400 * rnd.nextGaussian();
        }
        one[0] = 0;
        one[1] = 0;
        one[2] = 900;
        one[3 * 3 + 2] = 80;
        one[6 * 3 + 2] = 80;
        double[] out = new double[frames * J * 3];
        for (int t = 0; t < frames; t++) {
            System.arraycopy(one, 0, out, t * J * 3, J * 3);
        }
        return out;
    }

    @Test
    void oneJointOffsetGivesHandComputedErrors() {
        double[] gt = standing(5);
        double[] pred = gt.clone();
        for (int t = 0; t < 5; t++) {
            pred[(t * J + 12) * 3] += 3; // joint 12 off by (3, 4, 0): 5 mm
            pred[(t * J + 12) * 3 + 1] += 4;
        }
        SequenceMetrics m = MotionMetrics.evaluate("one", 25, pred, gt, 5, J, S);
        assertEquals(5.0 / J, m.mpjpe(), 1e-12);
        assertEquals(5.0 / J, m.mpjpeG(), 1e-12);
        assertEquals(5.0 / J, m.grp() + 5.0 / J, 1e-12); // root untouched
        assertEquals(5.0, m.perJointMpjpe()[12], 1e-12);
        assertEquals(0.0, m.perJointMpjpe()[11], 0.0);
        assertEquals(0.0, m.accelError(), 1e-12);
        assertEquals(100.0, m.pckPercent(), 0.0);
        // PA minimises the squared error: its RMS is at most the root-aligned RMS sqrt(25/17)
        double rms = Math.sqrt(SimilarityProcrustesTest.sumSq(paAligned(pred, gt, 0), slice(gt, 0)) / J);
        assertTrue(m.paMpjpe() > 0 && rms < Math.sqrt(25.0 / J), "PA rms " + rms);
    }

    static double[] paAligned(double[] pred, double[] gt, int frame) {
        double[] out = new double[pred.length];
        new SimilarityProcrustes().alignFrame(pred, gt, J, frame, out);
        return slice(out, frame);
    }

    static double[] slice(double[] a, int frame) {
        double[] out = new double[J * 3];
        System.arraycopy(a, frame * J * 3, out, 0, J * 3);
        return out;
    }

    @Test
    void rootShiftChangesOnlyGlobalMetricsAndAnchoringRemovesAConstantOffset() {
        double[] gt = standing(4);
        double[] pred = gt.clone();
        // a constant world offset: root-aligned metrics 0; anchored global 0; raw global = |offset|
        for (int k = 0; k < pred.length; k += 3) {
            pred[k] += 30;
            pred[k + 1] -= 40;
        }
        assertEquals(0.0, MotionMetrics.evaluate("c", 25, pred, gt, 4, J, S).mpjpe(), 1e-12);
        assertEquals(0.0, MotionMetrics.evaluate("c", 25, pred, gt, 4, J, S).mpjpeG(), 1e-12);
        MetricSettings raw = S.withAnchoring(GlobalAnchoring.NONE);
        assertEquals(50.0, MotionMetrics.evaluate("c", 25, pred, gt, 4, J, raw).mpjpeG(), 1e-12);
        assertEquals(50.0, MotionMetrics.evaluate("c", 25, pred, gt, 4, J, raw).grp(), 1e-12);
        // a drift growing by 10 mm per frame in x after frame 0: global error 0,10,20,30 -> mean 15
        double[] drift = gt.clone();
        for (int t = 0; t < 4; t++) {
            for (int j = 0; j < J; j++) {
                drift[(t * J + j) * 3] += 10 * t;
            }
        }
        SequenceMetrics m = MotionMetrics.evaluate("d", 25, drift, gt, 4, J, S);
        assertEquals(15.0, m.mpjpeG(), 1e-12);
        assertEquals(15.0, m.grp(), 1e-12);
        assertEquals(0.0, m.mpjpe(), 1e-12);
    }

    @Test
    void accelerationErrorIsHandComputed() {
        int frames = 6;
        double[] gt = standing(frames);
        double[] linear = gt.clone();
        double[] quadratic = gt.clone();
        for (int t = 0; t < frames; t++) {
            linear[(t * J + 5) * 3 + 1] += 7.0 * t; // constant velocity: no acceleration
            quadratic[(t * J + 5) * 3 + 2] += 1.5 * t * t; // second difference 3 mm/frame^2 on one joint
        }
        assertEquals(0.0, MotionMetrics.accelError(linear, gt, frames, J, 0), 1e-12);
        assertEquals(3.0 / J, MotionMetrics.accelError(quadratic, gt, frames, J, 0), 1e-12);
        // the same on the root is seen, through root alignment, on every other joint
        double[] rootQuad = gt.clone();
        for (int t = 0; t < frames; t++) {
            rootQuad[(t * J) * 3 + 2] += 1.5 * t * t;
        }
        assertEquals(3.0 * (J - 1) / J, MotionMetrics.accelError(rootQuad, gt, frames, J, 0), 1e-12);
    }

    @Test
    void pckCountsNonRootJointsBelowThreshold() {
        double[] gt = standing(2);
        double[] pred = gt.clone();
        pred[(J + 4) * 3] += 200; // frame 1, joint 4: 200 mm off -> fails
        pred[(J + 5) * 3] += 149; // passes
        assertEquals(100.0 * (2 * 16 - 1) / (2 * 16), MotionMetrics.pckPercent(pred, gt, 2, J, 0, 150), 1e-12);
    }

    @Test
    void footSkatingDefinition() {
        int frames = 5;
        double[] pos = standing(frames);
        // right ankle at 50 mm slides 30 mm per frame at 25 fps (threshold 20): every pair skates
        for (int t = 0; t < frames; t++) {
            pos[(t * J + 3) * 3 + 2] = 50;
            pos[(t * J + 3) * 3] = 30.0 * t;
        }
        assertEquals(100.0, MotionMetrics.footSkatePercent(pos, frames, J, 25, S), 1e-12);
        // at 50 fps the threshold halves to 10 mm; 30 mm per frame still skates
        assertEquals(100.0, MotionMetrics.footSkatePercent(pos, frames, J, 50, S), 1e-12);
        // at 5 fps the threshold is 100 mm: no skating
        assertEquals(0.0, MotionMetrics.footSkatePercent(pos, frames, J, 5, S), 1e-12);
        // lifted to 150 mm (above the 100 mm contact height) in frame 2: pairs (1,2) and (2,3) do not count
        pos[(2 * J + 3) * 3 + 2] = 150;
        assertEquals(50.0, MotionMetrics.footSkatePercent(pos, frames, J, 25, S), 1e-12);
        // a different ground plane lifts everything out of contact
        assertEquals(0.0, MotionMetrics.footSkatePercent(pos, frames, J, 25, S.withGroundZ(-500)), 1e-12);
    }

    @Test
    void penetrationDefinition() {
        double[] pos = standing(2);
        pos[3 * 3 + 2] = 50; // frame 0 right ankle: sole at -20 mm
        pos[(J + 6) * 3 + 2] = 10; // frame 1 left ankle: sole at -60 mm
        assertEquals((20 + 60) / 2.0, MotionMetrics.penetrationMm(pos, 2, J, S), 1e-12);
        assertEquals(0.0, MotionMetrics.penetrationMm(standing(3), 3, J, S), 0.0);
    }

    @Test
    void gaussianNoiseGivesTheExpectedMpjpe() {
        // independent N(0, s^2) per coordinate: root-aligned non-root error ~ s*sqrt(2) * chi_3 mean (2 sqrt(2/pi))
        int frames = 2000;
        double sigma = 10;
        double[] gt = standing(frames);
        double[] pred = gt.clone();
        Random rnd = new Random(11);
        for (int i = 0; i < pred.length; i++) {
            pred[i] += sigma * rnd.nextGaussian();
        }
        double expected = (J - 1.0) / J * sigma * Math.sqrt(2) * 2 * Math.sqrt(2 / Math.PI);
        double got = MotionMetrics.evaluate("noise", 25, pred, gt, frames, J, S).mpjpe();
        assertEquals(expected, got, 0.01 * expected);
    }

    @Test
    void badInputNamesFrameAndJoint() {
        double[] gt = standing(4);
        double[] pred = gt.clone();
        pred[(2 * J + 5) * 3 + 1] = Double.NaN;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MotionMetrics.evaluate("x", 25, pred, gt, 4, J, S));
        assertTrue(e.getMessage().contains("prediction") && e.getMessage().contains("frame 2, joint 5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> MotionMetrics.evaluate("x", 25, new double[10], gt, 4, J, S));
        assertTrue(e.getMessage().contains("expected 4 x 17 x 3 = 204"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> MotionMetrics.evaluate("x", 0, gt, gt, 4, J, S));
        assertTrue(e.getMessage().contains("fps"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> MotionMetrics.evaluate("x", 25, gt, gt, 2, J,
                S), "short");
    }

    @Test
    void groundTruthAgainstItselfIsZeroOnEveryRealClip() throws IOException {
        for (Path f : MotionClip.files()) {
            MotionClip c = MotionClip.read(f);
            SequenceMetrics m = MotionMetrics.evaluate(c.name(), c.fps(), c.joints(), c.joints(), c.frames(), J, S);
            assertEquals(0.0, m.mpjpe(), 0.0, c.name());
            assertEquals(0.0, m.mpjpeG(), 0.0, c.name());
            assertEquals(0.0, m.paMpjpe(), 1e-9, c.name());
            assertEquals(0.0, m.accelError(), 0.0, c.name());
            assertEquals(100.0, m.pckPercent(), 0.0, c.name());
            assertEquals(m.gtFootSkatePercent(), m.footSkatePercent(), 0.0);
        }
    }

    @Test
    void realClipUnderAKnownSimilarityHasZeroPaButNonZeroMpjpe() throws IOException {
        MotionClip c = MotionClip.load("cmu_131_01").subsample(1, 200);
        double[] r = SimilarityProcrustesTest.rotation(0, 0, 1, 0.4);
        double[] pred = SimilarityProcrustesTest.transform(c.joints(), 1.1, r, new double[] {100, 200, 0});
        SequenceMetrics m = MotionMetrics.evaluate(c.name(), c.fps(), pred, c.joints(), c.frames(), J, S);
        assertEquals(0.0, m.paMpjpe(), 1e-8);
        assertTrue(m.mpjpe() > 50, "rotated by 0.4 rad and scaled: " + m.mpjpe());
    }
}
