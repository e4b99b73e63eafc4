package org.physrec.datasets.h36m;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.physrec.datasets.DataFormatException;
import org.physrec.datasets.Sequence;
import org.physrec.datasets.TestData;
import org.physrec.datasets.fixtures.CdfWriter;
import org.physrec.datasets.fixtures.Fixtures;

class H36mReleaseReaderTest {

    @TempDir
    Path tmp;

    static double[] writeRelease(Path root, int frames) throws IOException {
        return Fixtures.h36mRelease(root, frames, 3);
    }

    @Test
    void readsCdfPoseFilesIntoH36m17() throws IOException {
        double[] mm = writeRelease(tmp, 60);
        H36mReleaseReader r = new H36mReleaseReader(tmp);
        assertEquals(List.of("S9"), r.subjects());
        assertEquals(List.of("Walking 1"), r.actions("S9"));
        Sequence s = r.load("S9", "Walking_1");
        assertEquals("S9/Walking 1", s.id());
        assertEquals(60, s.frames());
        assertArrayEquals(mm, s.groundTruth(), 1e-3); // float32 in mm
        for (int c = 0; c < 3; c++) {
            assertTrue(s.hasKeypoints2d(c));
            assertArrayEquals(s.camera(c).projectAll(s.groundTruth()), s.keypoints2d(c), 1e-3);
        }
        assertFalse(s.hasKeypoints2d(3), "no D2 file for 60457274: camera kept, no 2D invented");
        assertEquals(30, s.resample(25).frames());
    }

    @Test
    void columnMajorDoubleFilesReadTheSame() throws IOException {
        double[] mm = writeRelease(tmp, 25);
        Path d3 = tmp.resolve("S9/MyPoseFeatures/D3_Positions/Walking 1.cdf");
        CdfWriter.write(d3, "Pose", 1, new int[] {25, 96}, Fixtures.to32(mm, 25), true, true);
        assertArrayEquals(mm, new H36mReleaseReader(tmp).load("S9", "Walking 1").groundTruth(), 1e-9);
        CdfWriter.write(d3, "Pose", 25, new int[] {32, 3}, Fixtures.to32(mm, 25), true, false);
        assertArrayEquals(mm, new H36mReleaseReader(tmp).load("S9", "Walking 1").groundTruth(), 1e-3);
    }

    @Test
    void corruptTruncatedAndMismatchedFilesAreReported() throws IOException {
        writeRelease(tmp, 20);
        Path d3 = tmp.resolve("S9/MyPoseFeatures/D3_Positions/Walking 1.cdf");
        byte[] good = Files.readAllBytes(d3);
        Files.write(d3, java.util.Arrays.copyOf(good, good.length - 500));
        DataFormatException e = assertThrows(DataFormatException.class, () -> new H36mReleaseReader(tmp).load("S9", "Walking 1"));
        assertTrue(e.getMessage().startsWith(d3.toString()) && e.getMessage().contains("truncated or corrupt"), e.getMessage());

        CdfWriter.write(d3, "Pose", 1, new int[] {20, 93}, new double[20 * 93]);
        e = assertThrows(DataFormatException.class, () -> new H36mReleaseReader(tmp).load("S9", "Walking 1"));
        assertTrue(e.getMessage().contains("not a multiple of 96 (32 joints x 3)"), e.getMessage());

        CdfWriter.write(d3, "Position", 1, new int[] {20, 96}, new double[20 * 96]);
        e = assertThrows(DataFormatException.class, () -> new H36mReleaseReader(tmp).load("S9", "Walking 1"));
        assertTrue(e.getMessage().contains("variable 'Pose': missing (variables: [Position])"), e.getMessage());

        double[] bad = Fixtures.to32(TestData.motion(20, 50), 20);
        bad[5 * 96 + 3 * 27 + 1] = Double.NaN;
        CdfWriter.write(d3, "Pose", 1, new int[] {20, 96}, bad);
        e = assertThrows(DataFormatException.class, () -> new H36mReleaseReader(tmp).load("S9", "Walking 1"));
        assertTrue(e.getMessage().contains("frame 5 joint 27 (of 32): value is NaN"), e.getMessage());

        CdfWriter.write(d3, "Pose", 1, new int[] {19, 96}, java.util.Arrays.copyOf(Fixtures.to32(TestData.motion(20, 50), 20), 19 * 96));
        e = assertThrows(DataFormatException.class, () -> new H36mReleaseReader(tmp).load("S9", "Walking 1"));
        assertTrue(e.getMessage().contains("20 frames, but D3_Positions has 19"), e.getMessage());

        writeRelease(tmp, 20);
        Path extra = tmp.resolve("S9/MyPoseFeatures/D2_Positions/Walking 1.12345678.cdf");
        Files.copy(tmp.resolve("S9/MyPoseFeatures/D2_Positions/Walking 1.54138969.cdf"), extra);
        e = assertThrows(DataFormatException.class, () -> new H36mReleaseReader(tmp).load("S9", "Walking 1"));
        assertTrue(e.getMessage().contains("unknown camera id '12345678'"), e.getMessage());
        Files.delete(extra);

        assertThrows(java.nio.file.NoSuchFileException.class, () -> new H36mReleaseReader(tmp).load("S9", "Eating"));
    }
}
