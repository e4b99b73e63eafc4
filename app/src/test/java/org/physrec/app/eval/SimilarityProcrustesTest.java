package org.physrec.app.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SimilarityProcrustesTest {

    static final int J = 17;

    static double[] randomPose(Random rnd, int frames) {
        double[] p = new double[frames * J * 3];
        for (int i = 0; i < p.length; i++) {
            p[i] = 400 * rnd.nextGaussian();
        }
        return p;
    }

    /** Rotation matrix (row-major) from a unit axis and angle (Rodrigues). */
    static double[] rotation(double ax, double ay, double az, double angle) {
        double n = Math.sqrt(ax * ax + ay * ay + az * az);
        double x = ax / n, y = ay / n, z = az / n;
        double c = Math.cos(angle), s = Math.sin(angle), C = 1 - c;
        return new double[] {c + x * x * C, x * y * C - z * s, x * z * C + y * s, y * x * C + z * s, c + y * y * C,
            y * z * C - x * s, z * x * C - y * s, z * y * C + x * s, c + z * z * C};
    }

    static double[] transform(double[] p, double s, double[] r, double[] t) {
        double[] out = new double[p.length];
        for (int k = 0; k < p.length; k += 3) {
            for (int i = 0; i < 3; i++) {
                out[k + i] = s * (r[3 * i] * p[k] + r[3 * i + 1] * p[k + 1] + r[3 * i + 2] * p[k + 2]) + t[i];
            }
        }
        return out;
    }

    @Test
    void knownSimilarityIsUndoneExactly() {
        Random rnd = new Random(1);
        double[] gt = randomPose(rnd, 4);
        double[] r = rotation(0.3, -1, 0.5, 2.1);
        double[] pred = transform(gt, 0.7, r, new double[] {120, -3000, 45});
        double[] pa = MotionMetrics.paMpjpePerFrame(pred, gt, 4, J);
        for (double e : pa) {
            assertEquals(0.0, e, 1e-9);
        }
        SimilarityProcrustes p = new SimilarityProcrustes();
        p.alignFrame(pred, gt, J, 2, new double[pred.length]);
        assertEquals(1 / 0.7, p.lastScale(), 1e-12);
        double[] found = new double[9];
        p.lastRotation(found);
        // found must be the inverse (transpose) of r
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(r[3 * j + i], found[3 * i + j], 1e-12);
            }
        }
    }

    @Test
    void mirroredPoseIsNotAlignedByAReflection() {
        Random rnd = new Random(2);
        double[] gt = randomPose(rnd, 1);
        double[] mirror = gt.clone();
        for (int k = 0; k < mirror.length; k += 3) {
            mirror[k] = -mirror[k];
        }
        SimilarityProcrustes p = new SimilarityProcrustes();
        double[] aligned = new double[gt.length];
        p.alignFrame(mirror, gt, J, 0, aligned);
        double[] r = new double[9];
        p.lastRotation(r);
        double det = r[0] * (r[4] * r[8] - r[5] * r[7]) - r[1] * (r[3] * r[8] - r[5] * r[6])
                + r[2] * (r[3] * r[7] - r[4] * r[6]);
        assertEquals(1.0, det, 1e-12);
        // a reflection would give 0 error; the proper rotation cannot for a random 3D cloud
        assertTrue(MotionMetrics.paMpjpePerFrame(mirror, gt, 1, J)[0] > 10.0);
    }

    @Test
    void handComputedTwoPointCase() {
        // pred: two points 1 apart on x; gt: two points 4 apart on y, shifted. Scale 4, rotation 90 deg about z.
        double[] pred = {0, 0, 0, 1, 0, 0, 0.5, 0, 0};
        double[] gt = {10, 0, 0, 10, 4, 0, 10, 2, 0};
        SimilarityProcrustes p = new SimilarityProcrustes();
        double[] out = new double[9];
        p.alignFrame(pred, gt, 3, 0, out);
        assertEquals(4.0, p.lastScale(), 1e-12);
        for (int i = 0; i < 9; i++) {
            assertEquals(gt[i], out[i], 1e-12);
        }
    }

    @Test
    void coincidentPredictionIsRejectedWithFrame() {
        double[] gt = randomPose(new Random(3), 3);
        double[] pred = gt.clone();
        for (int k = J * 3; k < 2 * J * 3; k++) {
            pred[k] = 5.0;
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MotionMetrics.paMpjpePerFrame(pred, gt, 3, J));
        assertTrue(e.getMessage().contains("frame 1"), e.getMessage());
    }

    /** Any proper similarity applied to the ground truth is removed exactly. */
    @Test
    void paErrorIsZeroForAnySimilarity() {
        Random rnd = new Random(100);
        for (int trial = 0; trial < 200; trial++) {
            paErrorIsZeroForOneSimilarity(rnd, Math.exp(rnd.nextDouble() * 6 - 3), (rnd.nextDouble() * 2 - 1) * Math.PI);
        }
    }

    private static void paErrorIsZeroForOneSimilarity(Random rnd, double scale, double angle) {
        double[] gt = randomPose(rnd, 1);
        double[] r = rotation(rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian() + 1e-3, angle);
        double[] pred = transform(gt, scale, r, new double[] {rnd.nextGaussian() * 1e4, 0, rnd.nextGaussian() * 1e4});
        assertEquals(0.0, MotionMetrics.paMpjpePerFrame(pred, gt, 1, J)[0], 1e-7);
    }

    /** Procrustes minimises the squared error over all similarities; root alignment is one of them. */
    @Test
    void procrustesRmsNeverExceedsRootAlignedRms() {
        Random rnd = new Random(101);
        for (int trial = 0; trial < 200; trial++) {
            procrustesBeatsRootAlignment(rnd);
        }
    }

    private static void procrustesBeatsRootAlignment(Random rnd) {
        double[] gt = randomPose(rnd, 1);
        double[] pred = randomPose(rnd, 1);
        for (int i = 0; i < pred.length; i++) {
            pred[i] = gt[i] + pred[i] * 0.3;
        }
        double[] aligned = new double[pred.length];
        new SimilarityProcrustes().alignFrame(pred, gt, J, 0, aligned);
        double[] rootPred = JointArrays.rootRelative(pred, 1, J, 0);
        double[] rootGt = JointArrays.rootRelative(gt, 1, J, 0);
        assertTrue(sumSq(aligned, gt) <= sumSq(rootPred, rootGt) + 1e-6);
    }

    /** Perturbing the found transform never lowers the squared error (it is the minimum). */
    @Test
    void alignmentIsALocalMinimum() {
        Random rnd = new Random(102);
        for (int trial = 0; trial < 100; trial++) {
            noPerturbationImproves(rnd);
        }
    }

    private static void noPerturbationImproves(Random rnd) {
        double[] gt = randomPose(rnd, 1);
        double[] pred = randomPose(rnd, 1);
        double[] aligned = new double[pred.length];
        new SimilarityProcrustes().alignFrame(pred, gt, J, 0, aligned);
        double best = sumSq(aligned, gt);
        for (int k = 0; k < 10; k++) {
            double[] r = rotation(rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian(), 1e-3 * rnd.nextGaussian());
            double[] moved = transform(aligned, 1 + 1e-3 * rnd.nextGaussian(), r,
                    new double[] {rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian()});
            assertTrue(sumSq(moved, gt) >= best - 1e-9 * best);
        }
    }

    static double sumSq(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return s;
    }
}
