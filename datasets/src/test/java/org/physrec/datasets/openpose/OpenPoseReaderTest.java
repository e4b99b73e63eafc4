package org.physrec.datasets.openpose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.physrec.datasets.DataFormatException;
import org.physrec.datasets.JointMap;
import org.physrec.datasets.Sequence;
import org.physrec.datasets.Skeleton;
import org.physrec.datasets.UpAxis;
import org.physrec.datasets.h36m.H36mCameras;

class OpenPoseReaderTest {

    @TempDir
    Path tmp;

    /** Frame t: person A at x = 100 + t (conf 0.9), person B dimmer (conf 0.2); frame 2 has nobody; joint 4 of frame 1 undetected. */
    private void writeFolder(int frames, int joints) throws IOException {
        for (int t = 0; t < frames; t++) {
            StringBuilder sb = new StringBuilder("{\"version\":1.3,\"people\":[");
            if (t != 2) {
                for (int p = 0; p < 2; p++) {
                    sb.append(p == 0 ? "" : ",").append("{\"person_id\":[-1],\"pose_keypoints_2d\":[");
                    for (int j = 0; j < joints; j++) {
                        boolean gone = t == 1 && j == 4 && p == 0;
                        sb.append(j == 0 ? "" : ",").append(gone ? "0,0,0" : String.format(Locale.ROOT, "%.1f,%.1f,%.2f",
                                (p == 0 ? 100.0 : 600.0) + t, 10.0 * j, p == 0 ? 0.9 : 0.2));
                    }
                    sb.append("],\"face_keypoints_2d\":[]}");
                }
            }
            sb.append("]}");
            Files.writeString(tmp.resolve(String.format("clip_%012d_keypoints.json", t + 5)), sb.toString());
        }
    }

    @Test
    void keepsTheMostConfidentPersonAndMarksMissingKeypoints() throws IOException {
        writeFolder(4, 25);
        Sequence s = OpenPoseReader.read(tmp, 30, H36mCameras.of("S9", "54138969"), UpAxis.Z);
        assertEquals(Skeleton.OPENPOSE_BODY_25, s.skeleton());
        assertEquals(4, s.frames());
        double[] xy = s.keypoints2d(0);
        double[] c = s.confidences2d(0);
        assertEquals(103, xy[(3 * 25) * 2], 1e-12, "person A (higher confidence) kept");
        assertEquals(0.9, c[3 * 25], 1e-12);
        assertEquals(0, c[25 + 4], "(0,0,0) is not an observation");
        assertTrue(Double.isNaN(xy[(25 + 4) * 2]));
        for (int j = 0; j < 25; j++) {
            assertEquals(0, c[2 * 25 + j], "frame without people: all missing");
        }
        Sequence coco = s.mapJoints(JointMap.BODY25_TO_COCO17);
        assertEquals(0.9, coco.confidences2d(0)[5], 1e-12);
        assertEquals(17 + 1, coco.missing2d(0), "frame 2 (all 17) plus right_wrist of frame 1 (BODY_25 joint 4)");
        OpenPoseReader.Keypoints k = OpenPoseReader.readKeypoints(tmp);
        assertEquals(1, k.framesWithoutPeople());
        assertEquals(2, k.maxPeople());
    }

    @Test
    void coco18AndBadFolders() throws IOException {
        writeFolder(3, 18);
        assertEquals(Skeleton.OPENPOSE_COCO_18, OpenPoseReader.readKeypoints(tmp).skeleton());
        Files.delete(tmp.resolve(String.format("clip_%012d_keypoints.json", 6)));
        DataFormatException e = assertThrows(DataFormatException.class, () -> OpenPoseReader.readKeypoints(tmp));
        assertTrue(e.getMessage().contains("frames are missing"), e.getMessage());
        Files.writeString(tmp.resolve(String.format("clip_%012d_keypoints.json", 6)), "{\"people\":[{\"pose_keypoints_2d\":[1,2]}]}");
        e = assertThrows(DataFormatException.class, () -> OpenPoseReader.readKeypoints(tmp));
        assertTrue(e.getMessage().contains("2 values; expected 75 (BODY_25) or 54 (COCO)"), e.getMessage());
        Files.writeString(tmp.resolve(String.format("clip_%012d_keypoints.json", 6)), "{\"people\":[{\"pose_keyp");
        e = assertThrows(DataFormatException.class, () -> OpenPoseReader.readKeypoints(tmp));
        assertTrue(e.getMessage().contains("truncated or corrupt"), e.getMessage());
        Path empty = Files.createDirectory(tmp.resolve("empty"));
        e = assertThrows(DataFormatException.class, () -> OpenPoseReader.readKeypoints(empty));
        assertTrue(e.getMessage().contains("empty sequence"), e.getMessage());
    }
}
