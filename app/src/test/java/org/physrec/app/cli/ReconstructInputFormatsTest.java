package org.physrec.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.physrec.app.CliRun;
import org.physrec.app.synth.SynthSettings;
import org.physrec.app.synth.Synthesizer;
import org.physrec.datasets.DataRoot;
import org.physrec.datasets.Sequence;
import org.physrec.datasets.fixtures.Fixtures;
import org.physrec.datasets.io.PhysrecCsv;
import org.physrec.datasets.io.PhysrecJson;

/**
 * {@code physrec reconstruct} on every input {@code physrec data info} reads, and on 2D-only
 * multi-camera input (triangulated). Short runs (few iterations): these check the wiring and
 * the messages; reconstruction quality is measured elsewhere.
 */
class ReconstructInputFormatsTest {

    private static final String[] QUICK = {"--iterations", "2", "--window", "8", "--overlap", "2"};

    @TempDir
    Path tmp;

    private static CliRun reconstruct(Path input, Path out, String... more) {
        String[] args = new String[4 + QUICK.length + more.length];
        args[0] = "reconstruct";
        args[1] = input.toString();
        args[2] = "--out";
        args[3] = out.toString();
        System.arraycopy(QUICK, 0, args, 4, QUICK.length);
        System.arraycopy(more, 0, args, 4 + QUICK.length, more.length);
        return CliRun.run(args);
    }

    private static JsonNode json(Path f) throws Exception {
        return new ObjectMapper().readTree(f.toFile());
    }

    @Test
    void realAistppFolderIsReconstructedFromItsCoco3dKeypoints() throws Exception {
        Path root = DataRoot.find().map(p -> p.resolve("aistpp")).orElse(null);
        assumeTrue(root != null && Files.isDirectory(root), "shared/data/aistpp not found");
        Path out = tmp.resolve("aist");
        // default optimizer settings: the quality check below needs the full 30 iterations
        CliRun r = CliRun.run("reconstruct", root.toString(), "--out", out.toString(), "--aist-setting", "setting1",
                "--frames", "0:60");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("ground truth used as the 3D input"), r.err());
        assertTrue(r.err().contains("25 frames at 25 fps"), r.err());
        JsonNode m = json(out.resolve("metrics.json"));
        assertFalse(m.get("per_joint_mpjpe").has("Spine"), "COCO-17 has no Spine: not measured");
        assertEquals(16, m.get("per_joint_mpjpe").size());
        double mpjpe = m.get("metrics").get("mpjpe").asDouble();
        // measured 115 mm (the same motion from the H36M-17 file, with a Spine: 39 mm)
        assertTrue(mpjpe > 0 && mpjpe < 150, "MPJPE against the input itself: " + mpjpe);
        assertTrue(Files.isRegularFile(out.resolve("trajectory.json")));
    }

    @Test
    void aistppWithoutASettingNamesTheFixAndWritesNothing() throws Exception {
        Path root = DataRoot.find().map(p -> p.resolve("aistpp")).orElse(null);
        assumeTrue(root != null && Files.isDirectory(root), "shared/data/aistpp not found");
        Path out = tmp.resolve("none");
        CliRun r = reconstruct(root, out);
        assertEquals(1, r.code());
        assertTrue(r.err().contains("mapping.txt") && r.err().contains("setting"), r.err());
        assertFalse(Files.exists(out.resolve("trajectory.json")));
    }

    @Test
    void videoPose3dNeedsASequenceAndTriangulatesItsFourCameras() throws Exception {
        Path dir = tmp.resolve("vp3d");
        Files.createDirectories(dir);
        Fixtures.videoPose3d(dir);
        Path npz = dir.resolve("data_3d_h36m.npz");
        CliRun usage = reconstruct(npz, tmp.resolve("o1"));
        assertEquals(2, usage.code(), usage.err());
        assertTrue(usage.err().contains("holds 6 sequences") && usage.err().contains("--sequence"), usage.err());
        CliRun bad = reconstruct(npz, tmp.resolve("o2"), "--sequence", "S9/Dancing");
        assertEquals(2, bad.code(), bad.err());
        assertTrue(bad.err().contains("--sequence") && bad.err().contains("Dancing"), bad.err());
        Path out = tmp.resolve("o3");
        CliRun r = reconstruct(npz, out, "--sequence", "S9/Walking");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("triangulated from the 2D keypoints of 4 cameras"), r.err());
        assertTrue(Files.isRegularFile(out.resolve("metrics.json")));
    }

    @Test
    void human36mReleaseWithTwoCamerasOf2dIsTriangulated() throws Exception {
        Path root = tmp.resolve("h36m");
        Fixtures.h36mRelease(root, 40, 2);
        Path out = tmp.resolve("out");
        CliRun r = reconstruct(root, out);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("triangulated from the 2D keypoints of 2 cameras"), r.err());
        assertTrue(Files.isRegularFile(out.resolve("trajectory.json")));
    }

    @Test
    void physrecCsvIsRead() throws Exception {
        var dir = DataRoot.motion();
        assumeTrue(dir.isPresent(), "shared motion data not found");
        Sequence s = PhysrecJson.read(dir.get().resolve("cmu_131_01_start_walk_stop.json")).resample(25).window(20, 12);
        Path f = tmp.resolve("walk.csv");
        PhysrecCsv.write(Synthesizer.synthesize(s, SynthSettings.defaults(3)), f);
        CliRun r = reconstruct(f, tmp.resolve("out"));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("3D estimate ('keypoints3d')"), r.err());
    }

    /** The synthesized 2D keypoints of the file's cameras without the 3D estimate. */
    private static Sequence twoDOnly(Sequence synth, int cameras) {
        Sequence.Builder b = Sequence.builder(synth.id(), synth.fps(), synth.skeleton(), synth.frames(), synth.upAxis());
        for (int c = 0; c < cameras; c++) {
            b.camera(synth.camera(c));
            b.keypoints2d(synth.camera(c).name(), synth.keypoints2d(c), synth.confidences2d(c));
        }
        return b.build();
    }

    @Test
    void twoDOnlyMultiCameraInputIsTriangulatedAndReconstructed() throws Exception {
        var dir = DataRoot.motion();
        assumeTrue(dir.isPresent(), "shared motion data not found");
        Sequence gt = PhysrecJson.read(dir.get().resolve("cmu_131_01_start_walk_stop.json")).resample(25).window(20, 16);
        Sequence synth = Synthesizer.synthesize(gt, SynthSettings.defaults(4));
        Sequence in = twoDOnly(synth, synth.cameras().size()).toBuilder().groundTruth(gt.groundTruth()).build();
        Path f = tmp.resolve("multi2d.json");
        PhysrecJson.write(in, f);
        Path out = tmp.resolve("out");
        CliRun r = reconstruct(f, out);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("triangulated from the 2D keypoints of " + synth.cameras().size() + " cameras"),
                r.err());
        JsonNode kin = json(out.resolve("metrics_kinematic_input.json"));
        // triangulated synth 2D (2 px noise, 4 views) is far better than a monocular 3D estimate
        assertTrue(kin.get("metrics").get("mpjpe").asDouble() < 30, "triangulated input MPJPE " + kin.get("metrics").get("mpjpe"));
        double rec = json(out.resolve("metrics.json")).get("metrics").get("mpjpe").asDouble();
        assertTrue(rec < 120, "reconstruction MPJPE " + rec);
    }

    @Test
    void oneCamera2dOnlyIsAClearErrorAboutMonocularLifting() throws Exception {
        var dir = DataRoot.motion();
        assumeTrue(dir.isPresent(), "shared motion data not found");
        Sequence gt = PhysrecJson.read(dir.get().resolve("cmu_131_01_start_walk_stop.json")).resample(25).window(20, 12);
        Path f = tmp.resolve("mono.json");
        PhysrecJson.write(twoDOnly(Synthesizer.synthesize(gt, SynthSettings.defaults(5)), 1), f);
        Path out = tmp.resolve("out");
        CliRun r = reconstruct(f, out);
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("only one camera") && r.err().contains("monocular"), r.err());
        assertFalse(Files.exists(out.resolve("trajectory.json")));
    }

    @Test
    void aistppFixtureWithThreeViewsOfCoco2dIsTriangulated() throws Exception {
        Path root = tmp.resolve("aist");
        Fixtures.aist(root, "gLH_sBM_cAll_d18_mLH5_ch07", 60, 3);
        Path out = tmp.resolve("out");
        CliRun r = reconstruct(root, out);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("triangulated from the 2D keypoints of 3 cameras"), r.err());
        // COCO has no Spine: one point per frame is left to the bone fit's trunk ratio
        assertTrue(r.err().contains("25 seen by fewer than 2 confident cameras"), r.err());
        assertTrue(Files.isRegularFile(out.resolve("trajectory.json")));
    }

    @Test
    void openPoseFolderIsReadAndOneCameraIsTheMonocularError() throws Exception {
        var dir = DataRoot.motion();
        assumeTrue(dir.isPresent(), "shared motion data not found");
        Path cal = dir.get().resolve("cmu_131_01_start_walk_stop.json");
        Path folder = tmp.resolve("openpose");
        Files.createDirectories(folder);
        for (int t = 0; t < 12; t++) {
            StringBuilder sb = new StringBuilder("{\"version\":1.3,\"people\":[{\"pose_keypoints_2d\":[");
            for (int j = 0; j < 25; j++) {
                sb.append(j == 0 ? "" : ",").append(400 + 7 * j + t).append(',').append(300 + 11 * j).append(",0.8");
            }
            Files.writeString(folder.resolve(String.format("clip_%012d_keypoints.json", t)), sb.append("]}]}").toString());
        }
        CliRun noFps = reconstruct(folder, tmp.resolve("o1"));
        assertEquals(1, noFps.code(), noFps.err());
        assertTrue(noFps.err().contains("fps") && noFps.err().contains("camera"), noFps.err());
        Path out = tmp.resolve("o2");
        CliRun r = reconstruct(folder, out, "--input-fps", "25", "--camera", cal.toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("only one camera") && r.err().contains("monocular"), r.err());
        assertFalse(Files.exists(out.resolve("trajectory.json")));
    }

    @Test
    void aFrameWithTooFewTriangulatedJointsSaysWhy() throws Exception {
        var dir = DataRoot.motion();
        assumeTrue(dir.isPresent(), "shared motion data not found");
        Sequence gt = PhysrecJson.read(dir.get().resolve("cmu_131_01_start_walk_stop.json")).resample(25).window(20, 12);
        Sequence two = twoDOnly(Synthesizer.synthesize(gt, SynthSettings.defaults(6)), 2);
        Sequence.Builder b = Sequence.builder(two.id(), two.fps(), two.skeleton(), two.frames(), two.upAxis());
        for (int c = 0; c < 2; c++) {
            double[] px = two.keypoints2d(c);
            double[] cf = two.confidences2d(c);
            if (c == 1) {
                for (int j = 0; j < 17; j++) { // the second camera loses the subject in frame 5
                    cf[5 * 17 + j] = 0;
                    px[(5 * 17 + j) * 2] = Double.NaN;
                    px[(5 * 17 + j) * 2 + 1] = Double.NaN;
                }
            }
            b.camera(two.camera(c)).keypoints2d(two.camera(c).name(), px, cf);
        }
        Path f = tmp.resolve("gap.json");
        PhysrecJson.write(b.build(), f);
        Path out = tmp.resolve("out");
        CliRun r = reconstruct(f, out);
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("frame 5 has only 0 of 17 3D keypoints")
                && r.err().contains("triangulated from the 2D keypoints of 2 cameras")
                && r.err().contains("seen by fewer than 2 confident cameras"), r.err());
        assertFalse(Files.exists(out.resolve("trajectory.json")));
    }
}
