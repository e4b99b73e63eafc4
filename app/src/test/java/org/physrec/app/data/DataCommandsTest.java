package org.physrec.app.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.physrec.app.CliRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.physrec.app.CliRun;
import org.physrec.datasets.DataRoot;
import org.physrec.datasets.Sequence;
import org.physrec.datasets.io.PhysrecCsv;
import org.physrec.datasets.io.PhysrecJson;

class DataCommandsTest {

    @TempDir
    Path tmp;

    private static Path motion(String name) {
        var m = DataRoot.motion();
        Assumptions.assumeTrue(m.isPresent(), "shared/data/motion not found");
        return m.get().resolve(name);
    }

    @Test
    void infoReportsTheSequenceAsJson() throws Exception {
        Path f = motion("cmu_131_03_start_hop_stop.json");
        CliRun r = run("data", "info", f.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals("physrec-json", j.get("format").asText());
        JsonNode s = j.get("loaded").get(0);
        assertEquals(551, s.get("frames").asInt());
        assertEquals("h36m17", s.get("skeleton").asText());
        assertEquals("mm", s.get("units").asText());
        assertEquals("z", s.get("up_axis").asText());
        assertEquals(4, s.get("cameras").size());
        assertEquals(0, s.get("missing_ground_truth").asInt());
    }

    @Test
    void convertToCsvResamplesAndKeepsGroundTruth() throws Exception {
        Path f = motion("cmu_salsa_01_daz.json");
        Path out = tmp.resolve("salsa.csv");
        CliRun r = run("data", "convert", f.toString(), out.toString(), "--fps", "30", "--frames", "0-119");
        assertEquals(0, r.code(), r.err());
        Sequence orig = PhysrecJson.read(f);
        Sequence conv = PhysrecCsv.read(out);
        assertEquals(60, conv.frames());
        assertEquals(30, conv.fps());
        double[] a = orig.groundTruth();
        double[] b = conv.groundTruth();
        assertArrayEquals(java.util.Arrays.copyOfRange(a, 2 * 51, 3 * 51), java.util.Arrays.copyOfRange(b, 51, 2 * 51), 0);
        Path coco = tmp.resolve("coco.json");
        assertEquals(0, run("data", "convert", f.toString(), coco.toString(), "--skeleton", "coco17").code());
        assertEquals(600 * 4, Sequence.missing3d(PhysrecJson.read(coco).groundTruth()), "eyes and ears are missing, not invented");
    }

    @Test
    void listPrintsABuiltInTable() {
        CliRun r = run("data", "list", "--table", "h36m-validation");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("20 sequences") && r.out().contains("S11 Posing_1 cam 58860488 frames 400-599"), r.out());
        CliRun bad = run("data", "list", "--table", "no-such-table");
        assertEquals(1, bad.code());
        assertTrue(bad.err().contains("unknown table 'no-such-table'"), bad.err());
    }

    @Test
    void extractWritesTheTableEntriesALocalCopyHolds() throws Exception {
        Path root = DataRoot.find().map(p -> p.resolve("aistpp")).orElse(null);
        Assumptions.assumeTrue(root != null && Files.isDirectory(root), "shared/data/aistpp not found");
        Path table = tmp.resolve("t.yaml");
        Files.writeString(table, "name: t\ndataset: aist++\nframe_base: 1\nfps: 30\nsequences:\n"
                + "  - {sequence: gBR_sBM_c02_d04_mBR0_ch03, setting: setting1, frames: [1, 120]}\n"
                + "  - {sequence: gBR_sBM_c02_d04_mBR0_ch09, setting: setting1, frames: [1, 120]}\n");
        CliRun r = run("data", "extract", "--table", table.toString(), "--root", root.toString(), "--out",
                tmp.resolve("out").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("wrote 1, missing 1"), r.out());
        Sequence s = PhysrecJson.read(tmp.resolve("out").resolve("gBR_sBM_c02_d04_mBR0_ch03.json"));
        assertEquals(60, s.frames(), "120 frames at 60 Hz -> 30 Hz");
        assertEquals(1, s.cameras().size());
        assertEquals("c02", s.camera(0).name());
    }

    @Test
    void badInputFailsWithOneClearMessage() throws Exception {
        Path f = tmp.resolve("bad.json");
        Files.writeString(f, "{\"name\":\"x\",\"fps\":-5,\"skeleton\":\"h36m17\",\"units\":\"mm\",\"up_axis\":\"z\",\"joints\":[]}");
        CliRun r = run("data", "info", f.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains(f.toString()) && r.err().contains("field 'fps'"), r.err());
        CliRun missing = run("data", "info", tmp.resolve("nope.json").toString());
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("nope.json"), missing.err());
    }
}
