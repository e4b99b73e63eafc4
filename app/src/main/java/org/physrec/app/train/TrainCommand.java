package org.physrec.app.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.physrec.datasets.io.AtomicFiles;
import org.physrec.optim.learned.Checkpoint;
import org.physrec.optim.learned.LearnedOptimizer;
import org.physrec.optim.meta.LocalEvaluator;
import org.physrec.optim.meta.MetaAdam;
import org.physrec.optim.meta.PesSettings;
import org.physrec.optim.meta.PesTrainer;
import org.physrec.optim.meta.TrainerCheckpoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code physrec train}: PES meta-training of a learned optimizer from a YAML config. Writes
 * into the output folder: {@code trainer.safetensors} (resume state), {@code learned.json} +
 * {@code learned.safetensors} (the weights), {@code curve.csv}, {@code curve.png} and
 * {@code compute.json} (wall and CPU time, threads, iterations, inner steps).
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Meta-train a learned optimizer (Adafactor-MLP or Optimus) with PES.")
public final class TrainCommand implements Callable<Integer> {

    @Option(names = "--config", required = true, description = "training config (configs/train/*.yaml)")
    Path config;

    @Mixin
    TrainRunOptions run;

    @Option(names = "--init-from", description = "start θ from this checkpoint (kind:name or .json path) instead of"
            + " the architecture's initialization; Adam starts fresh")
    String initFrom;

    @Option(names = "--export", description = "also copy the final weights to <base>.json/.safetensors")
    Path export;

    @Override
    public Integer call() throws IOException {
        TrainConfig cfg = TrainConfig.read(config);
        Path dir = run.dir(cfg.name());
        Files.createDirectories(dir);
        LearnedOptimizer arch = cfg.learnedOptimizer();
        PesSettings pes = cfg.pesSettings();
        int total = run.totalIterations(cfg.iterations());
        int nThreads = run.threads();
        Compute compute = Compute.read(dir.resolve("compute.json"));
        TrainingCurve curve = new TrainingCurve(dir.resolve("curve.csv"));
        try (LocalEvaluator ev = new LocalEvaluator(nThreads)) {
            PesTrainer trainer;
            if (run.resume() && Files.exists(dir.resolve("trainer.safetensors"))) {
                TrainerCheckpoint.Restored r = TrainerCheckpoint.load(dir, arch, pes.learningRate());
                trainer = new PesTrainer(arch, cfg.taskFamily(), pes, ev, r.theta(), r.adam(), r.iteration());
                curve.truncateAfter(r.iteration());
                System.err.printf("physrec train: resuming %s at outer iteration %d%n", cfg.name(), r.iteration());
            } else {
                if (Files.exists(dir.resolve("trainer.safetensors"))) {
                    throw new IllegalArgumentException(dir + " already holds a training run; pass --resume or another --out");
                }
                float[] theta = arch.init(pes.seed());
                if (initFrom != null) {
                    Checkpoint start = org.physrec.optim.learned.LearnedOptimizers.checkpoint(initFrom);
                    if (!start.arch().equals(arch)) {
                        throw new IllegalArgumentException("--init-from " + initFrom + ": architecture " + start.arch()
                                + " differs from the config's " + arch);
                    }
                    theta = start.params();
                }
                trainer = new PesTrainer(arch, cfg.taskFamily(), pes, ev, theta, new MetaAdam(theta.length,
                        pes.learningRate()), 0);
                compute = new Compute(0, 0, 0, 0);
            }
            long start = System.nanoTime();
            long cpuStart = cpuNanos();
            long startIteration = trainer.iteration();
            double baseSeconds = compute.wallSeconds;
            try (ProgressBar bar = new ProgressBarBuilder().setTaskName("PES " + cfg.name()).setInitialMax(total)
                    .setStyle(ProgressBarStyle.ASCII).startsFrom(startIteration, java.time.Duration.ZERO)
                    .setUpdateIntervalMillis(2000).build()) {
                while (trainer.iteration() < total) {
                    PesTrainer.Step s = trainer.step();
                    double elapsed = (System.nanoTime() - start) / 1e9;
                    curve.append(s, baseSeconds + elapsed);
                    bar.stepTo(trainer.iteration());
                    bar.setExtraMessage(String.format(java.util.Locale.ROOT, " loss %.3f", s.metaLoss()));
                    boolean timeUp = run.timeUp(elapsed);
                    if (trainer.iteration() % cfg.checkpointEvery() == 0 || trainer.iteration() == total || timeUp) {
                        long inner = (trainer.iteration() - startIteration) * 2L * pes.tasks() * pes.truncation();
                        Compute now = new Compute(baseSeconds + elapsed,
                                compute.cpuSeconds + (cpuNanos() - cpuStart) / 1e9, nThreads,
                                compute.innerSteps + inner);
                        save(dir, trainer, curve, now, cfg);
                        if (timeUp) {
                            break;
                        }
                    }
                }
            }
            if (export != null) {
                new Checkpoint(arch, trainer.theta().clone()).save(export,
                        Map.of("meta_iterations", Long.toString(trainer.iteration()), "config", config.toString()));
            }
            System.err.printf("physrec train: %s at outer iteration %d; weights %s%n", cfg.name(), trainer.iteration(),
                    dir.resolve("learned.json"));
        }
        return 0;
    }

    private static void save(Path dir, PesTrainer trainer, TrainingCurve curve, Compute c, TrainConfig cfg)
            throws IOException {
        TrainerCheckpoint.save(dir, trainer);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("outer_iterations", trainer.iteration());
        m.put("wall_seconds", c.wallSeconds);
        m.put("cpu_seconds", c.cpuSeconds);
        m.put("threads", c.threads);
        m.put("inner_steps", c.innerSteps);
        m.put("machine", "2 cores shared with other jobs, nice -n 10");
        AtomicFiles.writeString(dir.resolve("compute.json"),
                new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m));
        curve.plot(dir.resolve("curve.png"), "PES meta-training: " + cfg.name());
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Compute used so far (accumulated across resumes). */
    record Compute(double wallSeconds, double cpuSeconds, int threads, long innerSteps) {
        static Compute read(Path file) throws IOException {
            if (!Files.exists(file)) {
                return new Compute(0, 0, 0, 0);
            }
            Map<?, ?> m = new ObjectMapper().readValue(file.toFile(), Map.class);
            return new Compute(((Number) m.get("wall_seconds")).doubleValue(), ((Number) m.get("cpu_seconds")).doubleValue(),
                    ((Number) m.get("threads")).intValue(), ((Number) m.get("inner_steps")).longValue());
        }
    }
}
