package org.physrec.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.physrec.datasets.h36m.H36mCameras;

class CameraTest {

    @Test
    void human36mTestVectorOfDiffphySpec() {
        Camera s9 = H36mCameras.of("S9", "60457274");
        double[] expectedR = {0.915461, -0.397346, 0.063622, -0.049406, -0.267892, -0.962181, 0.399363, 0.877696, -0.264876};
        assertArrayEquals(expectedR, s9.rotation(), 1e-6);
        double[] xc = new double[3];
        s9.toCamera(new double[] {0, 0, 900}, 0, xc, 0);
        assertArrayEquals(new double[] {-12.011, -443.779, 4219.505}, xc, 1e-3);
        double[] uv = new double[2];
        assertTrue(s9.project(new double[] {0, 0, 900}, 0, uv, 0));
        assertArrayEquals(new double[] {511.706, 381.698}, uv, 1e-3);
        s9.project(new double[] {0, 0, 0}, 0, uv, 0);
        assertArrayEquals(new double[] {497.197, 610.065}, uv, 1e-3);
        H36mCameras.of("S11", "60457274").project(new double[] {0, 0, 900}, 0, uv, 0);
        assertArrayEquals(new double[] {488.701, 380.962}, uv, 1e-3);
    }

    @Test
    void allHuman36mCamerasLookAtTheCaptureVolume() {
        for (String s : H36mCameras.subjects()) {
            for (Camera c : H36mCameras.of(s)) {
                double[] uv = new double[2];
                assertTrue(c.project(new double[] {0, 0, 1000}, 0, uv, 0), s + " " + c.name());
                assertTrue(uv[0] > 0 && uv[0] < c.width() && uv[1] > 0 && uv[1] < c.height(), s + " " + c.name());
                assertEquals(Distortion.Model.VIDEOPOSE3D, c.distortion().model());
            }
        }
    }

    @Test
    void openCvDistortionMatchesTheClosedForm() {
        Distortion d = Distortion.opencv(new double[] {0.1, -0.05, 0.002, -0.003, 0.01});
        Camera c = new Camera("c", 100, 100, 1000, 900, 50, 40, d, new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, new double[3]);
        double x = 0.2, y = -0.3;
        double r2 = x * x + y * y;
        double rad = 1 + 0.1 * r2 - 0.05 * r2 * r2 + 0.01 * r2 * r2 * r2;
        double xd = x * rad + 2 * 0.002 * x * y + -0.003 * (r2 + 2 * x * x);
        double yd = y * rad + 0.002 * (r2 + 2 * y * y) + 2 * -0.003 * x * y;
        double[] uv = new double[2];
        c.project(new double[] {2 * x, 2 * y, 2}, 0, uv, 0);
        assertArrayEquals(new double[] {1000 * xd + 50, 900 * yd + 40}, uv, 1e-9);
    }

    @Test
    void pointBehindTheCameraIsReportedNotProjected() {
        Camera c = H36mCameras.of("S9", "60457274");
        double[] behind = c.centre();
        behind[0] -= 1000 * c.rotation()[6];
        behind[1] -= 1000 * c.rotation()[7];
        behind[2] -= 1000 * c.rotation()[8];
        double[] uv = new double[2];
        double[] jac = new double[6];
        assertFalse(c.projectWithJacobian(behind, 0, uv, 0, jac, 0));
        assertTrue(Double.isNaN(uv[0]) && Double.isNaN(jac[5]));
    }

    @Test
    void jacobianMatchesCentralDifferencesForBothConventions() {
        Random rnd = new Random(7);
        for (Distortion.Model model : Distortion.Model.values()) {
            for (String subject : new String[] {"S1", "S9", "S11"}) {
                for (Camera h : H36mCameras.of(subject)) {
                    Distortion d0 = h.distortion();
                    Camera c = new Camera(h.name(), h.width(), h.height(), h.fx(), h.fy(), h.cx(), h.cy(),
                            new Distortion(model, d0.k1(), d0.k2(), d0.k3(), 3 * d0.p1(), 3 * d0.p2()),
                            h.rotation(), h.translation());
                    for (int trial = 0; trial < 20; trial++) {
                        double[] x = {rnd.nextGaussian() * 600, rnd.nextGaussian() * 600, 100 + rnd.nextDouble() * 1800};
                        checkJacobian(c, x);
                    }
                }
            }
        }
    }

    static void checkJacobian(Camera c, double[] x) {
        double[] uv = new double[2];
        double[] jac = new double[6];
        assertTrue(c.projectWithJacobian(x, 0, uv, 0, jac, 0));
        double[] plain = new double[2];
        c.project(x, 0, plain, 0);
        assertArrayEquals(uv, plain, 0, "project and projectWithJacobian must agree");
        double h = 1e-3; // mm; points are metres away, so this is ~1e-6 relative
        double[] up = new double[2];
        double[] dn = new double[2];
        for (int k = 0; k < 3; k++) {
            double[] xp = x.clone();
            double[] xm = x.clone();
            xp[k] += h;
            xm[k] -= h;
            c.project(xp, 0, up, 0);
            c.project(xm, 0, dn, 0);
            for (int r = 0; r < 2; r++) {
                double fd = (up[r] - dn[r]) / (2 * h);
                double an = jac[3 * r + k];
                assertEquals(fd, an, 1e-6 + 1e-6 * Math.abs(fd), c.name() + " " + c.distortion().model() + " d" + r + "/dX" + k);
            }
        }
    }

    @Test
    void rodriguesAndWorldChangeKeepProjections() {
        double[] rv = {0.3, -1.2, 2.0};
        double[] r = Camera.rodrigues(rv);
        Camera cm = new Camera("c01", 1920, 1080, 1500, 1500, 960, 540, Distortion.opencv(new double[] {-0.1}), r,
                new double[] {10, 180, 500});
        double[] yUpCm = {20, 90, -30};
        Camera mmZup = cm.inWorld(UpAxis.Y.toZUp(), 10);
        double[] zUpMm = {200, 300, 900}; // (x, -z, y) * 10
        double[] a = new double[2];
        double[] b = new double[2];
        cm.project(yUpCm, 0, a, 0);
        mmZup.project(zUpMm, 0, b, 0);
        assertArrayEquals(a, b, 1e-9);
        // Rodrigues: rotating the axis itself leaves it fixed
        double th = Math.sqrt(0.09 + 1.44 + 4);
        double[] axis = {0.3 / th, -1.2 / th, 2.0 / th};
        double[] out = new double[3];
        new Camera("x", 1, 1, 1, 1, 0, 0, Distortion.NONE, r, new double[3]).toCamera(axis, 0, out, 0);
        assertArrayEquals(axis, out, 1e-12);
    }

    @Test
    void badCameraParametersAreRejectedWithTheirName() {
        double[] eye = {1, 0, 0, 0, 1, 0, 0, 0, 1};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Camera("c9", 10, 10, -1, 1, 0, 0, Distortion.NONE, eye, new double[3]));
        assertTrue(e.getMessage().contains("c9") && e.getMessage().contains("focal"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new Camera("c9", 10, 10, 1, 1, 0, 0, Distortion.NONE, new double[] {1, 0, 0, 0, 1, 0, 0, 0, -1}, new double[3]));
        assertTrue(e.getMessage().contains("reflection"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new Camera("c9", 10, 10, 1, 1, 0, 0, Distortion.NONE, eye, new double[] {0, Double.NaN, 0}));
        assertTrue(e.getMessage().contains("t: not finite"), e.getMessage());
    }
}
