package org.physrec.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.physrec.app.CliRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.physrec.app.CliRun;

class StepBenchCommandTest {

    @TempDir
    Path tmp;

    @Test
    void tinyRunWritesJsonAndPlotWithConsistentCounts() throws IOException {
        CliRun r = run("bench", "step", "--dims", "2,8", "--optimizers", "adam,bfgs", "--warmup-ms", "0",
                "--measure-ms", "5", "--out", tmp.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode json = new ObjectMapper().readTree(tmp.resolve("step.json").toFile());
        assertEquals(4, json.get("points").size());
        for (JsonNode p : json.get("points")) {
            assertTrue(p.get("steps").asInt() >= 3);
            assertTrue(p.get("medianStepMicros").asDouble() > 0);
            if (p.get("optimizer").asText().equals("adam")) {
                assertEquals(1.0, p.get("evaluationsPerStep").asDouble(), 0.0, "Adam evaluates once per step");
            } else {
                assertTrue(p.get("evaluationsPerStep").asDouble() >= 1.0);
            }
        }
        assertTrue(Files.size(tmp.resolve("step.png")) > 100);
    }

    @Test
    void badValuesAreUsageErrors() {
        CliRun dims = run("bench", "step", "--dims", "-3", "--out", tmp.toString());
        assertEquals(2, dims.code());
        assertTrue(dims.err().contains("--dims"), dims.err());
        CliRun function = run("bench", "step", "--function", "nope", "--out", tmp.toString());
        assertEquals(2, function.code());
        assertTrue(function.err().contains("nope"), function.err());
    }
}
