package org.physrec.app.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultTablesTest {

    static SequenceMetrics seq(String id, int frames, double mpjpe) {
        double[] perFrame = new double[frames];
        java.util.Arrays.fill(perFrame, mpjpe);
        return new SequenceMetrics(id, frames, 25, mpjpe, mpjpe / 2, mpjpe * 2, 90, 10, 1, 5, 2, 1, 0,
                new double[] {0, mpjpe}, perFrame, perFrame);
    }

    @Test
    void aggregateWeightsByFrames() {
        AggregateMetrics agg = AggregateMetrics.of(List.of(seq("a", 10, 100), seq("b", 30, 20)));
        assertEquals((10 * 100 + 30 * 20) / 40.0, agg.frameWeighted().get("mpjpe"), 1e-12);
        assertEquals(60.0, agg.sequenceMean().get("mpjpe"), 1e-12);
        assertEquals(40, agg.frames());
        assertThrows(IllegalArgumentException.class, () -> AggregateMetrics.of(List.of()));
    }

    @Test
    void writesJsonCsvAndMarkdownWithAnchors(@TempDir Path dir) throws IOException {
        List<SequenceMetrics> seqs = List.of(seq("S9 Walking", 10, 100), seq("x,y", 30, 20));
        AggregateMetrics agg = AggregateMetrics.of(seqs);
        ResultTables.writeSequenceJson(dir.resolve("seq/a.json"), seqs.get(0), List.of("Hip", "RHip"));
        JsonNode a = new ObjectMapper().readTree(dir.resolve("seq/a.json").toFile());
        assertEquals(100.0, a.get("metrics").get("mpjpe").asDouble());
        assertEquals(100.0, a.get("per_joint_mpjpe").get("RHip").asDouble());
        assertEquals(10, a.get("per_frame_mpjpe").size());

        ResultTables.writeAggregateJson(dir.resolve("agg.json"), agg, seqs, MetricSettings.h36m17());
        JsonNode j = new ObjectMapper().readTree(dir.resolve("agg.json").toFile());
        assertEquals(40.0, j.get("frame_weighted").get("mpjpe").asDouble(), 1e-12);
        assertEquals("FIRST_FRAME_ROOT", j.get("settings").get("anchoring").asText());

        ResultTables.writeAggregateCsv(dir.resolve("agg.csv"), agg, seqs);
        List<String> lines = Files.readAllLines(dir.resolve("agg.csv"));
        assertEquals(5, lines.size());
        assertEquals(12, lines.get(0).split(",").length);
        assertTrue(lines.get(2).startsWith("\"x,y\",30,20.0000,"), lines.get(2));
        assertTrue(lines.get(3).startsWith("ALL (frame-weighted),40,40.0000,"), lines.get(3));

        ResultTables.writeMarkdown(dir.resolve("table.md"), "physrec", agg, Anchors.h36m());
        String md = Files.readString(dir.resolve("table.md"));
        assertTrue(md.contains("| **physrec** | ✓ | **40.0** | **80.0** | **20.0** |"), md);
        assertTrue(md.contains("| DiffPhy | ✓ | 81.7 | 139.1 | 55.6 |"), md);
        assertTrue(md.contains("| TrajOpt (Gaertner et al.) | ✓ | 84.0 | 143.0 | 56.0 |"), md);
        assertTrue(md.contains("| PhysCap | ✓ | 97.4 | – | 65.1 |"), md);
        try (var s = Files.list(dir)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temp files left");
        }
    }

    @Test
    void anchorsHoldTheSpecNumbers() {
        List<Anchor> a = Anchors.h36m();
        assertEquals("DiffPhy", a.get(0).method());
        assertEquals(139.1, a.get(0).mpjpeG());
        assertTrue(Double.isNaN(a.get(2).mpjpeG()));
        assertEquals(11, a.size());
    }

    @Test
    void unwritableFolderGivesAClearError(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("plain-file");
        Files.writeString(file, "x");
        IOException e = assertThrows(IOException.class, () -> ResultTables.writeAggregateCsv(file.resolve("sub/a.csv"),
                AggregateMetrics.of(List.of(seq("a", 3, 1))), List.of(seq("a", 3, 1))));
        assertTrue(e.getMessage().contains("cannot create output folder") && e.getMessage().contains("plain-file"),
                e.getMessage());
    }
}
