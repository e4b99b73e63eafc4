package org.physrec.app.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RotationsTest {

    static double[] unit(Random rnd) {
        double[] v = {rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian()};
        double n = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
        return new double[] {v[0] / n, v[1] / n, v[2] / n};
    }

    static void assertRotationMaps(double[] r, double[] from, double[] to) {
        double[] out = new double[3];
        Rotations.mulVec(r, from[0], from[1], from[2], out);
        for (int i = 0; i < 3; i++) {
            assertEquals(to[i], out[i], 1e-12);
        }
        double[] rtr = new double[9];
        Rotations.mulTransA(r, r, rtr);
        for (int i = 0; i < 9; i++) {
            assertEquals(i % 4 == 0 ? 1.0 : 0.0, rtr[i], 1e-12, "orthonormal");
        }
        double det = r[0] * (r[4] * r[8] - r[5] * r[7]) - r[1] * (r[3] * r[8] - r[5] * r[6])
                + r[2] * (r[3] * r[7] - r[4] * r[6]);
        assertEquals(1.0, det, 1e-12);
    }

    @Test
    void swingMapsFromOntoToWithoutTwist() {
        Random rnd = new Random(3);
        double[] r = new double[9];
        for (int k = 0; k < 500; k++) {
            double[] a = unit(rnd);
            double[] b = unit(rnd);
            Rotations.swing(a, b, r);
            assertRotationMaps(r, a, b);
            // no twist: the common perpendicular a x b is left fixed
            double[] n = {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
            assertRotationMaps(r, n, n);
        }
    }

    @Test
    void oppositeAndEqualVectors() {
        double[] r = new double[9];
        for (double[] a : new double[][] {{1, 0, 0}, {0, -1, 0}, {0, 0, 1}, {0.6, 0, 0.8}}) {
            double[] b = {-a[0], -a[1], -a[2]};
            Rotations.swing(a, b, r);
            assertRotationMaps(r, a, b);
            Rotations.swing(a, a, r);
            assertRotationMaps(r, a, a);
        }
    }

    @Test
    void eulerZxyRoundTripsIncludingGimbalLock() {
        Random rnd = new Random(8);
        double[] r = new double[9];
        double[] e = new double[9];
        double[] tmp = new double[9];
        double[] back = new double[9];
        double[] deg = new double[3];
        for (int k = 0; k < 500; k++) {
            double a = rnd.nextDouble() * 360 - 180, c = rnd.nextDouble() * 360 - 180;
            double b = k % 50 == 0 ? (k % 100 == 0 ? 90 : -90) : rnd.nextDouble() * 180 - 90;
            Rotations.elementary('Z', a, r);
            Rotations.elementary('X', b, e);
            Rotations.mul(r, e, tmp);
            Rotations.elementary('Y', c, e);
            Rotations.mul(tmp, e, r);
            Rotations.eulerZxyDegrees(r, null, 0, deg);
            Rotations.elementary('Z', deg[0], back);
            Rotations.elementary('X', deg[1], e);
            Rotations.mul(back, e, tmp);
            Rotations.elementary('Y', deg[2], e);
            Rotations.mul(tmp, e, back);
            for (int i = 0; i < 9; i++) {
                assertEquals(r[i], back[i], 1e-9, "trial " + k);
            }
        }
    }
}
