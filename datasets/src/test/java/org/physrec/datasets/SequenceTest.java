package org.physrec.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SequenceTest {

    @Test
    void decimates50To25ByTakingEverySecondFrame() {
        Sequence s = TestData.h36mLike(101, 50);
        Sequence r = s.resample(25);
        assertEquals(51, r.frames());
        assertEquals(25, r.fps());
        double[] gt = s.groundTruth();
        double[] rg = r.groundTruth();
        for (int i = 0; i < r.frames(); i++) {
            assertArrayEquals(Arrays.copyOfRange(gt, 2 * i * 51, 2 * i * 51 + 51), Arrays.copyOfRange(rg, i * 51, i * 51 + 51), 0);
        }
        assertArrayEquals(Arrays.copyOfRange(s.keypoints2d(3), 4 * 34, 5 * 34), Arrays.copyOfRange(r.keypoints2d(3), 2 * 34, 3 * 34), 0);
    }

    @Test
    void interpolates60To25AtTheRightTimes() {
        Sequence s = TestData.h36mLike(121, 60);
        Sequence r = s.resample(25);
        assertEquals(51, r.frames()); // 2 s at 25 fps, both ends included
        double[] expected = TestData.motion(51, 25);
        double[] got = r.groundTruth();
        // linear interpolation of a smooth motion sampled at 60 Hz: within a millimetre
        for (int i = 0; i < got.length; i++) {
            assertEquals(expected[i], got[i], 1.0, "value " + i);
        }
        // frames that fall on a 60 Hz sample (every 12 source / 5 target frames) are copied exactly
        assertArrayEquals(java.util.Arrays.copyOfRange(expected, 5 * 51, 6 * 51), java.util.Arrays.copyOfRange(got, 5 * 51, 6 * 51), 1e-9);
    }

    @Test
    void interpolationKeepsMissingKeypointsMissing() {
        Sequence s = TestData.h36mLike(7, 60);
        double[] conf = s.confidences2d(0);
        conf[3 * 17 + 5] = 0; // frame 3, joint 5 unobserved
        Sequence m = s.toBuilder().keypoints2d(s.camera(0).name(), s.keypoints2d(0), conf).build();
        assertTrue(Double.isNaN(m.keypoints2d(0)[(3 * 17 + 5) * 2]), "missing becomes NaN, not (0,0)");
        Sequence r = m.resample(25); // times 0, 2.4, 4.8 source frames
        assertEquals(3, r.frames());
        assertEquals(0, r.confidences2d(0)[17 + 5]); // between 2 and 3: missing
        assertTrue(Double.isNaN(r.keypoints2d(0)[(17 + 5) * 2]));
        assertEquals(1, r.confidences2d(0)[17 + 4]);
        assertEquals(1, m.missing2d(0));
    }

    @Test
    void windowsCutFramesAndShiftTheStartTime() {
        Sequence s = TestData.h36mLike(50, 50);
        Sequence w = s.window(10, 20);
        assertEquals(20, w.frames());
        assertEquals(0.2, w.startTime(), 1e-12);
        assertArrayEquals(Arrays.copyOfRange(s.groundTruth(), 10 * 51, 30 * 51), w.groundTruth(), 0);
        assertThrows(IllegalArgumentException.class, () -> s.window(40, 11));
        assertSame(s, s.resample(50));
    }

    @Test
    void pointAccessorsAndRangeCopiesMatchTheArrays() {
        Sequence s = TestData.h36mLike(6, 50).toBuilder().keypoints3d(TestData.motion(6, 50)).build();
        double[] xy = s.keypoints2d(2);
        double[] gt = s.groundTruth();
        assertEquals(xy[(4 * 17 + 9) * 2 + 1], s.keypoint2d(2, 4, 9, 1));
        assertEquals(1.0, s.confidence2d(2, 4, 9));
        assertEquals(gt[(5 * 17 + 16) * 3 + 2], s.groundTruth(5, 16, 2));
        assertEquals(gt[3], s.keypoint3d(0, 1, 0));
        double[] xyOut = new double[3 + 2 * 17 * 2];
        double[] cOut = new double[2 * 17];
        s.copyKeypoints2d(2, 3, 2, xyOut, 3, cOut, 0);
        assertArrayEquals(Arrays.copyOfRange(xy, 3 * 34, 5 * 34), Arrays.copyOfRange(xyOut, 3, xyOut.length), 0);
        assertThrows(IllegalArgumentException.class, () -> s.copyKeypoints2d(2, 5, 2, xyOut, 0, cOut, 0));
    }

    @Test
    void mapJointsToCocoLeavesEyesMissing() {
        Sequence c = TestData.h36mLike(3, 50).mapJoints(JointMap.H36M17_TO_COCO17);
        assertEquals(Skeleton.COCO_17, c.skeleton());
        assertEquals(0, c.confidences2d(0)[1]);
        assertEquals(3 * 4, Sequence.missing3d(c.groundTruth()));
    }

    @Test
    void badInputGivesOneClearError() {
        double[] gt = TestData.motion(4, 50);
        assertMessage(() -> Sequence.builder("s", 0, Skeleton.H36M_17, 4, UpAxis.Z), "fps");
        assertMessage(() -> Sequence.builder("s", 50, Skeleton.H36M_17, 0, UpAxis.Z), "empty");
        assertMessage(() -> Sequence.builder("s", 50, Skeleton.H36M_17, 3, UpAxis.Z).groundTruth(gt).build(), "expected shape (3, 17, 3)");
        double[] inf = gt.clone();
        inf[51 + 3 * 2 + 1] = Double.POSITIVE_INFINITY;
        assertMessage(() -> Sequence.builder("s", 50, Skeleton.H36M_17, 4, UpAxis.Z).groundTruth(inf).build(), "frame 1 joint 2 (RKnee)");
        double[] partial = gt.clone();
        partial[0] = Double.NaN;
        assertMessage(() -> Sequence.builder("s", 50, Skeleton.H36M_17, 4, UpAxis.Z).groundTruth(partial).build(), "frame 0 joint 0 (Hip)");
        assertMessage(() -> Sequence.builder("s", 50, Skeleton.H36M_17, 4, UpAxis.Z).build(), "no keypoints");
        Camera c = org.physrec.datasets.h36m.H36mCameras.of("S9", "60457274");
        double[] far = gt.clone();
        double[] centre = c.centre();
        double[] rot = c.rotation();
        for (int k = 0; k < 3; k++) {
            far[2 * 51 + 3 * 16 + k] = centre[k] - 500 * rot[6 + k]; // frame 2, RWrist behind the camera
        }
        assertMessage(() -> Sequence.builder("s", 50, Skeleton.H36M_17, 4, UpAxis.Z).camera(c).groundTruth(far).build(),
                "camera 60457274: field 'ground_truth' frame 2 joint 16 (RWrist) is behind the camera");
        assertMessage(() -> Sequence.builder("s", 50, Skeleton.H36M_17, 4, UpAxis.Z).camera(c)
                .keypoints2d("123", new double[4 * 34], new double[4 * 17]), "unknown camera id '123'");
        double[] xy = new double[4 * 34];
        double[] conf = new double[4 * 17];
        Arrays.fill(conf, 1);
        xy[2 * (17 + 3)] = Double.NaN;
        assertMessage(() -> Sequence.builder("s", 50, Skeleton.H36M_17, 4, UpAxis.Z).camera(c)
                .keypoints2d(c.name(), xy, conf).build(), "frame 1 joint 3 (RFoot): non-finite pixel");
        conf[2 * 17 + 1] = -0.5;
        xy[2 * (17 + 3)] = 1;
        assertMessage(() -> Sequence.builder("s", 50, Skeleton.H36M_17, 4, UpAxis.Z).camera(c)
                .keypoints2d(c.name(), xy, conf).build(), "frame 2 joint 1 (RHip): confidence must be finite and >= 0");
    }

    static void assertMessage(org.junit.jupiter.api.function.Executable e, String part) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
        assertTrue(ex.getMessage().contains(part), () -> "message '" + ex.getMessage() + "' lacks '" + part + "'");
    }
}
