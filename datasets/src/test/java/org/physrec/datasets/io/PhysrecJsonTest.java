package org.physrec.datasets.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.physrec.datasets.Camera;
import org.physrec.datasets.DataFormatException;
import org.physrec.datasets.Sequence;
import org.physrec.datasets.Skeleton;
import org.physrec.datasets.TestData;
import org.physrec.datasets.UpAxis;

class PhysrecJsonTest {

    @TempDir
    Path tmp;

    static List<Path> motionFiles() throws IOException {
        Path dir = TestData.root().resolve("motion");
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".json") && !p.getFileName().toString().equals("index.json")).sorted().toList();
        }
    }

    @Test
    void everySharedMotionFileLoadsWithItsCamerasAndProjectionChecks() throws IOException {
        List<Path> files = motionFiles();
        assertTrue(files.size() >= 5);
        ObjectMapper om = new ObjectMapper();
        for (Path f : files) {
            Sequence s = PhysrecJson.read(f);
            JsonNode raw = om.readTree(f.toFile());
            assertEquals(Skeleton.H36M_17, s.skeleton());
            assertEquals(UpAxis.Z, s.upAxis());
            assertEquals(raw.get("joints").size(), s.frames());
            assertEquals(raw.get("fps").asDouble(), s.fps());
            assertEquals(raw.get("cameras").size(), s.cameras().size());
            // the projection_check pixels, recomputed here independently of the reader's own check
            double[] gt = s.groundTruth();
            for (int c = 0; c < s.cameras().size(); c++) {
                JsonNode uv = raw.get("cameras").get(c).get("projection_check").get("uv");
                Camera cam = s.camera(c);
                double[] p = new double[2];
                for (int j = 0; j < 17; j++) {
                    cam.project(gt, 3 * j, p, 0);
                    assertEquals(uv.get(j).get(0).asDouble(), p[0], 0.05, f.getFileName() + " " + cam.name() + " joint " + j);
                    assertEquals(uv.get(j).get(1).asDouble(), p[1], 0.05, f.getFileName() + " " + cam.name() + " joint " + j);
                }
            }
        }
    }

    @Test
    void writeThenReadIsLossless() throws IOException {
        Sequence s = TestData.h36mLike(30, 50);
        double[] conf = s.confidences2d(1);
        conf[40] = 0;
        conf[41] = 0.25;
        s = s.toBuilder().keypoints2d(s.camera(1).name(), s.keypoints2d(1), conf).keypoints3d(TestData.motion(30, 50))
                .metadata("subject", "S9").build();
        Path f = tmp.resolve("out.json");
        PhysrecJson.write(s, f);
        Sequence r = PhysrecJson.read(f);
        assertEquals(s.frames(), r.frames());
        assertArrayEquals(s.groundTruth(), r.groundTruth(), 0);
        assertArrayEquals(s.keypoints3d(), r.keypoints3d(), 0);
        for (int c = 0; c < 4; c++) {
            assertArrayEquals(s.keypoints2d(c), r.keypoints2d(c), 0);
            assertArrayEquals(s.confidences2d(c), r.confidences2d(c), 0);
            assertArrayEquals(s.camera(c).rotation(), r.camera(c).rotation(), 0);
            assertEquals(s.camera(c).distortion(), r.camera(c).distortion());
        }
        assertEquals("S9", r.metadata().get("subject"));
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(1, left.count(), "no temp file left behind");
        }
    }

    @Test
    void unitsAreConvertedToMillimetres() throws IOException {
        ObjectNode root = minimal();
        root.put("units", "m");
        ((ArrayNode) root.get("joints").get(0).get(0)).set(0, root.numberNode(1.5));
        Sequence s = read(root);
        assertEquals(1500, s.groundTruth()[0], 1e-9);
    }

    private ObjectNode minimal() throws IOException {
        Sequence s = TestData.h36mLike(3, 50);
        Path f = tmp.resolve("min.json");
        PhysrecJson.write(Sequence.builder("m", 50, Skeleton.H36M_17, 3, UpAxis.Z).groundTruth(s.groundTruth())
                .camera(s.camera(3)).keypoints2d(s.camera(3).name(), s.keypoints2d(3), s.confidences2d(3)).build(), f);
        return (ObjectNode) new ObjectMapper().readTree(f.toFile());
    }

    private Sequence read(JsonNode root) throws IOException {
        Path f = tmp.resolve("case.json");
        Files.writeString(f, root.toString());
        return PhysrecJson.read(f);
    }

    private void expectError(JsonNode root, String... parts) throws IOException {
        Path f = tmp.resolve("case.json");
        Files.writeString(f, root.toString().replace("\"__NAN__\"", "NaN"));
        DataFormatException e = assertThrows(DataFormatException.class, () -> PhysrecJson.read(f));
        assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), () -> "'" + e.getMessage() + "' lacks '" + p + "'");
        }
    }

    @Test
    void badFilesGiveOneClearErrorEach() throws IOException {
        ObjectNode r = minimal();
        r.put("fps", 0);
        expectError(r, "field 'fps'", "> 0");
        r = minimal();
        r.put("skeleton", "smpl");
        expectError(r, "field 'skeleton'", "unknown skeleton name 'smpl'");
        r = minimal();
        ((ArrayNode) r.get("joints").get(1)).remove(16);
        expectError(r, "field 'joints' frame 1", "expected 17 joints");
        r = minimal();
        ((ArrayNode) r.get("joints").get(2).get(5)).set(1, r.textNode("__NAN__"));
        expectError(r, "field 'joints' frame 2 joint 5 (LKnee)", "NaN");
        r = minimal();
        ((ObjectNode) r.get("keypoints2d")).set("99999999", r.get("keypoints2d").get("60457274"));
        expectError(r, "unknown camera id '99999999'");
        r = minimal();
        ((ArrayNode) r.get("keypoints2d").get("60457274").get("xy").get(1)).set(4, r.nullNode());
        expectError(r, "field 'keypoints2d.60457274.xy' frame 1 joint 4 (LHip)", "null keypoint with confidence 1.0");
        r = minimal();
        ((ArrayNode) r.get("joints")).removeAll();
        ((ObjectNode) r).remove("keypoints2d");
        expectError(r, "empty");
        r = minimal();
        ((ObjectNode) r.get("cameras").get(0)).putArray("t").add(0).add(0).add(-5000);
        expectError(r, "camera 60457274", "frame 0 joint 0 (Hip) is behind the camera");
        r = minimal();
        ((ObjectNode) r.get("cameras").get(0)).remove("R");
        expectError(r, "cameras[0] (60457274).R", "missing");
        r = minimal();
        r.put("units", "inch");
        expectError(r, "field 'units'", "inch");
        Path f = tmp.resolve("trunc.json");
        String full = minimal().toString();
        Files.writeString(f, full.substring(0, full.length() / 2));
        DataFormatException e = assertThrows(DataFormatException.class, () -> PhysrecJson.read(f));
        assertTrue(e.getMessage().contains("truncated or corrupt"), e.getMessage());
    }

    @Test
    void aWrongCameraIsCaughtByItsProjectionCheck() throws IOException {
        Path f = motionFiles().get(0);
        ObjectNode root = (ObjectNode) new ObjectMapper().readTree(f.toFile());
        ArrayNode t = (ArrayNode) root.get("cameras").get(1).get("t");
        t.set(0, root.numberNode(t.get(0).asDouble() + 50));
        expectError(root, "cameras[1].projection_check", "does not match");
    }
}
