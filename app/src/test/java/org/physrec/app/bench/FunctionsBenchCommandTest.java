package org.physrec.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.physrec.app.CliRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.physrec.app.CliRun;

class FunctionsBenchCommandTest {

    @TempDir
    Path tmp;

    @Test
    void smallGridWritesEveryOutputAtomically() throws IOException {
        Path out = tmp.resolve("bench");
        CliRun r = run("bench", "functions", "--functions", "rosenbrock,sphere,styblinski-tang", "--dims", "2,5",
                "--runs", "3", "--iterations", "30", "--no-progress", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        for (String f : List.of("results.json", "results.csv", "table.md", "profile.png", "rosenbrock.png")) {
            assertTrue(Files.size(out.resolve(f)) > 100, f);
        }
        try (Stream<Path> files = Files.list(out)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "temporary files left behind");
        }
        JsonNode json = new ObjectMapper().readTree(out.resolve("results.json").toFile());
        assertEquals(3 * 2 * 5, json.get("cells").size());
        assertEquals(List.of("gd", "momentum", "adam", "bfgs", "lbfgs").toString(),
                new ObjectMapper().convertValue(json.get("grid").get("optimizers"), List.class).toString());
        List<String> csv = Files.readAllLines(out.resolve("results.csv"));
        assertEquals(1 + 30, csv.size());
        String table = Files.readString(out.resolve("table.md"));
        assertTrue(table.contains("| Styblinski-Tang | 2 |"), table);
        assertTrue(table.contains("paper BFGS") && table.contains("1.40e+01"), "paper value for Styblinski-Tang 2d BFGS");
    }

    @Test
    void badFlagIsUsageError() {
        CliRun r = run("bench", "functions", "--dimz", "2", "--out", tmp.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--dimz"), r.err());
    }

    @Test
    void unknownFunctionOrOptimizerIsNamed() {
        CliRun f = run("bench", "functions", "--functions", "sphere,himmelblau", "--out", tmp.toString());
        assertEquals(2, f.code(), f.err());
        assertTrue(f.err().contains("himmelblau") && f.err().contains("rosenbrock"), f.err());
        CliRun o = run("bench", "functions", "--optimizers", "bfgs,newton", "--out", tmp.toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains("newton") && o.err().contains("lbfgs"), o.err());
    }

    @Test
    void nonPositiveDimensionIsNamed() {
        CliRun r = run("bench", "functions", "--dims", "2,0", "--out", tmp.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--dims") && r.err().contains("0"), r.err());
        CliRun bad = run("bench", "functions", "--dims", "2,x", "--out", tmp.toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--dims"), bad.err());
    }
}
