package org.physrec.datasets;

import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** Shared test helpers: the real data folder and small synthetic sequences with known motion. */
public final class TestData {

    private TestData() {
    }

    /** The shared data folder; skips the test when it is absent. */
    public static Path root() {
        var r = DataRoot.find();
        Assumptions.assumeTrue(r.isPresent(), "shared/data not found");
        return r.get();
    }

    /**
     * A walking-like H36M-17 motion (T x 17 x 3, mm, z up) around the origin: a fixed rest pose
     * moving back and forth along x (±1 m, period 8 s) with a small sinusoidal sway, deterministic;
     * it stays inside the view of every Human3.6M camera for any length.
     */
    public static double[] motion(int frames, double fps) {
        double[] rest = {
            0, 0, 900, -130, 0, 900, -130, 20, 480, -130, 0, 80, 130, 0, 900, 130, 20, 480, 130, 0, 80,
            0, 0, 1130, 0, 0, 1380, 0, 20, 1480, 0, 0, 1600, 170, 0, 1380, 190, 0, 1120, 200, 0, 880,
            -170, 0, 1380, -190, 0, 1120, -200, 0, 880};
        double[] out = new double[frames * 51];
        for (int t = 0; t < frames; t++) {
            double time = t / fps;
            for (int j = 0; j < 17; j++) {
                out[t * 51 + 3 * j] = rest[3 * j] + 1000 * Math.sin(2 * Math.PI * time / 8);
                out[t * 51 + 3 * j + 1] = rest[3 * j + 1] + 40 * Math.sin(2 * Math.PI * time + j);
                out[t * 51 + 3 * j + 2] = rest[3 * j + 2] + 15 * Math.cos(4 * Math.PI * time);
            }
        }
        return out;
    }

    /** A sequence with ground truth, the 4 S9 Human3.6M cameras and exact 2D projections. */
    public static Sequence h36mLike(int frames, double fps) {
        double[] gt = motion(frames, fps);
        Sequence.Builder b = Sequence.builder("synthetic", fps, Skeleton.H36M_17, frames, UpAxis.Z).groundTruth(gt);
        for (Camera c : org.physrec.datasets.h36m.H36mCameras.of("S9")) {
            b.camera(c);
            double[] conf = new double[frames * 17];
            java.util.Arrays.fill(conf, 1.0);
            b.keypoints2d(c.name(), c.projectAll(gt), conf);
        }
        return b.build();
    }
}
