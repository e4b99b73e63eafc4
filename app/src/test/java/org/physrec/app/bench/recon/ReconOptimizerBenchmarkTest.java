package org.physrec.app.bench.recon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.physrec.app.recon.ReconstructionSettings;
import org.physrec.app.train.physics.ReconWindow;
import org.physrec.app.train.physics.ReconWindowSource;
import org.physrec.app.train.physics.WindowSplit;
import org.physrec.datasets.DataRoot;
import org.physrec.optim.meta.LocalEvaluator;

/** The benchmark on real held-out windows: parallel equals serial, losses decrease, files are written. */
class ReconOptimizerBenchmarkTest {

    @Test
    void parallelEqualsSerialAndTheReportIsWritten(@TempDir Path out) throws Exception {
        var dir = DataRoot.motion();
        assumeTrue(dir.isPresent(), "shared motion data not found");
        ReconWindowSource src = new ReconWindowSource(dir.get(), ReconstructionSettings.DEFAULTS.withWindow(3, 0));
        List<String> opts = List.of("lbfgs", "adam");
        List<RunCurve> serial;
        List<RunCurve> parallel;
        AtomicInteger done = new AtomicInteger();
        try (LocalEvaluator one = new LocalEvaluator(1); LocalEvaluator two = new LocalEvaluator(2)) {
            List<ReconWindow> ws = src.windows(WindowSplit.DEFAULT.heldOut(), 2, 5, one);
            serial = ReconOptimizerBenchmark.run(ws, opts, 4, one, () -> { });
            parallel = ReconOptimizerBenchmark.run(ws, opts, 4, two, done::incrementAndGet);
        }
        assertEquals(4, serial.size());
        assertEquals(4, done.get());
        for (int i = 0; i < serial.size(); i++) {
            RunCurve a = serial.get(i);
            RunCurve b = parallel.get(i);
            assertEquals(a.window(), b.window());
            assertEquals(opts.get(i % 2), a.optimizer());
            assertArrayEquals(a.values(), b.values(), 0.0);
            assertArrayEquals(a.evaluations(), b.evaluations());
            assertTrue(a.values()[a.values().length - 1] < a.values()[0], a.optimizer() + " on " + a.window()
                    + " did not decrease the loss: " + java.util.Arrays.toString(a.values()));
        }
        assertEquals(serial.get(0).values()[0], serial.get(1).values()[0], 0.0, "same window, same f(x0)");
        List<ConvergenceSummary> summary = ReconBenchReport.write(out, Map.of("test", true), serial, 4);
        assertEquals(2, summary.size());
        for (String f : List.of("results.json", "results.csv", "summary.md", "loss_vs_iterations.png",
                "loss_vs_evaluations.png", "loss_vs_seconds.png")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        long rows = Files.readAllLines(out.resolve("results.csv")).size();
        assertEquals(1 + serial.stream().mapToInt(r -> r.values().length).sum(), rows);
    }

    @Test
    void unknownOptimizerIsNamed() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> ReconOptimizerBenchmark.run(List.of(), List.of("nosuch"), 3, new LocalEvaluator(1), () -> { }));
        assertTrue(e.getMessage().contains("nosuch"), e.getMessage());
    }
}
