package org.physrec.app.train.physics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.physrec.datasets.io.AtomicFiles;
import org.physrec.app.recon.ReconstructionSettings;
import org.physrec.app.train.TrainRunOptions;
import org.physrec.app.train.TrainingCurve;
import org.physrec.datasets.DataRoot;
import org.physrec.optim.learned.Checkpoint;
import org.physrec.optim.learned.LearnedOptimizer;
import org.physrec.optim.learned.LearnedOptimizers;
import org.physrec.optim.meta.LocalEvaluator;
import org.physrec.optim.meta.MetaAdam;
import org.physrec.optim.meta.PesSettings;
import org.physrec.optim.meta.PesTrainer;
import org.physrec.optim.meta.TrainableSet;
import org.physrec.optim.meta.TrainerCheckpoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code physrec train-physics}: PES meta-training of a learned optimizer on reconstruction
 * windows of the training motion files. Writes into the output folder {@code trainer.safetensors}
 * (resume state), {@code learned.json} + {@code learned.safetensors} (the weights),
 * {@code curve.csv} (outer iteration, meta-loss, gradient norm, used tasks, wall seconds), {@code curve.png}
 * (the meta-loss, drawn when the run stops) and
 * {@code compute.json} (wall and CPU time accumulated over resumes).
 */
@Command(name = "train-physics", mixinStandardHelpOptions = true,
        description = "Meta-train a learned optimizer with PES on reconstruction windows (training motion files).")
public final class PhysicsTrainCommand implements Callable<Integer> {

    @Option(names = "--config", required = true, description = "config (configs/train/optimus-physics.yaml)")
    Path config;

    @Mixin
    TrainRunOptions run;

    @Override
    public Integer call() throws IOException {
        PhysicsTrainConfig cfg = PhysicsTrainConfig.read(config);
        Path dir = run.dir(cfg.name());
        Files.createDirectories(dir);
        LearnedOptimizer arch = cfg.learnedOptimizer();
        PesSettings pes = cfg.pesSettings();
        int total = run.totalIterations(cfg.iterations());
        int nThreads = run.threads();
        Path motion = DataRoot.motion().orElseThrow(() -> new IllegalArgumentException(
                "no motion folder found: set PHYSREC_DATA to the shared data folder"));
        Path curveFile = dir.resolve("curve.csv");
        Map<String, Object> compute = readCompute(dir.resolve("compute.json"));
        try (LocalEvaluator ev = new LocalEvaluator(nThreads)) {
            long t0 = System.nanoTime();
            ReconstructionSettings rs = ReconstructionSettings.DEFAULTS.withWindow(cfg.windowFrames(), 0);
            List<ReconWindow> pool = new ReconWindowSource(motion, rs).windows(WindowSplit.DEFAULT.train(),
                    cfg.windows(), cfg.windowSeed(), ev);
            PhysicsTaskFamily family = new PhysicsTaskFamily(pool);
            System.err.printf(Locale.ROOT, "train-physics: %d training windows from %s in %.1f s%n", pool.size(),
                    WindowSplit.DEFAULT.train(), (System.nanoTime() - t0) * 1e-9);
            System.err.printf(Locale.ROOT, "train-physics: training %d of %d parameters (%s)%n",
                    TrainableSet.of(arch.layout(), pes.trainable()).size(), arch.layout().size(), cfg.trainable());
            PesTrainer trainer;
            if (run.resume() && Files.exists(dir.resolve("trainer.safetensors"))) {
                TrainerCheckpoint.Restored r = TrainerCheckpoint.load(dir, arch, pes.learningRate());
                trainer = new PesTrainer(arch, family, pes, ev, r.theta(), r.adam(), r.iteration());
                System.err.printf("train-physics: resuming %s at outer iteration %d%n", cfg.name(), r.iteration());
            } else {
                if (Files.exists(dir.resolve("trainer.safetensors"))) {
                    throw new IllegalArgumentException(dir + " already holds a training run; pass --resume or another --out");
                }
                float[] theta = startTheta(cfg, arch, pes);
                trainer = new PesTrainer(arch, family, pes, ev, theta, new MetaAdam(theta.length, pes.learningRate()), 0);
                compute = new LinkedHashMap<>();
                Files.deleteIfExists(curveFile);
            }
            double baseWall = number(compute, "wall_seconds");
            double baseCpu = number(compute, "cpu_seconds");
            long baseInner = (long) number(compute, "inner_steps");
            long start = System.nanoTime();
            long cpuStart = cpuNanos();
            long startIteration = trainer.iteration();
            StringBuilder curve = new StringBuilder(Files.exists(curveFile) ? Files.readString(curveFile)
                    : "iteration,meta_loss,gradient_norm,used_tasks,wall_seconds\n");
            while (trainer.iteration() < total) {
                PesTrainer.Step s = trainer.step();
                double elapsed = (System.nanoTime() - start) * 1e-9;
                curve.append(String.format(Locale.ROOT, "%d,%.6g,%.6g,%d,%.1f%n", s.iteration(), s.metaLoss(),
                        s.gradientNorm(), s.usedTasks(), baseWall + elapsed));
                System.err.printf(Locale.ROOT, "train-physics: outer iteration %d meta-loss %.4f |g| %.3g tasks %d"
                        + " (%.0f s)%n", s.iteration(), s.metaLoss(), s.gradientNorm(), s.usedTasks(), elapsed);
                boolean timeUp = run.timeUp(elapsed);
                if (trainer.iteration() % cfg.checkpointEvery() == 0 || trainer.iteration() == total || timeUp) {
                    TrainerCheckpoint.save(dir, trainer);
                    AtomicFiles.writeStringUnchecked(curveFile, curve.toString());
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("outer_iterations", trainer.iteration());
                    m.put("wall_seconds", baseWall + elapsed);
                    m.put("cpu_seconds", baseCpu + (cpuNanos() - cpuStart) * 1e-9);
                    m.put("threads", nThreads);
                    m.put("inner_steps", baseInner
                            + (trainer.iteration() - startIteration) * 2L * pes.tasks() * pes.truncation());
                    m.put("training_windows", pool.size());
                    m.put("machine", "2 cores shared with other jobs, nice -n 10");
                    AtomicFiles.writeStringUnchecked(dir.resolve("compute.json"),
                            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m));
                    if (timeUp) {
                        break;
                    }
                }
            }
            if (Files.exists(curveFile)) {
                TrainingCurve.plot(curveFile, dir.resolve("curve.png"), "PES meta-training on physics windows: "
                        + cfg.name());
            }
            System.err.printf("train-physics: %s at outer iteration %d; weights %s%n", cfg.name(), trainer.iteration(),
                    dir.resolve("learned.json"));
        }
        return 0;
    }

    /**
     * θ at the start: the config's {@code init_from} checkpoint (its tensors must match; scalar
     * settings such as λa come from the config), else the architecture's initialization.
     */
    static float[] startTheta(PhysicsTrainConfig cfg, LearnedOptimizer arch, PesSettings pes) {
        if (cfg.initFrom() == null) {
            return arch.init(pes.seed());
        }
        Checkpoint start = LearnedOptimizers.checkpoint(cfg.initFrom());
        if (!start.arch().kind().equals(arch.kind()) || !sameTensors(start.arch(), arch)) {
            throw new IllegalArgumentException("init_from " + cfg.initFrom() + ": tensors of " + start.arch()
                    + " differ from the config's " + arch);
        }
        return start.params().clone();
    }

    private static boolean sameTensors(LearnedOptimizer a, LearnedOptimizer b) {
        var ea = a.layout().entries();
        var eb = b.layout().entries();
        if (ea.size() != eb.size()) {
            return false;
        }
        for (int i = 0; i < ea.size(); i++) {
            if (!ea.get(i).name().equals(eb.get(i).name())
                    || !java.util.Arrays.equals(ea.get(i).shape(), eb.get(i).shape())) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, Object> readCompute(Path file) throws IOException {
        if (!Files.exists(file)) {
            return new LinkedHashMap<>();
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> m = new ObjectMapper().readValue(file.toFile(), Map.class);
        return m;
    }

    private static double number(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v instanceof Number n ? n.doubleValue() : 0;
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
