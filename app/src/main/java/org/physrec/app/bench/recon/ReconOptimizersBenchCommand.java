package org.physrec.app.bench.recon;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.physrec.app.recon.ReconstructionSettings;
import org.physrec.app.train.physics.ReconWindow;
import org.physrec.app.train.physics.ReconWindowSource;
import org.physrec.app.train.physics.WindowSplit;
import org.physrec.datasets.DataRoot;
import org.physrec.optim.meta.LocalEvaluator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code physrec bench recon-optimizers}: optimizers on held-out reconstruction windows. */
@Command(name = "recon-optimizers", mixinStandardHelpOptions = true,
        description = {"Runs optimizers for a fixed number of iterations on reconstruction windows of the held-out"
                + " motion files (CMU salsa, AIST++; synthetic monocular 2D + noisy 3D inputs, IK reference start)"
                + " and writes results.json, results.csv, summary.md and loss_vs_{iterations,evaluations,seconds}.png"
                + " (median f/f0 over windows) to --out. Losses do not depend on --threads; wall times do.",
                "Example: physrec bench recon-optimizers --windows 8 --iterations 50 --out out/bench/recon"})
public final class ReconOptimizersBenchCommand implements Callable<Integer> {

    @Option(names = "--windows", paramLabel = "N", description = "Held-out windows (default: ${DEFAULT-VALUE}).")
    int windows = 8;

    @Option(names = "--iterations", paramLabel = "K", description = "Iterations per run (default: ${DEFAULT-VALUE}).")
    int iterations = 50;

    @Option(names = "--optimizers", split = ",", paramLabel = "NAME",
            description = "Optimizer names (default: ${DEFAULT-VALUE}).")
    List<String> optimizers = List.of("optimus", "adafac_mlp", "lbfgs", "bfgs", "adam");

    @Option(names = "--window-length", paramLabel = "W", description = "Frames per window (default: ${DEFAULT-VALUE}).")
    int windowLength = ReconstructionSettings.DEFAULTS.window();

    @Option(names = "--seed", description = "Seed of the synthetic inputs and window starts (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--split", paramLabel = "SET", description = "Motion files the windows come from: held-out"
            + " (the benchmark) or train (the meta-training files: for choosing settings without looking at held-out"
            + " windows). Default: ${DEFAULT-VALUE}.")
    String split = "held-out";

    @Option(names = "--threads", description = "Worker threads (default: all cores). Losses do not depend on it.")
    Integer threads;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @Override
    public Integer call() {
        Path motion = DataRoot.motion().orElseThrow(() -> new IllegalArgumentException(
                "no motion folder found: set PHYSREC_DATA to the shared data folder"));
        List<String> files = switch (split) {
            case "held-out" -> WindowSplit.DEFAULT.heldOut();
            case "train" -> WindowSplit.DEFAULT.train();
            default -> throw new IllegalArgumentException("--split: expected held-out or train, got '" + split + "'");
        };
        ReconstructionSettings settings = ReconstructionSettings.DEFAULTS.withWindow(windowLength, 0);
        int nThreads = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        List<RunCurve> runs;
        List<ReconWindow> ws;
        long t0 = System.nanoTime();
        try (LocalEvaluator ev = new LocalEvaluator(nThreads)) {
            ws = new ReconWindowSource(motion, settings).windows(files, windows, seed, ev);
            System.err.printf("recon-optimizers: %d %s windows of %d frames (%d variables) built in %.1f s%n",
                    ws.size(), split, windowLength, ws.get(0).x0().length, (System.nanoTime() - t0) * 1e-9);
            try (ProgressBar bar = new ProgressBarBuilder().setTaskName("recon-optimizers")
                    .setInitialMax((long) ws.size() * optimizers.size())
                    .setConsumer(new ConsoleProgressBarConsumer(System.err)).setUpdateIntervalMillis(2000).build()) {
                runs = ReconOptimizerBenchmark.run(ws, optimizers, iterations, ev, bar::step);
            }
        }
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("windows", ws.stream().map(ReconWindow::id).toList());
        s.put("split", split);
        s.put("files", files);
        s.put("window_frames", windowLength);
        s.put("variables", ws.get(0).x0().length);
        s.put("iterations", iterations);
        s.put("optimizers", optimizers);
        s.put("seed", seed);
        s.put("threads", nThreads);
        s.put("total_seconds", (System.nanoTime() - t0) * 1e-9);
        List<ConvergenceSummary> summary = ReconBenchReport.write(out, s, runs, iterations);
        System.out.print(ReconBenchReport.markdown(summary));
        System.err.println("recon-optimizers: wrote " + out.toAbsolutePath());
        return 0;
    }
}
