package org.physrec.app.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.physrec.app.eval.MetricSettings;
import org.physrec.app.eval.MotionMetrics;
import org.physrec.app.eval.SequenceMetrics;
import org.physrec.app.export.MotionClip;
import org.physrec.datasets.Camera;
import org.physrec.datasets.Sequence;
import org.physrec.datasets.io.PhysrecJson;

class SynthesizerTest {

    static Sequence load(String prefix) throws IOException {
        for (Path p : MotionClip.files()) {
            if (p.getFileName().toString().startsWith(prefix)) {
                return PhysrecJson.read(p);
            }
        }
        throw new IllegalArgumentException(prefix);
    }

    static SequenceMetrics metrics(Sequence s) {
        return MotionMetrics.evaluate(s.id(), s.fps(), s.keypoints3d(), s.groundTruth(), s.frames(), s.jointCount(),
                MetricSettings.h36m17());
    }

    @Test
    void defaultEstimateLooksLikeAMonocularEstimatorOnEveryClip() throws IOException {
        for (Path p : MotionClip.files()) {
            Sequence gt = PhysrecJson.read(p).resample(25);
            Sequence syn = Synthesizer.synthesize(gt, SynthSettings.defaults(1));
            SequenceMetrics m = metrics(syn);
            assertTrue(m.mpjpe() > 35 && m.mpjpe() < 65, gt.id() + " MPJPE " + m.mpjpe());
            assertTrue(m.paMpjpe() < m.mpjpe(), gt.id() + " PA below MPJPE");
            assertTrue(m.mpjpeG() > m.mpjpe(), gt.id() + " global error includes the root noise");
        }
    }

    @Test
    void sameSeedSameOutputOtherSeedOtherOutput() throws IOException {
        Sequence gt = load("cmu_131_03").window(0, 120);
        Sequence a = Synthesizer.synthesize(gt, SynthSettings.defaults(7));
        Sequence b = Synthesizer.synthesize(gt, SynthSettings.defaults(7));
        Sequence c = Synthesizer.synthesize(gt, SynthSettings.defaults(8));
        assertArrayEquals(a.keypoints3d(), b.keypoints3d());
        assertArrayEquals(a.confidences2d(0), b.confidences2d(0));
        assertArrayEquals(a.keypoints2d(2), b.keypoints2d(2));
        assertFalse(Arrays.equals(a.keypoints3d(), c.keypoints3d()));
        assertArrayEquals(gt.groundTruth(), a.groundTruth());
    }

    @Test
    void noiselessInputsEqualTheProjectedGroundTruth() throws IOException {
        Sequence gt = load("aistpp").window(0, 60);
        Sequence syn = Synthesizer.synthesize(gt, SynthSettings.noiseless(3));
        assertArrayEquals(gt.groundTruth(), syn.keypoints3d(), 1e-9);
        for (int c = 0; c < gt.cameras().size(); c++) {
            Camera cam = gt.camera(c);
            double[] xy = syn.keypoints2d(c);
            double[] conf = syn.confidences2d(c);
            double[] want = cam.projectAll(gt.groundTruth());
            for (int k = 0; k < conf.length; k++) {
                boolean inside = want[2 * k] >= 0 && want[2 * k + 1] >= 0 && want[2 * k] < cam.width()
                        && want[2 * k + 1] < cam.height();
                if (inside) {
                    assertTrue(conf[k] >= 0.7 && conf[k] <= 1.0);
                    assertEquals(want[2 * k], xy[2 * k], 1e-9);
                } else {
                    assertEquals(0.0, conf[k]);
                }
            }
        }
    }

    @Test
    void twoDimensionalNoiseDropoutsAndLowConfidenceMatchTheSettings() throws IOException {
        Sequence gt = load("cmu_salsa");
        SynthSettings s = new SynthSettings(5, 4.0, 0.1, 20.0, 0.02, 4.0, 0, 0, 0.5, 0, 0, 0, 0, 0, 1.0);
        Sequence syn = Synthesizer.synthesize(gt, s);
        Camera cam = gt.camera(0);
        double[] want = cam.projectAll(gt.groundTruth());
        double[] xy = syn.keypoints2d(0);
        double[] conf = syn.confidences2d(0);
        long dropped = 0, low = 0, normal = 0;
        double sumSqNormal = 0, sumSqLow = 0;
        for (int k = 0; k < conf.length; k++) {
            if (conf[k] == 0) {
                dropped++;
                assertTrue(Double.isNaN(xy[2 * k]));
                continue;
            }
            double du = xy[2 * k] - want[2 * k], dv = xy[2 * k + 1] - want[2 * k + 1];
            if (conf[k] < 0.5) {
                low++;
                sumSqLow += du * du + dv * dv;
            } else {
                normal++;
                sumSqNormal += du * du + dv * dv;
            }
        }
        double n = conf.length;
        // expected dropped fraction of a renewal process: rate*mean / (1 + rate*(mean - 1))
        double expectDrop = 0.02 * 4 / (1 + 0.02 * 3);
        assertEquals(expectDrop, dropped / n, 0.25 * expectDrop);
        assertEquals(0.1, low / (double) (low + normal), 0.02);
        assertEquals(4.0, Math.sqrt(sumSqNormal / (2 * normal)), 0.15);
        assertEquals(20.0, Math.sqrt(sumSqLow / (2 * low)), 2.0);
    }

    @Test
    void switchingOffOneNoiseSourceKeepsTheOthers() throws IOException {
        Sequence gt = load("cmu_131_01").window(0, 100);
        SynthSettings d = SynthSettings.defaults(9);
        SynthSettings noDrop = new SynthSettings(9, d.pixelSigma(), d.lowConfidenceRate(), d.lowConfidencePixelSigma(),
                0, d.dropoutMeanFrames(), d.bodyBiasMm(), d.correlatedMm(), d.correlationSeconds(), d.jitterMm(),
                d.scaleSigma(), d.orientationDeg(), d.rootMm(), d.depthMm(), d.rootCorrelationSeconds());
        Sequence a = Synthesizer.synthesize(gt, d);
        Sequence b = Synthesizer.synthesize(gt, noDrop);
        assertArrayEquals(a.keypoints3d(), b.keypoints3d());
        double[] xa = a.keypoints2d(1), xb = b.keypoints2d(1);
        double[] ca = a.confidences2d(1);
        for (int k = 0; k < ca.length; k++) {
            if (ca[k] > 0) {
                assertEquals(xa[2 * k], xb[2 * k], 0.0);
            }
        }
    }

    @Test
    void rejectsSequencesWithoutGroundTruthAndBadSettings() throws IOException {
        Sequence gt = load("cmu_131_01").window(0, 10);
        Sequence noGt = Sequence.builder("x", 25, gt.skeleton(), 10, gt.upAxis()).keypoints3d(gt.groundTruth()).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Synthesizer.synthesize(noGt, SynthSettings.defaults(1)));
        assertTrue(e.getMessage().contains("ground truth"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new SynthSettings(1, -1, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 1));
        assertTrue(e.getMessage().contains("pixelSigma"), e.getMessage());
    }
}
