package org.physrec.datasets.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.physrec.datasets.Camera;
import org.physrec.datasets.fixtures.Fixtures;

/**
 * Triangulation on synthetic projections through AIST++-like cameras (5 m circle, y-up world in
 * cm, OpenCV distortion with k1 up to 0.05 and tangential terms).
 */
class TriangulatorTest {

    private static final List<Camera> CAMS = Fixtures.aistCameras(4);

    /** A random point in a 1 m box around the subject's centre (cm). */
    private static double[] randomPoint(Random rnd) {
        return new double[] {100 * rnd.nextDouble() - 50, 40 + 100 * rnd.nextDouble(), 100 * rnd.nextDouble() - 50};
    }

    private static double[] project(List<Camera> cams, double[] x) {
        double[] px = new double[2 * cams.size()];
        for (int c = 0; c < cams.size(); c++) {
            assertTrue(cams.get(c).project(x, 0, px, 2 * c));
        }
        return px;
    }

    private static double dist(double[] a, double[] b) {
        return Math.sqrt((a[0] - b[0]) * (a[0] - b[0]) + (a[1] - b[1]) * (a[1] - b[1]) + (a[2] - b[2]) * (a[2] - b[2]));
    }

    @Test
    void undistortInvertsTheProjection() {
        Random rnd = new Random(1);
        double[] xc = new double[3];
        double[] uv = new double[2];
        double[] xy = new double[2];
        for (Camera cam : CAMS) {
            for (int i = 0; i < 50; i++) {
                double[] x = randomPoint(rnd);
                cam.toCamera(x, 0, xc, 0);
                cam.project(x, 0, uv, 0);
                assertTrue(cam.undistort(uv[0], uv[1], xy, 0));
                assertEquals(xc[0] / xc[2], xy[0], 1e-12);
                assertEquals(xc[1] / xc[2], xy[1], 1e-12);
            }
        }
    }

    @Test
    void recoversExactPointsFromNoiselessProjections() {
        Random rnd = new Random(2);
        Triangulator tri = new Triangulator(CAMS, TriangulationSettings.DEFAULTS);
        double[] conf = {1, 0.5, 0.8, 0.3};
        double[] out = new double[3];
        for (int i = 0; i < 200; i++) {
            double[] x = randomPoint(rnd);
            assertEquals(Triangulator.Status.OK, tri.point(project(CAMS, x), conf, out, 0));
            assertEquals(0, dist(x, out), 1e-7, "point " + i);
            assertTrue(tri.lastRmsPx() < 1e-6);
            assertTrue(tri.lastCondition() >= 1 && tri.lastCondition() < 100, "4 views around: well conditioned");
        }
    }

    @Test
    void twoCamerasAreEnoughAndTheLinearStartIsRefinedThroughTheDistortion() {
        Random rnd = new Random(3);
        List<Camera> two = CAMS.subList(0, 2);
        Triangulator tri = new Triangulator(two, TriangulationSettings.DEFAULTS);
        Triangulator linearOnly = new Triangulator(two, TriangulationSettings.DEFAULTS.withMaxIterations(0));
        double[] out = new double[3];
        double[] lin = new double[3];
        double[] conf = {1, 1};
        double worstLinear = 0;
        for (int i = 0; i < 100; i++) {
            double[] x = randomPoint(rnd);
            double[] px = project(two, x);
            // corrupt nothing: the linear solution of undistorted rays is exact too; make the start
            // inexact by noise on one camera and compare reprojection errors
            px[0] += rnd.nextGaussian() * 3;
            px[3] += rnd.nextGaussian() * 3;
            assertEquals(Triangulator.Status.OK, tri.point(px, conf, out, 0));
            assertEquals(Triangulator.Status.OK, linearOnly.point(px, conf, lin, 0));
            double[] w = {1, 1};
            double fGn = tri.cost(px, w, out, 0, null);
            double fLin = tri.cost(px, w, lin, 0, null);
            assertTrue(fGn <= fLin + 1e-12, "Gauss-Newton never ends above its start");
            double[] grad = new double[3];
            tri.cost(px, w, out, 0, grad);
            assertTrue(Math.abs(grad[0]) + Math.abs(grad[1]) + Math.abs(grad[2]) < 1e-6 * (1 + fGn),
                    "Gauss-Newton ends at a stationary point of the reprojection error");
            worstLinear = Math.max(worstLinear, fLin - fGn);
        }
        assertTrue(worstLinear > 1e-6, "the refinement changed something measurable");
    }

    @Test
    void pixelNoiseGivesProportionalErrorsAndConfidenceDownweightsABadCamera() {
        Random rnd = new Random(4);
        // plain least squares: the robust loss would hide the outlier by itself
        Triangulator tri = new Triangulator(CAMS, TriangulationSettings.DEFAULTS.withRobustScalePx(
                Double.POSITIVE_INFINITY));
        double[] out = new double[3];
        double sum = 0;
        double sumWeighted = 0;
        double sumEqual = 0;
        int n = 400;
        for (int i = 0; i < n; i++) {
            double[] x = randomPoint(rnd);
            double[] px = project(CAMS, x);
            for (int k = 0; k < px.length; k++) {
                px[k] += rnd.nextGaussian(); // 1 px
            }
            assertEquals(Triangulator.Status.OK, tri.point(px, new double[] {1, 1, 1, 1}, out, 0));
            sum += dist(x, out);
            // camera 2 is an outlier (40 px off) that the detector marked as unsure
            px[4] += 40;
            px[5] -= 40;
            tri.point(px, new double[] {1, 1, 0.15, 1}, out, 0);
            sumWeighted += dist(x, out);
            tri.point(px, new double[] {1, 1, 1, 1}, out, 0);
            sumEqual += dist(x, out);
        }
        // 1 px at 5 m with f = 1500 px is 0.33 cm sideways; four views average it down
        double mean = sum / n;
        assertTrue(mean > 0.05 && mean < 0.4, "mean error " + mean + " cm for 1 px noise");
        assertTrue(sumWeighted < 0.35 * sumEqual, "confidence weighting: " + sumWeighted / n + " vs "
                + sumEqual / n + " cm");
    }

    @Test
    void fewerThanTwoConfidentCamerasLeaveThePointMissing() {
        Triangulator tri = new Triangulator(CAMS, TriangulationSettings.DEFAULTS);
        double[] x = {10, 90, -5};
        double[] px = project(CAMS, x);
        double[] out = new double[3];
        assertEquals(Triangulator.Status.TOO_FEW_CAMERAS, tri.point(px, new double[] {1, 0.05, 0, 0.1}, out, 0),
                "confidence at or below 0.1 does not count");
        assertTrue(Double.isNaN(out[0]) && Double.isNaN(out[1]) && Double.isNaN(out[2]));
        px[2] = Double.NaN;
        assertEquals(Triangulator.Status.TOO_FEW_CAMERAS, tri.point(px, new double[] {1, 1, 0, 0}, out, 0),
                "a NaN pixel is unseen whatever its confidence");
    }

    @Test
    void nearlyParallelRaysAreRejectedAsIllConditioned() {
        Camera a = CAMS.get(0);
        // a second camera 1 cm beside the first: rays from 5 m are 0.1 degree apart
        double[] t = a.translation();
        t[0] += 1;
        Camera b = new Camera("beside", a.width(), a.height(), a.fx(), a.fy(), a.cx(), a.cy(), a.distortion(),
                a.rotation(), t);
        List<Camera> pair = List.of(a, b);
        Triangulator tri = new Triangulator(pair, TriangulationSettings.DEFAULTS);
        double[] out = new double[3];
        Triangulator.Status st = tri.point(project(pair, new double[] {5, 100, 3}), new double[] {1, 1}, out, 0);
        assertEquals(Triangulator.Status.ILL_CONDITIONED, st, "condition " + tri.lastCondition());
        assertTrue(Double.isNaN(out[0]));
        assertTrue(tri.lastCondition() > 1e4);
    }

    @Test
    void costGradientMatchesCentralDifferences() {
        Random rnd = new Random(5);
        Triangulator tri = new Triangulator(CAMS, TriangulationSettings.DEFAULTS);
        double[] w = {1, 0.3, 0, 0.7};
        for (int i = 0; i < 20; i++) {
            double[] x = randomPoint(rnd);
            double[] px = project(CAMS, randomPoint(rnd)); // residuals far from zero
            double[] grad = new double[3];
            tri.cost(px, w, x, 0, grad);
            for (int k = 0; k < 3; k++) {
                double h = 1e-4; // cm
                double[] xp = x.clone();
                double[] xm = x.clone();
                xp[k] += h;
                xm[k] -= h;
                double fd = (tri.cost(px, w, xp, 0, null) - tri.cost(px, w, xm, 0, null)) / (2 * h);
                assertEquals(fd, grad[k], 1e-6 * (1 + Math.abs(fd)), "dF/dx" + k + " at point " + i);
            }
        }
    }

    @Test
    void conditionNumberMatchesKnownEigenvalues() {
        // R diag(1, 2, 40) Rᵀ for a rotation about (1, 2, 3)
        double[] r = Camera.rodrigues(new double[] {0.3, 0.6, 0.9});
        double[] d = {1, 2, 40};
        double[] m = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 3; k++) {
                    m[3 * i + j] += r[3 * i + k] * d[k] * r[3 * j + k];
                }
            }
        }
        assertEquals(40, Triangulator.condition(m), 1e-9);
        assertEquals(1, Triangulator.condition(new double[] {3, 0, 0, 0, 3, 0, 0, 0, 3}), 0);
        assertTrue(Triangulator.condition(new double[] {1, 1, 0, 1, 1, 0, 0, 0, 1}) > 1e12, "singular: rounding-level minimum");
    }

    @Test
    void sequenceTriangulationCountsWhatItCouldNotDo() {
        Random rnd = new Random(6);
        int frames = 3;
        int joints = 4;
        List<double[]> px = new ArrayList<>();
        List<double[]> cf = new ArrayList<>();
        double[] truth = new double[frames * joints * 3];
        for (int i = 0; i < frames * joints; i++) {
            System.arraycopy(randomPoint(rnd), 0, truth, 3 * i, 3);
        }
        for (Camera cam : CAMS) {
            px.add(cam.projectAll(truth));
            double[] c = new double[frames * joints];
            java.util.Arrays.fill(c, 0.9);
            cf.add(c);
        }
        for (int c = 1; c < 4; c++) {
            cf.get(c)[5] = 0; // frame 1 joint 1 seen by camera 0 only
        }
        TriangulatedPoints r = TriangulatedPoints.of(CAMS, px, cf, frames, joints, TriangulationSettings.DEFAULTS);
        assertEquals(11, r.triangulated());
        assertEquals(1, r.tooFewCameras());
        assertEquals(3, r.triangulatedIn(1, joints));
        assertTrue(Double.isNaN(r.points()[15]) && Double.isNaN(r.rmsPx()[5]));
        assertEquals(truth[0], r.points()[0], 1e-7);
        assertTrue(r.summary().startsWith("11 of 12 points triangulated"), r.summary());
        assertTrue(r.summary().contains("1 seen by fewer than 2 confident cameras"), r.summary());
        assertFalse(r.summary().contains("NaN"), r.summary());
    }

    @Test
    void theCauchyLossIgnoresAConfidentMisdetectionThatTheOtherViewsContradict() {
        Random rnd = new Random(8);
        Triangulator robust = new Triangulator(CAMS, TriangulationSettings.DEFAULTS);
        Triangulator plain = new Triangulator(CAMS, TriangulationSettings.DEFAULTS.withRobustScalePx(
                Double.POSITIVE_INFINITY));
        double[] out = new double[3];
        double sumRobust = 0;
        double sumPlain = 0;
        double sumClean = 0;
        int n = 200;
        double[] conf = {1, 1, 1, 1};
        for (int i = 0; i < n; i++) {
            double[] x = randomPoint(rnd);
            double[] px = project(CAMS, x);
            for (int k = 0; k < px.length; k++) {
                px[k] += rnd.nextGaussian();
            }
            assertEquals(Triangulator.Status.OK, robust.point(px, conf, out, 0));
            sumClean += dist(x, out);
            // camera 1 reports the point 150 px away at full confidence (e.g. the other wrist)
            px[2] += 120;
            px[3] -= 90;
            assertEquals(Triangulator.Status.OK, robust.point(px, conf, out, 0));
            sumRobust += dist(x, out);
            plain.point(px, conf, out, 0);
            sumPlain += dist(x, out);
        }
        assertTrue(sumRobust < 0.15 * sumPlain, "robust " + sumRobust / n + " cm vs least squares " + sumPlain / n);
        // measured: 0.81 cm robust, 20.9 cm least squares, 0.32 cm without the outlier (the Cauchy
        // tail still pulls with about 2.6 px)
        assertTrue(sumRobust < 3 * sumClean, "robust " + sumRobust / n + " cm vs without the outlier " + sumClean / n);
    }
}
