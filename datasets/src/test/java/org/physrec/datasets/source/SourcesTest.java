package org.physrec.datasets.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.physrec.datasets.fixtures.Fixtures;
import org.physrec.datasets.h36m.H36mCameras;
import org.physrec.datasets.io.PhysrecCsv;
import org.physrec.datasets.io.PhysrecJson;

class SourcesTest {

    @TempDir
    Path tmp;

    @Test
    void recognisesEveryFormat() throws IOException {
        Sequence s = TestData.h36mLike(10, 50);
        PhysrecJson.write(s, tmp.resolve("a.json"));
        PhysrecCsv.write(s, tmp.resolve("a.csv"));
        Fixtures.videoPose3d(tmp.resolve("vp"));
        Fixtures.aist(tmp.resolve("aist"), "gLH_sBM_cAll_d18_mLH5_ch07", 12);
        Fixtures.h36mRelease(tmp.resolve("h36m"), 15, 2);

        assertEquals("physrec-json", Sources.open(tmp.resolve("a.json"), SourceOptions.DEFAULTS).format());
        SequenceSource csv = Sources.open(tmp.resolve("a.csv"), SourceOptions.DEFAULTS);
        assertEquals(10, csv.load(csv.ids().get(0)).frames());
        SequenceSource vp = Sources.open(tmp.resolve("vp"), SourceOptions.DEFAULTS);
        assertEquals("videopose3d", vp.format());
        assertEquals(List.of("S9/Photo", "S9/Walking", "S9/Walking 1", "S11/Photo", "S11/Walking", "S11/Walking 1"), vp.ids());
        assertTrue(vp.load("S11/Photo").hasKeypoints2d(0), "2D file found beside the 3D file");
        SequenceSource aist = Sources.open(tmp.resolve("aist"), SourceOptions.DEFAULTS);
        assertEquals("aist++", aist.format());
        assertEquals(12, aist.load("gLH_sBM_cAll_d18_mLH5_ch07").frames(), "setting from mapping.txt");
        SequenceSource h = Sources.open(tmp.resolve("h36m"), SourceOptions.DEFAULTS);
        assertEquals("h36m-cdf", h.format());
        assertEquals(List.of("S9/Walking 1"), h.ids());
        assertEquals(15, h.load("S9/Walking 1").frames());
    }

    @Test
    void openPoseNeedsRateAndCameraAndUnknownInputsAreNamed() throws IOException {
        Path op = Files.createDirectory(tmp.resolve("op"));
        Files.writeString(op.resolve("v_000000000000_keypoints.json"), "{\"people\":[]}");
        SequenceSource s = Sources.open(op, SourceOptions.DEFAULTS);
        assertEquals("openpose", s.format());
        DataFormatException e = assertThrows(DataFormatException.class, () -> s.load("op"));
        assertTrue(e.getMessage().contains("give fps (> 0) and a camera"), e.getMessage());
        SequenceSource ok = Sources.open(op, SourceOptions.DEFAULTS.withFps(30).withCamera(H36mCameras.of("S9", "54138969")));
        e = assertThrows(DataFormatException.class, () -> ok.load("op"));
        assertTrue(e.getMessage().contains("no person detected"), e.getMessage());
        Path txt = Files.writeString(tmp.resolve("x.txt"), "hello");
        e = assertThrows(DataFormatException.class, () -> Sources.open(txt, SourceOptions.DEFAULTS));
        assertTrue(e.getMessage().contains("unknown file type"), e.getMessage());
        Path empty = Files.createDirectory(tmp.resolve("empty"));
        e = assertThrows(DataFormatException.class, () -> Sources.open(empty, SourceOptions.DEFAULTS));
        assertTrue(e.getMessage().contains("folder not recognised"), e.getMessage());
    }
}
