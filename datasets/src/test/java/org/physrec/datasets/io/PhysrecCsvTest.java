package org.physrec.datasets.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.physrec.datasets.DataFormatException;
import org.physrec.datasets.JointMap;
import org.physrec.datasets.Sequence;
import org.physrec.datasets.TestData;

class PhysrecCsvTest {

    @TempDir
    Path tmp;

    @Test
    void roundTripKeepsEverythingIncludingMissingValues() throws IOException {
        Sequence s = TestData.h36mLike(12, 50);
        double[] conf = s.confidences2d(2);
        conf[7] = 0;
        conf[8] = 0.3;
        s = s.toBuilder().keypoints2d(s.camera(2).name(), s.keypoints2d(2), conf).keypoints3d(TestData.motion(12, 50)).build();
        s = s.mapJoints(JointMap.identity(s.skeleton()));
        Path f = tmp.resolve("s.csv");
        PhysrecCsv.write(s, f);
        Sequence r = PhysrecCsv.read(f);
        assertEquals(s.frames(), r.frames());
        assertEquals(s.fps(), r.fps());
        assertArrayEquals(s.groundTruth(), r.groundTruth(), 0);
        assertArrayEquals(s.keypoints3d(), r.keypoints3d(), 0);
        for (int c = 0; c < 4; c++) {
            assertArrayEquals(s.keypoints2d(c), r.keypoints2d(c), 0);
            assertArrayEquals(s.confidences2d(c), r.confidences2d(c), 0);
            assertEquals(s.camera(c).distortion(), r.camera(c).distortion());
        }
        // the COCO mapping leaves missing joints: they survive as empty cells
        Sequence coco = s.mapJoints(JointMap.H36M17_TO_COCO17);
        PhysrecCsv.write(coco, f);
        Sequence rc = PhysrecCsv.read(f);
        assertEquals(Sequence.missing3d(coco.groundTruth()), Sequence.missing3d(rc.groundTruth()));
        assertEquals(coco.missing2d(0), rc.missing2d(0));
    }

    @Test
    void badCsvFiles() throws IOException {
        Path f = tmp.resolve("s.csv");
        PhysrecCsv.write(TestData.h36mLike(3, 50), f);
        String text = Files.readString(f);
        String[] lines = text.split("\n");
        Files.writeString(f, text.substring(0, text.lastIndexOf('\n', text.length() - 2) + 1));
        DataFormatException e = assertThrows(DataFormatException.class, () -> PhysrecCsv.read(f));
        assertTrue(e.getMessage().contains("truncated: the last frame has 16 of 17 joints"), e.getMessage());
        int firstData = text.indexOf("\n0,0,") + 1;
        Files.writeString(f, text.substring(0, firstData) + text.substring(firstData).replaceFirst("^0,0,[^,]*,", "0,0,NaN,"));
        e = assertThrows(DataFormatException.class, () -> PhysrecCsv.read(f));
        assertTrue(e.getMessage().contains("column 'gt_x': value is NaN"), e.getMessage());
        Files.writeString(f, text.replace("# fps=50.0", "# fps=-1"));
        e = assertThrows(DataFormatException.class, () -> PhysrecCsv.read(f));
        assertTrue(e.getMessage().contains("field 'fps'"), e.getMessage());
        Files.writeString(f, text.replace("# skeleton=h36m17", "# skeleton=mpii16"));
        e = assertThrows(DataFormatException.class, () -> PhysrecCsv.read(f));
        assertTrue(e.getMessage().contains("unknown skeleton name 'mpii16'"), e.getMessage());
        Files.writeString(f, "frame,joint\n");
        e = assertThrows(DataFormatException.class, () -> PhysrecCsv.read(f));
        assertTrue(e.getMessage().contains("not a physrec CSV"), e.getMessage());
        assertTrue(lines.length > 50);
    }
}
