package org.physrec.app.recon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.physrec.datasets.Camera;
import org.physrec.datasets.Sequence;

class LossGradientTest {

    /** Observations of 3 frames: noisy 3D and the projections of the ground truth in every camera. */
    static Observations observations(Sequence s, SceneFrame frame, long seed) {
        Random rnd = new Random(seed);
        int k = 17;
        int frames = s.frames();
        double[] gt = s.groundTruth();
        double[] noisy = gt.clone();
        for (int i = 0; i < noisy.length; i++) {
            noisy[i] += 30 * rnd.nextGaussian();
        }
        List<Camera> cams = s.cameras();
        List<double[]> px = cams.stream().map(c -> {
            double[] uv = c.projectAll(gt);
            for (int i = 0; i < uv.length; i++) {
                uv[i] += 5 * rnd.nextGaussian();
            }
            return uv;
        }).toList();
        List<double[]> conf = cams.stream().map(c -> {
            double[] cf = new double[frames * k];
            for (int i = 0; i < cf.length; i++) {
                cf[i] = i % 11 == 0 ? 0 : 0.3 + 0.7 * rnd.nextDouble();
            }
            return cf;
        }).toList();
        return new Observations(frames, k, s.fps(), frame, frame.toPhysics(noisy), cams, px, conf);
    }

    @Test
    void keypointLossGradientMatchesCentralDifferences() throws Exception {
        Sequence s = TestData.motion(TestData.WALK).resample(25).window(10, 3);
        SceneFrame frame = new SceneFrame(-12.5);
        Observations obs = observations(s, frame, 5);
        KeypointLoss loss = new KeypointLoss(obs, LossWeights.DEFAULTS);
        Random rnd = new Random(6);
        double[] truth = frame.toPhysics(s.groundTruth());
        for (int t = 0; t < 3; t++) {
            double[] p = new double[51];
            for (int i = 0; i < 51; i++) {
                p[i] = truth[t * 51 + i] + 0.05 * rnd.nextGaussian();
            }
            double[] g = new double[51];
            double f = loss.value(t, p, 2.0, g);
            assertTrue(f > 0);
            double h = 1e-6;
            for (int i = 0; i < 51; i++) {
                double keep = p[i];
                p[i] = keep + h;
                double fp = loss.value(t, p, 2.0, null);
                p[i] = keep - h;
                double fm = loss.value(t, p, 2.0, null);
                p[i] = keep;
                double fd = (fp - fm) / (2 * h);
                assertEquals(fd, g[i], 1e-6 + 1e-5 * Math.abs(fd), "frame " + t + " coordinate " + i);
            }
        }
    }

    @Test
    void lossIsZeroAtPerfectObservationsAndRobustToOutliers() throws Exception {
        Sequence s = TestData.motion(TestData.WALK).resample(25).window(10, 2);
        SceneFrame frame = new SceneFrame(0);
        double[] gt = s.groundTruth();
        Camera cam = s.camera(0);
        double[] uv = cam.projectAll(gt);
        double[] conf = new double[2 * 17];
        java.util.Arrays.fill(conf, 1);
        Observations exact = new Observations(2, 17, 25, frame, frame.toPhysics(gt), List.of(cam), List.of(uv),
                List.of(conf));
        double[] p = java.util.Arrays.copyOf(frame.toPhysics(gt), 51);
        assertEquals(0, new KeypointLoss(exact, LossWeights.DEFAULTS).value(0, p, 1, null), 1e-15);
        double[] far = uv.clone();
        far[0] += 1e5;
        Observations outlier = new Observations(2, 17, 25, frame, null, List.of(cam), List.of(far), List.of(conf));
        double robust = new KeypointLoss(outlier, LossWeights.DEFAULTS).value(0, p, 1, null);
        // a 100000 px outlier costs w2d·σ²·log(1 + e²/σ²)/K, tiny compared with a squared error w2d·e²/K
        double squared = LossWeights.DEFAULTS.w2d() * 100.0 * 100.0 / 17;
        assertTrue(robust > 0 && robust < 1e-5 * squared, "robust cost " + robust + " vs squared " + squared);
    }

    @Test
    void windowPlanCoversEveryFrameOnce() {
        for (int frames : new int[] {8, 9, 23, 100}) {
            List<WindowPlan.Window> w = WindowPlan.plan(frames, 8, 2);
            assertEquals(0, w.get(0).start());
            assertEquals(frames, w.get(w.size() - 1).end());
            int covered = 0;
            for (int i = 0; i < w.size(); i++) {
                assertEquals(covered, w.get(i).keepFrom(), "window " + i);
                assertTrue(w.get(i).start() <= covered && w.get(i).length() == 8);
                covered = w.get(i).end();
            }
        }
        assertThrowsWithMessage(() -> WindowPlan.plan(5, 8, 2), "shorter than one window");
        assertThrowsWithMessage(() -> WindowPlan.plan(50, 8, 8), "overlap");
    }

    @Test
    void controlLossGradientMatchesCentralDifferences() {
        Random rnd = new Random(7);
        int frames = 4;
        int nu = 5;
        double[] x = new double[frames * nu + frames * 6];
        for (int i = 0; i < x.length; i++) {
            x[i] = rnd.nextGaussian();
        }
        double[] prev = {0.1, -0.2, 0.3, 0.0, 0.5};
        LossWeights w = new LossWeights(1, 1, 0.7, 1.3, 1, 0.4, 1000, 20, 0);
        for (double[] previous : new double[][] {prev, null}) {
            double[] g = new double[x.length];
            ControlLoss.value(x, frames, nu, true, previous, w, g);
            double h = 1e-6;
            for (int i = 0; i < x.length; i++) {
                double keep = x[i];
                x[i] = keep + h;
                double fp = ControlLoss.value(x, frames, nu, true, previous, w, null);
                x[i] = keep - h;
                double fm = ControlLoss.value(x, frames, nu, true, previous, w, null);
                x[i] = keep;
                assertEquals((fp - fm) / (2 * h), g[i], 1e-7, "variable " + i);
            }
        }
    }

    static void assertThrowsWithMessage(org.junit.jupiter.api.function.Executable e, String text) {
        IllegalArgumentException x = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, e);
        assertTrue(x.getMessage().contains(text), x.getMessage());
    }
}
