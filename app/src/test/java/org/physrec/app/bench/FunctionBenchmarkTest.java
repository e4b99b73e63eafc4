package org.physrec.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.physrec.optim.Optimizers;
import org.physrec.optim.functions.TestFunctions;

class FunctionBenchmarkTest {

    private static FunctionGrid smallGrid(int threads) {
        return new FunctionGrid(List.of(TestFunctions.byName("rosenbrock"), TestFunctions.byName("zakharov"),
                TestFunctions.byName("perm")), List.of(2, 7), List.of("gd", "adam", "bfgs", "lbfgs"), 5, 40, 3, threads);
    }

    @Test
    void parallelEqualsSerialBitForBit() {
        AtomicInteger done = new AtomicInteger();
        FunctionBenchmark.Results serial = FunctionBenchmark.run(smallGrid(1), Optimizers.all(), done::incrementAndGet);
        FunctionBenchmark.Results parallel = FunctionBenchmark.run(smallGrid(4), Optimizers.all(), () -> { });
        assertEquals(3 * 2 * 4 * 5, done.get(), "one progress tick per run");
        for (int f = 0; f < 3; f++) {
            for (int d = 0; d < 2; d++) {
                for (int o = 0; o < 4; o++) {
                    for (int r = 0; r < 5; r++) {
                        RunRecord a = serial.runs()[f][d][o][r];
                        RunRecord b = parallel.runs()[f][d][o][r];
                        assertEquals(Double.doubleToLongBits(a.finalValue()), Double.doubleToLongBits(b.finalValue()));
                        assertEquals(a.iterations(), b.iterations());
                        assertEquals(a.evaluations(), b.evaluations());
                        assertEquals(a.status(), b.status());
                    }
                }
            }
        }
        for (int d = 0; d < 2; d++) {
            for (int o = 0; o < 4; o++) {
                for (int r = 0; r < 5; r++) {
                    assertEquals(java.util.Arrays.toString(serial.rosenbrock()[d][o][r].gaps()),
                            java.util.Arrays.toString(parallel.rosenbrock()[d][o][r].gaps()));
                }
            }
        }
    }

    @Test
    void startsDependOnCellAndRunButNotOnOptimizerOrThreads() {
        FunctionGrid g = smallGrid(1);
        var rosen = TestFunctions.byName("rosenbrock");
        assertEquals(g.startSeed(rosen, 2, 0), g.withThreads(8).startSeed(rosen, 2, 0));
        assertNotEquals(g.startSeed(rosen, 2, 0), g.startSeed(rosen, 2, 1));
        assertNotEquals(g.startSeed(rosen, 2, 0), g.startSeed(rosen, 7, 0));
        assertNotEquals(g.startSeed(rosen, 2, 0), g.startSeed(TestFunctions.byName("perm"), 2, 0));
    }

    @Test
    void bfgsSolvesTwoDimensionalRosenbrockInTheGrid() {
        FunctionBenchmark.Results r = FunctionBenchmark.run(new FunctionGrid(List.of(TestFunctions.byName("rosenbrock")),
                List.of(2), List.of("bfgs"), 6, 200, 0, 2), Optimizers.all(), () -> { });
        CellStats s = r.stats().get(0);
        assertTrue(s.meanGap() < 1e-8, "mean gap " + s.meanGap());
        assertEquals(0, s.failures());
        assertTrue(s.meanEvaluations() > s.meanIterations(), "BFGS evaluates more than once per iteration on average");
    }

    @Test
    void cellStatsLeaveFailedRunsOutOfTheMeans() {
        var ok = org.physrec.optim.OptimizerState.Status.STOPPED;
        var bad = org.physrec.optim.OptimizerState.Status.NON_FINITE;
        CellStats s = CellStats.of("sphere", 2, "gd", List.of(new RunRecord(1, 1, 10, 11, ok, 5, 5),
                new RunRecord(3, 3, 10, 11, ok, 5, 5), new RunRecord(1e300, 1e300, 4, 5, bad, 5, 5)));
        assertEquals(2.0, s.meanValue());
        assertEquals(2.0, s.medianValue());
        assertEquals(1, s.failures());
        assertEquals(8.0, s.meanIterations());
        CellStats all = CellStats.of("sphere", 2, "gd", List.of(new RunRecord(1e300, 1e300, 4, 5, bad, 5, 5)));
        assertTrue(Double.isNaN(all.meanGap()));
    }

    @Test
    void gridRejectsBadValuesByName() {
        var fns = List.of(TestFunctions.byName("sphere"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new FunctionGrid(fns, List.of(2, 0), List.of("gd"), 1, 1, 0, 1));
        assertTrue(e.getMessage().contains("dims"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FunctionBenchmark.run(
                new FunctionGrid(fns, List.of(2), List.of("newton"), 1, 1, 0, 1), Optimizers.all(), () -> { }));
    }
}
