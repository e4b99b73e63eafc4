package org.physrec.app.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.physrec.optim.learned.Checkpoint;
import org.physrec.optim.learned.LearnedOptimizer;
import org.physrec.optim.learned.LearnedOptimizers;
import org.physrec.optim.meta.LocalEvaluator;
import org.physrec.optim.meta.PesSettings;
import org.physrec.optim.meta.PesTrainer;
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
        LearnedOptimizer arch = cfg.learnedOptimizer();
        PesSettings pes = cfg.pesSettings();
        try (LocalEvaluator ev = new LocalEvaluator(run.threads())) {
            PesRun pesRun = PesRun.startOrResume(dir, cfg.name(), run.resume(), arch, cfg.taskFamily(), pes, ev,
                    () -> startTheta(arch, pes));
            pesRun.train(run, run.totalIterations(cfg.iterations()), cfg.checkpointEvery(), Map.of());
            PesTrainer trainer = pesRun.trainer();
            if (export != null) {
                new Checkpoint(arch, trainer.theta().clone()).save(export,
                        Map.of("meta_iterations", Long.toString(trainer.iteration()), "config", config.toString()));
            }
            System.err.printf("physrec train: %s at outer iteration %d; weights %s%n", cfg.name(), trainer.iteration(),
                    dir.resolve("learned.json"));
        }
        return 0;
    }

    /** θ of a new run: the architecture's initialization, or the {@code --init-from} checkpoint. */
    private float[] startTheta(LearnedOptimizer arch, PesSettings pes) {
        if (initFrom == null) {
            return arch.init(pes.seed());
        }
        Checkpoint start = LearnedOptimizers.checkpoint(initFrom);
        if (!start.arch().equals(arch)) {
            throw new IllegalArgumentException("--init-from " + initFrom + ": architecture " + start.arch()
                    + " differs from the config's " + arch);
        }
        return start.params();
    }
}
