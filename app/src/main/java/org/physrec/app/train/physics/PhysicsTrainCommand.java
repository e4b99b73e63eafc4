package org.physrec.app.train.physics;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.physrec.app.recon.ReconstructionSettings;
import org.physrec.app.train.PesRun;
import org.physrec.app.train.TrainRunOptions;
import org.physrec.datasets.DataRoot;
import org.physrec.optim.learned.Checkpoint;
import org.physrec.optim.learned.LearnedOptimizer;
import org.physrec.optim.learned.LearnedOptimizers;
import org.physrec.optim.meta.LocalEvaluator;
import org.physrec.optim.meta.PesSettings;
import org.physrec.optim.meta.TrainableSet;
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
        LearnedOptimizer arch = cfg.learnedOptimizer();
        PesSettings pes = cfg.pesSettings();
        Path motion = DataRoot.motion().orElseThrow(() -> new IllegalArgumentException(
                "no motion folder found: set PHYSREC_DATA to the shared data folder"));
        try (LocalEvaluator ev = new LocalEvaluator(run.threads())) {
            long t0 = System.nanoTime();
            ReconstructionSettings rs = ReconstructionSettings.DEFAULTS.withWindow(cfg.windowFrames(), 0);
            List<ReconWindow> pool = new ReconWindowSource(motion, rs).windows(WindowSplit.DEFAULT.train(),
                    cfg.windows(), cfg.windowSeed(), ev);
            System.err.printf(Locale.ROOT, "train-physics: %d training windows from %s in %.1f s%n", pool.size(),
                    WindowSplit.DEFAULT.train(), (System.nanoTime() - t0) * 1e-9);
            System.err.printf(Locale.ROOT, "train-physics: training %d of %d parameters (%s)%n",
                    TrainableSet.of(arch.layout(), pes.trainable()).size(), arch.layout().size(), cfg.trainable());
            PesRun pesRun = PesRun.startOrResume(run.dir(cfg.name()), cfg.name(), run.resume(), arch,
                    new PhysicsTaskFamily(pool), pes, ev, () -> startTheta(cfg, arch, pes));
            pesRun.train(run, run.totalIterations(cfg.iterations()), cfg.checkpointEvery(),
                    Map.of("training_windows", pool.size()));
            System.err.printf("train-physics: %s at outer iteration %d; weights %s%n", cfg.name(),
                    pesRun.trainer().iteration(), run.dir(cfg.name()).resolve("learned.json"));
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
}
