package org.physrec.app.recon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.physrec.app.synth.SynthSettings;
import org.physrec.app.synth.Synthesizer;
import org.physrec.datasets.Sequence;
import org.physrec.datasets.io.PhysrecJson;

/** Resume and thread-count independence of the evaluation, on the test-double simulator. */
class EvaluationTest {

    @TempDir
    Path tmp;

    @Test
    void resumesFinishedSequencesAndParallelEqualsSerial() throws Exception {
        Path inputs = tmp.resolve("inputs");
        Files.createDirectories(inputs);
        Sequence walk = TestData.motion(TestData.WALK).resample(25);
        for (int i = 0; i < 3; i++) {
            Sequence s = Synthesizer.synthesize(walk.window(10 + 20 * i, 9), SynthSettings.defaults(i));
            PhysrecJson.write(s, inputs.resolve("seq" + i + ".json"));
        }
        EvaluationTable table = EvaluationTable.folder(inputs, "first");
        ReconstructionSettings settings = ReconstructionSettings.DEFAULTS.withWindow(4, 1).withOptimizer("lbfgs", 2);
        List<String> log = new ArrayList<>();
        Path serial = tmp.resolve("serial");
        List<Evaluation.Row> a = Evaluation.run(table, settings, serial, 1, null, false,
                m -> new TangentTestSimulation(m, 25, 5.0), log::add);
        assertEquals(3, a.size());
        assertTrue(Files.isRegularFile(serial.resolve("aggregate.csv")));
        assertTrue(Files.readString(serial.resolve("table.md")).contains("DiffPhy"));
        assertTrue(Files.isRegularFile(serial.resolve("sequences").resolve("seq1").resolve("trajectory.json")));
        // a crash after seq0 finished: only its marker is left; the rerun keeps it and computes the rest
        Files.delete(serial.resolve("results").resolve("seq1.json"));
        Files.delete(serial.resolve("results").resolve("seq2.json"));
        log.clear();
        List<Evaluation.Row> b = Evaluation.run(table, settings, serial, 1, null, false,
                m -> new TangentTestSimulation(m, 25, 5.0), log::add);
        assertTrue(b.get(0).resumed());
        assertFalse(b.get(1).resumed());
        assertTrue(log.stream().anyMatch(l -> l.startsWith("seq0: already done")), log.toString());
        Path parallel = tmp.resolve("parallel");
        List<Evaluation.Row> c = Evaluation.run(table, settings, parallel, 3, null, false,
                m -> new TangentTestSimulation(m, 25, 5.0), s -> { });
        for (int i = 0; i < 3; i++) {
            assertEquals(a.get(i).reconstruction().mpjpe(), c.get(i).reconstruction().mpjpe(), 0.0);
            assertArrayEquals(a.get(i).reconstruction().perFrameMpjpe(), c.get(i).reconstruction().perFrameMpjpe(), 0.0);
            assertEquals(a.get(i).reconstruction().mpjpe(), b.get(i).reconstruction().mpjpe(), 1e-9);
        }
    }
}
