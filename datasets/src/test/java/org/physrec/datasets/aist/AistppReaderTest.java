package org.physrec.datasets.aist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.physrec.datasets.Camera;
import org.physrec.datasets.DataFormatException;
import org.physrec.datasets.JointMap;
import org.physrec.datasets.Sequence;
import org.physrec.datasets.Skeleton;
import org.physrec.datasets.TestData;
import org.physrec.datasets.UpAxis;
import org.physrec.datasets.fixtures.Fixtures;
import org.physrec.datasets.fixtures.PickleWriter;
import org.physrec.datasets.io.PhysrecJson;

class AistppReaderTest {

    static final String NAME = "gBR_sBM_cAll_d04_mBR0_ch03";

    @TempDir
    Path tmp;

    @Test
    void realSampleMatchesTheConvertedMotionFile() throws IOException {
        Path root = TestData.root();
        AistppReader r = new AistppReader(root.resolve("aistpp"));
        assertEquals(List.of(NAME), r.sequences());
        Sequence s = r.load(NAME, "setting1");
        assertEquals(720, s.frames());
        assertEquals(60, s.fps());
        assertEquals(Skeleton.COCO_17, s.skeleton());
        assertEquals(UpAxis.Z, s.upAxis());
        assertEquals(9, s.cameras().size());
        // the shared motion file holds the same motion converted independently (mm, z up, rounded to 0.1 mm)
        Sequence ref = PhysrecJson.read(root.resolve("motion").resolve("aistpp_" + NAME + ".json"));
        double[] gt = s.groundTruth();
        com.fasterxml.jackson.databind.JsonNode raw = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(root.resolve("motion").resolve("aistpp_" + NAME + ".json").toFile()).get("coco17_joints");
        for (int t = 0; t < 720; t += 37) {
            for (int j = 0; j < 17; j++) {
                for (int d = 0; d < 3; d++) {
                    assertEquals(raw.get(t).get(j).get(d).asDouble(), gt[(t * 17 + j) * 3 + d], 0.051, "frame " + t + " joint " + j);
                }
            }
        }
        // its cameras equal those of the motion file (which carries setting1 in mm, z up)
        for (int c = 0; c < 9; c++) {
            Camera a = s.camera(c);
            Camera b = ref.camera(c);
            assertEquals(b.name(), a.name());
            assertArrayEquals(b.rotation(), a.rotation(), 1e-6);
            assertArrayEquals(b.translation(), a.translation(), 1e-3);
            double[] pa = new double[2];
            double[] pb = new double[2];
            a.project(gt, 0, pa, 0);
            b.project(gt, 0, pb, 0);
            assertArrayEquals(pb, pa, 1e-3);
        }
        // mapped to H36M-17, the limb joints equal the motion file's ground truth
        double[] h = s.mapJoints(JointMap.COCO17_TO_H36M17).groundTruth();
        double[] refGt = ref.groundTruth();
        for (int j : JointMap.H36M17_SHARED_LIMB_JOINTS) {
            assertEquals(refGt[3 * j + 2], h[3 * j + 2], 0.051);
        }
    }

    @Test
    void syntheticReleaseRoundTripsThroughPickles() throws IOException {
        String name = "gLH_sBM_cAll_d18_mLH5_ch07";
        double[] cm = Fixtures.aist(tmp, name, 30);
        AistppReader r = new AistppReader(tmp);
        assertEquals("setting1", r.settingOf("gLH_sBM_c04_d18_mLH5_ch07").orElseThrow());
        Sequence s = r.load("gLH_sBM_c04_d18_mLH5_ch07");
        assertEquals("c04", s.metadata().get("view"));
        assertEquals(30, s.frames());
        double[] gt = s.groundTruth();
        for (int i = 0; i < gt.length; i += 3) {
            assertEquals(10 * cm[i], gt[i], 1e-9);
            assertEquals(-10 * cm[i + 2], gt[i + 1], 1e-9);
            assertEquals(10 * cm[i + 1], gt[i + 2], 1e-9);
        }
        // 2D keypoints are the (float32) projections of the ground truth through the converted cameras
        for (int c = 0; c < 3; c++) {
            double[] uv = s.camera(c).projectAll(gt);
            double[] xy = s.keypoints2d(c);
            double[] conf = s.confidences2d(c);
            for (int i = 0; i < conf.length; i++) {
                if (c == 1 && i == 2 * 17 + 3) {
                    assertEquals(0, conf[i], "NaN in the release = not detected = confidence 0");
                    assertTrue(Double.isNaN(xy[2 * i]));
                    continue;
                }
                assertTrue(conf[i] >= 0.5 && conf[i] <= 1.0);
                assertEquals(uv[2 * i], xy[2 * i], 1e-3);
                assertEquals(uv[2 * i + 1], xy[2 * i + 1], 1e-3);
            }
        }
        assertEquals(1, s.missing2d(1));
    }

    @Test
    void badReleaseFilesGiveClearErrors() throws IOException {
        String name = "gBR_sBM_cAll_d04_mBR0_ch01";
        Fixtures.aist(tmp, name, 10);
        Path k3 = tmp.resolve("keypoints3d").resolve(name + ".pkl");
        byte[] good = Files.readAllBytes(k3);
        Files.write(k3, java.util.Arrays.copyOf(good, good.length / 2));
        DataFormatException e = assertThrows(DataFormatException.class, () -> new AistppReader(tmp).load(name, "setting1"));
        assertTrue(e.getMessage().startsWith(k3.toString()) && e.getMessage().contains("truncated or corrupt"), e.getMessage());

        double[] wrong = new double[10 * 16 * 3];
        Files.write(k3, PickleWriter.dumps(Map.of("keypoints3d", new PickleWriter.Array(wrong, new int[] {10, 16, 3}, "f8"))));
        e = assertThrows(DataFormatException.class, () -> new AistppReader(tmp).load(name, "setting1"));
        assertTrue(e.getMessage().contains("field 'keypoints3d': expected shape (frames, 17, 3) (COCO-17), got [10, 16, 3]"), e.getMessage());

        double[] nan = new double[10 * 17 * 3];
        nan[(4 * 17 + 9) * 3 + 1] = Double.NaN;
        Files.write(k3, PickleWriter.dumps(Map.of("keypoints3d", new PickleWriter.Array(nan, new int[] {10, 17, 3}, "f8"))));
        e = assertThrows(DataFormatException.class, () -> new AistppReader(tmp).load(name, "setting1"));
        assertTrue(e.getMessage().contains("field 'keypoints3d' frame 4 joint 9 (left_wrist): value is NaN"), e.getMessage());

        Files.write(k3, PickleWriter.dumps(Map.of("keypoints3d", new PickleWriter.Array(new double[0], new int[] {0, 17, 3}, "f8"))));
        Files.delete(tmp.resolve("keypoints2d").resolve(name + ".pkl"));
        e = assertThrows(DataFormatException.class, () -> new AistppReader(tmp).load(name, "setting1"));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());

        Path setting = tmp.resolve("cameras").resolve("setting1.json");
        Files.writeString(setting, Files.readString(setting).replaceFirst("\"rotation\": \\[[^]]*\\]", "\"rotation\": [1, 2]"));
        e = assertThrows(DataFormatException.class, () -> AistppReader.readCameras(setting));
        assertTrue(e.getMessage().contains("[0] (c01).rotation': expected 3 numbers, got 2"), e.getMessage());

        assertThrows(java.nio.file.NoSuchFileException.class, () -> new AistppReader(tmp).load(name, "setting9"));
        e = assertThrows(DataFormatException.class, () -> new AistppReader(tmp).load("gXX_sBM_cAll_d01_mXX0_ch01"));
        assertTrue(e.getMessage().contains("mapping.txt") && e.getMessage().contains("no camera setting"), e.getMessage());
    }

    @Test
    void missingCamerasAreReported() throws IOException {
        String name = "gBR_sBM_cAll_d04_mBR0_ch01";
        Fixtures.aist(tmp, name, 5, 4);
        Path setting = tmp.resolve("cameras").resolve("setting1.json");
        java.util.List<Camera> three = Fixtures.aistCameras(3);
        String json = Files.readString(setting);
        Files.writeString(setting, json.substring(0, json.lastIndexOf(", {\"name\": \"c04\"")) + "]");
        assertEquals(three.size(), AistppReader.readCameras(setting).size());
        DataFormatException e = assertThrows(DataFormatException.class, () -> new AistppReader(tmp).load(name, "setting1"));
        assertTrue(e.getMessage().contains("field 'keypoints2d': 4 views but camera setting1 has 3 cameras"), e.getMessage());
    }

    @Test
    void cameraBehindTheSubjectIsRejected() throws IOException {
        String name = "gBR_sBM_cAll_d04_mBR0_ch01";
        Fixtures.aist(tmp, name, 5);
        Path setting = tmp.resolve("cameras").resolve("setting1.json");
        // flip the first camera's translation so the subject ends up behind it
        String json = Files.readString(setting);
        int at = json.indexOf("\"translation\": [") + 16;
        int end = json.indexOf(']', at);
        String[] t = json.substring(at, end).split(",");
        String flipped = (-Double.parseDouble(t[0].trim())) + ", " + (-Double.parseDouble(t[1].trim())) + ", "
                + (-Double.parseDouble(t[2].trim()) - 2000);
        Files.writeString(setting, json.substring(0, at) + flipped + json.substring(end));
        DataFormatException e = assertThrows(DataFormatException.class, () -> new AistppReader(tmp).load(name, "setting1"));
        assertTrue(e.getMessage().contains("camera c01") && e.getMessage().contains("behind the camera"), e.getMessage());
    }
}
