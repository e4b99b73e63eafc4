package org.physrec.datasets.h36m;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.physrec.datasets.DataFormatException;
import org.physrec.datasets.Sequence;
import org.physrec.datasets.Skeleton;
import org.physrec.datasets.TestData;
import org.physrec.datasets.fixtures.Fixtures;
import org.physrec.datasets.fixtures.NpzWriter;
import org.physrec.datasets.fixtures.PickleWriter;

class VideoPose3dReaderTest {

    @TempDir
    Path tmp;

    @Test
    void readsPickledDictsInsideNpzAndResolvesActionQuirks() throws IOException {
        Fixtures.videoPose3d(tmp);
        VideoPose3dReader r = VideoPose3dReader.open(tmp.resolve("data_3d_h36m.npz"), tmp.resolve("data_2d_h36m_gt.npz"));
        assertEquals(List.of("S9", "S11"), r.subjects());
        assertEquals("Photo", r.resolve("S9", "TakingPhoto").orElseThrow());
        assertEquals("Walking 1", r.resolve("S9", "Walking_1").orElseThrow());
        assertEquals("Walking", r.resolve("S9", "Walking").orElseThrow());
        Sequence s = r.load("S11", "TakingPhoto");
        assertEquals(80, s.frames());
        assertEquals(50, s.fps());
        assertEquals(Skeleton.H36M_17, s.skeleton());
        double[] expected = TestData.motion(80, 50);
        assertArrayEquals(expected, s.groundTruth(), 0.05); // float32 metres -> mm
        assertEquals("60457274", s.camera(3).name());
        for (int c = 0; c < 4; c++) {
            assertArrayEquals(s.camera(c).projectAll(s.groundTruth()), s.keypoints2d(c), 2e-3);
        }
        Sequence test = s.resample(25);
        assertEquals(40, test.frames());
        DataFormatException e = assertThrows(DataFormatException.class, () -> r.load("S9", "Eating"));
        assertTrue(e.getMessage().contains("no action 'Eating'"), e.getMessage());
        e = assertThrows(DataFormatException.class, () -> r.load("S3", "Walking"));
        assertTrue(e.getMessage().contains("no subject 'S3'"), e.getMessage());
    }

    @Test
    void wrongShapesNaNAndTruncationAreReported() throws IOException {
        Path f = tmp.resolve("bad.npz");
        Map<String, Object> acts = new LinkedHashMap<>();
        acts.put("Walking", new PickleWriter.Array(new double[5 * 31 * 3], new int[] {5, 31, 3}, "f4"));
        NpzWriter.write(f, Map.of("positions_3d", Map.of("S9", acts)));
        DataFormatException e = assertThrows(DataFormatException.class, () -> VideoPose3dReader.open(f, null));
        assertTrue(e.getMessage().contains("positions_3d['S9']['Walking']': expected a (frames, 32, 3) array, got ndarray[5, 31, 3]"),
                e.getMessage());

        double[] nan = new double[5 * 32 * 3];
        nan[(3 * 32 + 7) * 3 + 2] = Double.POSITIVE_INFINITY;
        acts.put("Walking", new PickleWriter.Array(nan, new int[] {5, 32, 3}, "f4"));
        NpzWriter.write(f, Map.of("positions_3d", Map.of("S9", acts)));
        e = assertThrows(DataFormatException.class, () -> VideoPose3dReader.open(f, null));
        assertTrue(e.getMessage().contains("frame 3 joint 7: value is Infinity"), e.getMessage());

        Fixtures.videoPose3d(tmp);
        Path good = tmp.resolve("data_3d_h36m.npz");
        byte[] bytes = Files.readAllBytes(good);
        Files.write(f, java.util.Arrays.copyOf(bytes, bytes.length - 200));
        e = assertThrows(DataFormatException.class, () -> VideoPose3dReader.open(f, null));
        assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());

        Files.writeString(f, "not a zip at all");
        e = assertThrows(DataFormatException.class, () -> VideoPose3dReader.open(f, null));
        assertTrue(e.getMessage().contains("not a valid .npz"), e.getMessage());
    }

    @Test
    void twoDimensionalTracksShorterThanTheMocapAreRejected() throws IOException {
        Fixtures.videoPose3d(tmp);
        Map<String, Object> views = new LinkedHashMap<>();
        List<Object> four = new java.util.ArrayList<>();
        for (int v = 0; v < 4; v++) {
            four.add(new PickleWriter.Array(new double[10 * 34], new int[] {10, 17, 2}, "f4"));
        }
        views.put("Walking", four);
        Path p2 = tmp.resolve("short2d.npz");
        NpzWriter.write(p2, Map.of("positions_2d", Map.of("S9", views)));
        VideoPose3dReader r = VideoPose3dReader.open(tmp.resolve("data_3d_h36m.npz"), p2);
        DataFormatException e = assertThrows(DataFormatException.class, () -> r.load("S9", "Walking"));
        assertTrue(e.getMessage().contains("10 frames, fewer than the 100 mocap frames"), e.getMessage());
        views.put("Photo", four.subList(0, 3));
        NpzWriter.write(p2, Map.of("positions_2d", Map.of("S9", views)));
        e = assertThrows(DataFormatException.class, () -> VideoPose3dReader.open(tmp.resolve("data_3d_h36m.npz"), p2));
        assertTrue(e.getMessage().contains("positions_2d['S9']['Photo']': expected a list of 4 camera arrays, got a list of 3"),
                e.getMessage());
        views.remove("Photo");
        NpzWriter.write(p2, Map.of("positions_2d", Map.of("S9", views)));
        e = assertThrows(DataFormatException.class, () -> VideoPose3dReader.open(tmp.resolve("data_3d_h36m.npz"), p2).load("S9", "Photo"));
        assertTrue(e.getMessage().contains("no entry for S9 / Photo"), e.getMessage());
    }
}
