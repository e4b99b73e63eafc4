package org.physrec.app.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BvhTest {

    static final int J = 17;

    /** World positions (T x 17 x 3) of the written BVH, by forward kinematics of the parsed file. */
    static double[] positionsFromBvh(BvhFile bvh) {
        int[] index = H36mBvh.bvhIndexOfH36m();
        double[] fk = new double[bvh.names().size() * 3];
        double[] out = new double[bvh.frames() * J * 3];
        double[] w = new double[3];
        for (int t = 0; t < bvh.frames(); t++) {
            bvh.forwardKinematics(t, fk);
            for (int j = 0; j < J; j++) {
                H36mBvh.bvhToWorld(fk, 3 * index[j], w);
                System.arraycopy(w, 0, out, (t * J + j) * 3, 3);
            }
        }
        return out;
    }

    /** Largest angle-free deviation |u_bvh - u_input| over all frames and bones of unit bone directions. */
    static double maxDirectionError(double[] a, double[] b, int frames) {
        double worst = 0;
        for (int t = 0; t < frames; t++) {
            for (int j = 1; j < J; j++) {
                double[] ua = unit(a, t, j);
                double[] ub = unit(b, t, j);
                for (int c = 0; c < 3; c++) {
                    worst = Math.max(worst, Math.abs(ua[c] - ub[c]));
                }
            }
        }
        return worst;
    }

    static double[] unit(double[] p, int t, int j) {
        int a = (t * J + j) * 3;
        int b = (t * J + H36mBvh.H36M_PARENTS[j]) * 3;
        double[] d = {p[a] - p[b], p[a + 1] - p[b + 1], p[a + 2] - p[b + 2]};
        double n = Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
        return new double[] {d[0] / n, d[1] / n, d[2] / n};
    }

    static double maxAbsDiff(double[] a, double[] b) {
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            worst = Math.max(worst, Math.abs(a[i] - b[i]));
        }
        return worst;
    }

    /** The clip with every bone rescaled to its median length (a rigid skeleton), same directions. */
    static double[] rigidified(double[] joints, int frames) {
        double[] bvhSpace = new double[joints.length];
        double[] v = new double[3];
        for (int i = 0; i < joints.length; i += 3) {
            H36mBvh.worldToBvh(joints, i, v);
            System.arraycopy(v, 0, bvhSpace, i, 3);
        }
        double[] len = H36mBvh.medianBoneLengths(bvhSpace, frames);
        double[] out = joints.clone();
        for (int t = 0; t < frames; t++) {
            for (int j = 1; j < J; j++) { // parents come before children in H36M-17
                double[] u = unit(joints, t, j);
                int a = (t * J + j) * 3;
                int b = (t * J + H36mBvh.H36M_PARENTS[j]) * 3;
                for (int c = 0; c < 3; c++) {
                    out[a + c] = out[b + c] + len[j] * u[c];
                }
            }
        }
        return out;
    }

    @Test
    void realClipsRoundTripThroughTheWrittenFile(@TempDir Path dir) throws IOException {
        for (Path f : MotionClip.files()) {
            MotionClip clip = MotionClip.read(f);
            BvhFile bvh = H36mBvh.fromJoints(clip.fps(), clip.joints(), clip.frames());
            Path out = dir.resolve(clip.name() + ".bvh");
            bvh.write(out, 6);
            BvhFile back = BvhFile.read(out);
            assertEquals(clip.frames(), back.frames());
            assertEquals(1 / clip.fps(), back.frameTime(), 1e-9);
            double[] fk = positionsFromBvh(back);
            double dirErr = maxDirectionError(fk, clip.joints(), clip.frames());
            assertTrue(dirErr < 1e-6, clip.name() + ": bone direction error " + dirErr);
            for (int t = 0; t < clip.frames(); t++) { // root translation is written directly
                for (int c = 0; c < 3; c++) {
                    assertEquals(clip.joints()[t * J * 3 + c], fk[t * J * 3 + c], 1e-6);
                }
            }
        }
    }

    @Test
    void rigidSkeletonPositionsAreReproduced(@TempDir Path dir) throws IOException {
        MotionClip clip = MotionClip.load("cmu_martial_04");
        double[] rigid = rigidified(clip.joints(), clip.frames());
        H36mBvh.fromJoints(clip.fps(), rigid, clip.frames()).write(dir.resolve("r.bvh"), 6);
        double[] fk = positionsFromBvh(BvhFile.read(dir.resolve("r.bvh")));
        double err = maxAbsDiff(fk, rigid);
        assertTrue(err < 1e-4, "max position error " + err + " mm");
        // the original (non-rigid) clip differs from its BVH only by bone-length changes
        double[] fkOrig = positionsFromBvh(H36mBvh.fromJoints(clip.fps(), clip.joints(), clip.frames()));
        assertTrue(maxAbsDiff(fkOrig, rigid) < 1e-6, "BVH of the raw clip equals the rigidified clip");
    }

    /** T-pose in world coordinates matching the BVH rest pose, facing -y (BVH +z), root at z = 1000. */
    static double[] tPose() {
        double[][] p = new double[J][];
        p[0] = new double[] {0, 0, 1000};
        p[1] = new double[] {-100, 0, 1000};
        p[2] = new double[] {-100, 0, 600};
        p[3] = new double[] {-100, 0, 150};
        p[4] = new double[] {100, 0, 1000};
        p[5] = new double[] {100, 0, 600};
        p[6] = new double[] {100, 0, 150};
        p[7] = new double[] {0, 0, 1250};
        p[8] = new double[] {0, 0, 1500};
        p[9] = new double[] {0, 0, 1600};
        p[10] = new double[] {0, 0, 1700};
        p[11] = new double[] {150, 0, 1500};
        p[12] = new double[] {400, 0, 1500};
        p[13] = new double[] {650, 0, 1500};
        p[14] = new double[] {-150, 0, 1500};
        p[15] = new double[] {-400, 0, 1500};
        p[16] = new double[] {-650, 0, 1500};
        double[] out = new double[J * 3];
        for (int j = 0; j < J; j++) {
            System.arraycopy(p[j], 0, out, 3 * j, 3);
        }
        return out;
    }

    @Test
    void restPoseHasZeroRotationsAndHandComputedOffsets() {
        BvhFile bvh = H36mBvh.fromJoints(25, tPose(), 1);
        double[] m = bvh.motion();
        assertEquals(0.0, m[0], 0.0);
        assertEquals(1000.0, m[1], 0.0); // world z -> BVH y
        for (int i = 3; i < m.length; i++) {
            assertEquals(0.0, m[i], 1e-12, "channel " + i);
        }
        int rknee = bvh.indexOf("RKnee");
        assertEquals(0.0, bvh.offsets()[3 * rknee], 0.0);
        assertEquals(-400.0, bvh.offsets()[3 * rknee + 1], 1e-12);
        assertEquals(-250.0 * 0.25, bvh.endSites()[3 * bvh.indexOf("LWrist")] * -1, 1e-12);
        assertEquals(21, bvh.names().size());
        assertEquals(6 + 20 * 3, bvh.channelCount());
    }

    @Test
    void turningAboutTheVerticalIsARootYRotation() {
        double[] pose = tPose();
        double[] turned = new double[pose.length];
        double a = Math.toRadians(90);
        for (int j = 0; j < J; j++) { // rotate by +90 deg about world z
            double x = pose[3 * j], y = pose[3 * j + 1];
            turned[3 * j] = Math.cos(a) * x - Math.sin(a) * y;
            turned[3 * j + 1] = Math.sin(a) * x + Math.cos(a) * y;
            turned[3 * j + 2] = pose[3 * j + 2];
        }
        double[] m = H36mBvh.fromJoints(25, turned, 1).motion();
        assertEquals(0.0, m[3], 1e-9); // Zrotation
        assertEquals(0.0, m[4], 1e-9); // Xrotation
        assertEquals(90.0, m[5], 1e-9); // Yrotation
        for (int i = 6; i < m.length; i++) {
            assertEquals(0.0, m[i], 1e-9, "channel " + i);
        }
    }

    @Test
    void bentElbowIsAHandComputedLocalRotation() {
        double[] pose = tPose();
        // left forearm pointing forward (world -y, BVH +z): 90 deg about BVH y from +x (Ry maps x -> -z, so -90)
        pose[13 * 3] = 400;
        pose[13 * 3 + 1] = -250;
        BvhFile bvh = H36mBvh.fromJoints(25, pose, 1);
        int elbow = bvh.indexOf("LElbow");
        int k = 6 + 3 * (elbow - 1);
        assertEquals(0.0, bvh.motion()[k], 1e-9);
        assertEquals(0.0, bvh.motion()[k + 1], 1e-9);
        assertEquals(-90.0, bvh.motion()[k + 2], 1e-9);
    }

    @Test
    void anglesAreUnwrappedAcrossFrames() {
        int frames = 40;
        double[] clip = new double[frames * J * 3];
        double[] pose = tPose();
        for (int t = 0; t < frames; t++) { // one full turn and a bit about the vertical
            double a = Math.toRadians(10.0 * t);
            for (int j = 0; j < J; j++) {
                double x = pose[3 * j], y = pose[3 * j + 1];
                int k = (t * J + j) * 3;
                clip[k] = Math.cos(a) * x - Math.sin(a) * y;
                clip[k + 1] = Math.sin(a) * x + Math.cos(a) * y;
                clip[k + 2] = pose[3 * j + 2];
            }
        }
        BvhFile bvh = H36mBvh.fromJoints(25, clip, frames);
        int c = bvh.channelCount();
        for (int t = 0; t < frames; t++) {
            assertEquals(10.0 * t, bvh.motion()[t * c + 5], 1e-9, "frame " + t);
        }
    }

    @Test
    void badInputIsRejectedWithFrameAndBone() {
        double[] two = new double[2 * J * 3];
        System.arraycopy(tPose(), 0, two, 0, J * 3);
        System.arraycopy(tPose(), 0, two, J * 3, J * 3);
        two[(J + 12) * 3] = two[(J + 11) * 3]; // frame 1: elbow on the shoulder
        two[(J + 12) * 3 + 1] = two[(J + 11) * 3 + 1];
        two[(J + 12) * 3 + 2] = two[(J + 11) * 3 + 2];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> H36mBvh.fromJoints(25, two, 2));
        assertTrue(e.getMessage().contains("frame 1") && e.getMessage().contains("LShoulder -> LElbow"), e.getMessage());
        two[5] = Double.NaN;
        e = assertThrows(IllegalArgumentException.class, () -> H36mBvh.fromJoints(25, two, 2));
        assertTrue(e.getMessage().contains("frame 0, joint 1"), e.getMessage());
    }

    @Test
    void malformedFileNamesTheLine(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("bad.bvh");
        Files.writeString(f, "HIERARCHY\nROOT Hip\n{\n  OFFSET 0 0 0\n  CHANNELS 3 Xposition Yposition Wrotation\n}\n");
        IOException e = assertThrows(IOException.class, () -> BvhFile.read(f));
        assertTrue(e.getMessage().contains("line 5") && e.getMessage().contains("Wrotation"), e.getMessage());
        Files.writeString(f, "HIERARCHY\nROOT Hip\n{\n  OFFSET 0 0 0\n  CHANNELS 3 Xposition Yposition Zposition\n}\n"
                + "MOTION\nFrames: 2\nFrame Time: 0.04\n1 2 3\n");
        e = assertThrows(IOException.class, () -> BvhFile.read(f));
        assertTrue(e.getMessage().contains("1 frame rows"), e.getMessage());
    }
}
