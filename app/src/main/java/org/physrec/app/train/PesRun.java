package org.physrec.app.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.physrec.datasets.io.AtomicFiles;
import org.physrec.optim.learned.LearnedOptimizer;
import org.physrec.optim.meta.Evaluator;
import org.physrec.optim.meta.MetaAdam;
import org.physrec.optim.meta.PesSettings;
import org.physrec.optim.meta.PesTrainer;
import org.physrec.optim.meta.TaskFamily;
import org.physrec.optim.meta.TrainerCheckpoint;

/**
 * The outer loop both meta-training commands share: start a PES run in an output folder or
 * resume it, step until the iteration budget or the time limit, and at every checkpoint write
 * {@code trainer.safetensors} + {@code learned.*} (TrainerCheckpoint), {@code curve.csv}/{@code .png}
 * and {@code compute.json} (wall and CPU seconds, threads, inner steps, accumulated over resumes).
 */
public final class PesRun {

    private final Path dir;
    private final String name;
    private final TrainingCurve curve;
    private final PesTrainer trainer;
    private final Compute base;

    private PesRun(Path dir, String name, TrainingCurve curve, PesTrainer trainer, Compute base) {
        this.dir = dir;
        this.name = name;
        this.curve = curve;
        this.trainer = trainer;
        this.base = base;
    }

    /**
     * Resumes the run in {@code dir} when asked and a trainer state exists; otherwise starts one
     * from {@code start} (refusing a folder that already holds a run).
     */
    public static PesRun startOrResume(Path dir, String name, boolean resume, LearnedOptimizer arch, TaskFamily family,
                                       PesSettings pes, Evaluator ev, Supplier<float[]> start) throws IOException {
        Files.createDirectories(dir);
        boolean exists = Files.exists(dir.resolve("trainer.safetensors"));
        if (resume && exists) {
            TrainerCheckpoint.Restored r = TrainerCheckpoint.load(dir, arch, pes.learningRate());
            TrainingCurve curve = new TrainingCurve(dir.resolve("curve.csv"));
            curve.truncateAfter(r.iteration());
            System.err.printf("%s: resuming at outer iteration %d%n", name, r.iteration());
            return new PesRun(dir, name, curve,
                    new PesTrainer(arch, family, pes, ev, r.theta(), r.adam(), r.iteration()),
                    Compute.read(dir.resolve("compute.json")));
        }
        if (exists) {
            throw new IllegalArgumentException(dir + " already holds a training run; pass --resume or another --out");
        }
        Files.deleteIfExists(dir.resolve("curve.csv"));
        float[] theta = start.get();
        return new PesRun(dir, name, new TrainingCurve(dir.resolve("curve.csv")),
                new PesTrainer(arch, family, pes, ev, theta, new MetaAdam(theta.length, pes.learningRate()), 0),
                new Compute(0, 0, 0));
    }

    public PesTrainer trainer() {
        return trainer;
    }

    /**
     * Steps until {@code total} outer iterations or the time limit of {@code run}, checkpointing
     * every {@code checkpointEvery} iterations and at the end.
     *
     * @param extra further entries of compute.json (e.g. the number of training windows)
     */
    public void train(TrainRunOptions run, int total, int checkpointEvery, Map<String, Object> extra)
            throws IOException {
        PesSettings pes = trainer.settings();
        long start = System.nanoTime();
        long cpuStart = cpuNanos();
        long startIteration = trainer.iteration();
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName("PES " + name).setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII).startsFrom(startIteration, Duration.ZERO)
                .setUpdateIntervalMillis(2000).build()) {
            while (trainer.iteration() < total) {
                PesTrainer.Step s = trainer.step();
                double elapsed = (System.nanoTime() - start) / 1e9;
                curve.append(s, base.wallSeconds + elapsed);
                bar.stepTo(trainer.iteration());
                bar.setExtraMessage(String.format(Locale.ROOT, " loss %.3f", s.metaLoss()));
                boolean timeUp = run.timeUp(elapsed);
                if (trainer.iteration() % checkpointEvery == 0 || trainer.iteration() == total || timeUp) {
                    long inner = (trainer.iteration() - startIteration) * 2L * pes.tasks() * pes.truncation();
                    save(new Compute(base.wallSeconds + elapsed, base.cpuSeconds + (cpuNanos() - cpuStart) / 1e9,
                            base.innerSteps + inner), run.threads(), extra);
                    if (timeUp) {
                        break;
                    }
                }
            }
        }
    }

    private void save(Compute c, int threads, Map<String, Object> extra) throws IOException {
        TrainerCheckpoint.save(dir, trainer);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("outer_iterations", trainer.iteration());
        m.put("wall_seconds", c.wallSeconds);
        m.put("cpu_seconds", c.cpuSeconds);
        m.put("threads", threads);
        m.put("inner_steps", c.innerSteps);
        m.putAll(extra);
        m.put("machine", "2 cores shared with other jobs, nice -n 10");
        AtomicFiles.writeString(dir.resolve("compute.json"),
                new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m));
        curve.plot(dir.resolve("curve.png"), "PES meta-training: " + name);
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Compute used so far (accumulated across resumes). */
    private record Compute(double wallSeconds, double cpuSeconds, long innerSteps) {
        static Compute read(Path file) throws IOException {
            if (!Files.exists(file)) {
                return new Compute(0, 0, 0);
            }
            Map<?, ?> m = new ObjectMapper().readValue(file.toFile(), Map.class);
            return new Compute(((Number) m.get("wall_seconds")).doubleValue(),
                    ((Number) m.get("cpu_seconds")).doubleValue(), ((Number) m.get("inner_steps")).longValue());
        }
    }
}
