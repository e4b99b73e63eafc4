package org.physrec.app.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.physrec.optim.OptimizerRegistry;
import org.physrec.optim.Optimizers;
import org.physrec.optim.functions.TestFunction;
import org.physrec.optim.functions.TestFunctions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code physrec bench functions}: the Table 4 protocol on the fifteen test functions. */
@Command(name = "functions", mixinStandardHelpOptions = true,
        description = {"Runs optimizers on the 15 test functions of Table 4 (64 seeded starts x 200 iterations per"
                + " cell by default) in parallel and writes results.json, results.csv, table.md, profile.png and"
                + " rosenbrock.png to --out.",
                "Example: physrec bench functions --dims 2,10 --runs 8 --out out/bench"})
public final class FunctionsBenchCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--functions", split = ",", paramLabel = "NAME",
            description = "Test functions (default: all 15): ${COMPLETION-CANDIDATES}",
            completionCandidates = FunctionNames.class)
    List<String> functions;

    @Option(names = "--dims", split = ",", paramLabel = "N", description = "Dimensions (default: 2,10,20,50,100,250,500,1000).")
    List<Integer> dims = new ArrayList<>(FunctionGrid.TABLE4_DIMS);

    @Option(names = "--runs", paramLabel = "K", description = "Seeded starts per cell (default: ${DEFAULT-VALUE}).")
    int runs = 64;

    @Option(names = "--iterations", paramLabel = "T", description = "Iteration budget per run (default: ${DEFAULT-VALUE}).")
    int iterations = 200;

    @Option(names = "--optimizers", split = ",", paramLabel = "NAME",
            description = "Optimizers by name (default: the classical ones: gd, momentum, adam, bfgs, lbfgs).")
    List<String> optimizers;

    @Option(names = "--seed", description = "Base seed of the starts (default: ${DEFAULT-VALUE}).")
    long seed = 0;

    @Option(names = "--threads", description = "Worker threads (default: all cores). Results do not depend on it.")
    Integer threads;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @Option(names = "--no-progress", negatable = true, description = "Show a progress bar on stderr (default: on).")
    boolean progress = true;

    /** Lists function names for the help text. */
    static final class FunctionNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return TestFunctions.names().iterator();
        }
    }

    @Override
    public Integer call() {
        OptimizerRegistry registry = Optimizers.all();
        FunctionGrid grid = grid(registry);
        long total = (long) grid.functions().size() * grid.dims().size() * grid.optimizers().size() * grid.runs();
        FunctionBenchmark.Results results;
        if (progress) {
            try (ProgressBar bar = new ProgressBarBuilder().setTaskName("bench functions").setInitialMax(total)
                    .setConsumer(new ConsoleProgressBarConsumer(System.err)).setUpdateIntervalMillis(500).build()) {
                results = FunctionBenchmark.run(grid, registry, bar::step);
            }
        } else {
            results = FunctionBenchmark.run(grid, registry, () -> { });
        }
        FunctionReport.writeAll(results, out);
        spec.commandLine().getOut().printf(Locale.ROOT, "%d runs (%d functions x %d dims x %d optimizers x %d starts)"
                        + " in %.1f s wall (%.1f s CPU) on %d threads; wrote %s%n", total, grid.functions().size(),
                grid.dims().size(), grid.optimizers().size(), grid.runs(), results.wallNanos() / 1e9, results.cpuSeconds(),
                grid.threads(), out);
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** Validates the flags into a grid; bad values are usage errors (exit 2) naming them. */
    FunctionGrid grid(OptimizerRegistry registry) {
        List<TestFunction> fns = new ArrayList<>();
        try {
            if (functions == null || functions.isEmpty()) {
                fns.addAll(TestFunctions.all());
            } else {
                for (String name : functions) {
                    fns.add(TestFunctions.byName(name));
                }
            }
            List<String> opts = BenchFlags.optimizers(optimizers, registry);
            BenchFlags.checkDims(dims);
            if (runs < 1) {
                throw new IllegalArgumentException("--runs: must be >= 1, got " + runs);
            }
            if (iterations < 1) {
                throw new IllegalArgumentException("--iterations: must be >= 1, got " + iterations);
            }
            int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
            if (t < 1) {
                throw new IllegalArgumentException("--threads: must be >= 1, got " + t);
            }
            return new FunctionGrid(fns, dims, opts, runs, iterations, seed, t);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
