package org.physrec.app.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.physrec.optim.learned.AdafactorMlp;
import org.physrec.optim.learned.Checkpoint;
import org.physrec.optim.learned.LearnedOptimizer;
import org.physrec.optim.meta.FunctionTaskFamily;
import org.physrec.optim.meta.PesSettings;
import org.physrec.optim.meta.TaskFamily;
import org.physrec.optim.meta.TestFunctionProblem;
import org.physrec.optim.meta.TrainableSet;

/**
 * A meta-training config ({@code configs/train/*.yaml}); unknown fields are errors.
 *
 * @param name            run name, used for the default output folder
 * @param architecture    the learned optimizer's config (field {@code kind}: adafac_mlp or optimus)
 * @param functions       test function names, or [all]
 * @param minDim          smallest sampled dimension
 * @param maxDim          largest sampled dimension
 * @param rotation        probability of a random rotation
 * @param scaleRange      f is scaled by a log-uniform factor in [1/scaleRange, scaleRange]
 * @param minInitFraction the init box is shrunk by a log-uniform factor in [minInitFraction, 1]
 * @param pes             PES settings
 * @param trainable       tensor-name prefixes PES trains ([] = all of θ); the rest stays at its initial value
 * @param iterations      outer iterations to reach (a resumed run continues up to this)
 * @param checkpointEvery outer iterations between checkpoints
 */
public record TrainConfig(String name, Map<String, Object> architecture, List<String> functions, int minDim, int maxDim,
                          double rotation, double scaleRange, double minInitFraction, Pes pes, List<String> trainable,
                          int iterations, int checkpointEvery) implements YamlConfig.Validated {

    /** The PES block, shared by the function and physics-window configs. */
    public record Pes(int tasks, int truncation, int episode, double sigma, double learningRate, double clipNorm,
                      boolean logLoss, double lossFloor, long seed) {
        public PesSettings settings() {
            return new PesSettings(tasks, truncation, episode, sigma, learningRate, clipNorm, logLoss, lossFloor, seed);
        }
    }

    public static TrainConfig read(Path file) throws IOException {
        return YamlConfig.read(file, TrainConfig.class);
    }

    @Override
    public void validate() {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name: missing");
        }
        if (iterations < 0) {
            throw new IllegalArgumentException("iterations: must be >= 0, got " + iterations);
        }
        if (checkpointEvery <= 0) {
            throw new IllegalArgumentException("checkpoint_every: must be positive, got " + checkpointEvery);
        }
        if (trainable == null) {
            throw new IllegalArgumentException("trainable: missing (use [] to train all of θ)");
        }
        TrainableSet.of(learnedOptimizer().layout(), trainable);
        taskFamily();
    }

    public LearnedOptimizer learnedOptimizer() {
        if (architecture == null) {
            throw new IllegalArgumentException("architecture: missing");
        }
        return Checkpoint.architecture(architecture);
    }

    public TaskFamily taskFamily() {
        return new FunctionTaskFamily(TestFunctionProblem.of(functions == null ? List.of() : functions), minDim, maxDim,
                rotation, scaleRange, minInitFraction);
    }

    public PesSettings pesSettings() {
        return pes.settings().withTrainable(trainable);
    }

    /** Default architecture block for a kind (used by tests and docs). */
    static Map<String, Object> defaultArchitecture(String kind) {
        return kind.equals(AdafactorMlp.KIND) ? AdafactorMlp.defaults().config()
                : org.physrec.optim.learned.Optimus.defaults().config();
    }
}
