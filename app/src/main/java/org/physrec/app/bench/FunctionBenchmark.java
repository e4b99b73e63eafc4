package org.physrec.app.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.physrec.optim.Minimizer;
import org.physrec.optim.Objective;
import org.physrec.optim.OptimizerRegistry;
import org.physrec.optim.RunResult;
import org.physrec.optim.StoppingRule;
import org.physrec.optim.Trace;
import org.physrec.optim.functions.TestFunction;

/**
 * Runs a {@link FunctionGrid}: every (function, dimension, optimizer, start) is one task on a
 * fixed thread pool, largest dimensions first. Each task gets its own objective and an x0
 * derived from the grid seed, and writes into its own slot, so results are identical for any
 * thread count (wall times aside). Rosenbrock runs also keep their value-vs-evaluations traces.
 */
public final class FunctionBenchmark {

    /**
     * A Rosenbrock trajectory: after the start and each iteration k, evaluations and f − f*;
     * a run that stopped early holds its last entry.
     *
     * @param evaluations (iterations + 1) cumulative evaluation counts
     * @param gaps        (iterations + 1) values f(x_k) − f*
     */
    public record Curve(double[] evaluations, double[] gaps) {
    }

    /**
     * Everything one grid produced.
     *
     * @param runs       [function][dim][optimizer][start]
     * @param rosenbrock [dim][optimizer][start] Rosenbrock curves; entries are null when the grid has no Rosenbrock
     */
    public record Results(FunctionGrid grid, RunRecord[][][][] runs, Curve[][][] rosenbrock, long wallNanos) {

        /** Sum of the runs' thread CPU times, seconds. */
        public double cpuSeconds() {
            long sum = 0;
            for (RunRecord[][][] a : runs) {
                for (RunRecord[][] b : a) {
                    for (RunRecord[] c : b) {
                        for (RunRecord r : c) {
                            sum += r.cpuNanos();
                        }
                    }
                }
            }
            return sum / 1e9;
        }

        /** The runs of cell (function index, dim index, optimizer index). */
        public List<RunRecord> cell(int f, int d, int o) {
            return Arrays.asList(runs[f][d][o]);
        }

        /** Statistics of every cell, ordered by function, dimension, optimizer. */
        public List<CellStats> stats() {
            List<CellStats> out = new ArrayList<>();
            for (int f = 0; f < grid.functions().size(); f++) {
                for (int d = 0; d < grid.dims().size(); d++) {
                    for (int o = 0; o < grid.optimizers().size(); o++) {
                        out.add(CellStats.of(grid.functions().get(f).name(), grid.dims().get(d),
                                grid.optimizers().get(o), cell(f, d, o)));
                    }
                }
            }
            return out;
        }
    }

    private record Task(int f, int d, int o, int r, long cost) {
    }

    private FunctionBenchmark() {
    }

    /**
     * Runs the grid.
     *
     * @param registry  resolves the grid's optimizer names
     * @param onRunDone called once per finished run, from worker threads (progress)
     * @throws IllegalArgumentException for an unknown optimizer name
     */
    public static Results run(FunctionGrid grid, OptimizerRegistry registry, Runnable onRunDone) {
        for (String name : grid.optimizers()) {
            registry.byName(name);
        }
        int nf = grid.functions().size();
        int nd = grid.dims().size();
        int no = grid.optimizers().size();
        int nr = grid.runs();
        RunRecord[][][][] runs = new RunRecord[nf][nd][no][nr];
        Curve[][][] curves = new Curve[nd][no][];
        List<Task> tasks = new ArrayList<>();
        for (int f = 0; f < nf; f++) {
            boolean rosen = grid.functions().get(f).name().equals("rosenbrock");
            for (int d = 0; d < nd; d++) {
                for (int o = 0; o < no; o++) {
                    if (rosen) {
                        curves[d][o] = new Curve[nr];
                    }
                    for (int r = 0; r < nr; r++) {
                        long dim = grid.dims().get(d);
                        tasks.add(new Task(f, d, o, r, dim * dim));
                    }
                }
            }
        }
        tasks.sort(Comparator.comparingLong(Task::cost).reversed());
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(grid.threads(), r -> {
            Thread t = new Thread(r, "bench-functions");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Task t : tasks) {
                futures.add(pool.submit(() -> {
                    runOne(grid, registry, t, runs, curves);
                    onRunDone.run();
                }));
            }
            for (int i = 0; i < futures.size(); i++) {
                try {
                    futures.get(i).get();
                } catch (ExecutionException e) {
                    Task t = tasks.get(i);
                    throw new IllegalStateException("run failed: " + grid.functions().get(t.f()).name() + " d="
                            + grid.dims().get(t.d()) + " " + grid.optimizers().get(t.o()) + " start " + t.r()
                            + ": " + e.getCause(), e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return new Results(grid, runs, curves, System.nanoTime() - start);
    }

    private static void runOne(FunctionGrid grid, OptimizerRegistry registry, Task t, RunRecord[][][][] runs,
                               Curve[][][] curves) {
        TestFunction fn = grid.functions().get(t.f());
        int d = grid.dims().get(t.d());
        Objective objective = fn.objective(d);
        double[] x0 = fn.initialPoint(d, grid.startSeed(fn, d, t.r()));
        double fStar = fn.minimum(d);
        boolean rosen = fn.name().equals("rosenbrock");
        Trace trace = rosen ? new Trace() : null;
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long c0 = mx.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        RunResult result = trace == null
                ? Minimizer.run(registry.byName(grid.optimizers().get(t.o())), objective, x0,
                StoppingRule.maxIterations(grid.iterations()))
                : Minimizer.run(registry.byName(grid.optimizers().get(t.o())), objective, x0,
                StoppingRule.maxIterations(grid.iterations()), trace);
        long wall = System.nanoTime() - t0;
        long cpu = mx.getCurrentThreadCpuTime() - c0;
        runs[t.f()][t.d()][t.o()][t.r()] = new RunRecord(result.value(), result.value() - fStar, result.iterations(),
                result.evaluations(), result.status(), wall, cpu);
        if (trace != null) {
            int len = grid.iterations() + 1;
            double[] ev = new double[len];
            double[] gaps = new double[len];
            for (int k = 0; k < len; k++) {
                int i = Math.min(k, trace.size() - 1);
                ev[k] = trace.evaluations(i);
                gaps[k] = trace.value(i) - fStar;
            }
            curves[t.d()][t.o()][t.r()] = new Curve(ev, gaps);
        }
    }
}
