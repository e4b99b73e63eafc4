package org.physrec.app.train.physics;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.physrec.app.train.TrainConfig.Pes;
import org.physrec.app.train.YamlConfig;
import org.physrec.optim.learned.Checkpoint;
import org.physrec.optim.learned.LearnedOptimizer;
import org.physrec.optim.meta.PesSettings;
import org.physrec.optim.meta.TrainableSet;

/**
 * A meta-training config on reconstruction windows ({@code configs/train/optimus-physics.yaml});
 * unknown fields are errors. Windows come from the training files of {@link WindowSplit#DEFAULT}.
 *
 * @param name            run name, used for the default output folder
 * @param architecture    the learned optimizer's config (field {@code kind})
 * @param initFrom        checkpoint θ starts from ({@code kind:name} or a .json path), or null for the
 *                        architecture's initialization; its tensors must match the architecture's, its
 *                        scalar settings (e.g. λa) may differ: the config's architecture wins
 * @param trainable       tensors PES trains: {@code [all]}, or tensor-name prefixes (the rest stay at the
 *                        start values, see {@link org.physrec.optim.meta.TrainableSet})
 * @param windows         size of the training window pool
 * @param windowFrames    frames per window
 * @param windowSeed      seed of the synthetic inputs and window starts of the pool
 * @param pes             PES settings
 * @param iterations      outer iterations to reach (a resumed run continues up to this)
 * @param checkpointEvery outer iterations between checkpoints
 */
public record PhysicsTrainConfig(String name, Map<String, Object> architecture, String initFrom,
                                 List<String> trainable, int windows,
                                 int windowFrames, long windowSeed, Pes pes, int iterations, int checkpointEvery)
        implements YamlConfig.Validated {

    /** The {@code trainable} entry meaning every tensor. */
    public static final String ALL = "all";

    /** @throws IllegalArgumentException naming the file and the bad field */
    public static PhysicsTrainConfig read(Path file) throws IOException {
        return YamlConfig.read(file, PhysicsTrainConfig.class);
    }

    @Override
    public void validate() {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name: missing");
        }
        if (windows < 1) {
            throw new IllegalArgumentException("windows: must be >= 1, got " + windows);
        }
        if (windowFrames < 2) {
            throw new IllegalArgumentException("window_frames: must be >= 2, got " + windowFrames);
        }
        if (iterations < 0) {
            throw new IllegalArgumentException("iterations: must be >= 0, got " + iterations);
        }
        if (checkpointEvery <= 0) {
            throw new IllegalArgumentException("checkpoint_every: must be positive, got " + checkpointEvery);
        }
        if (trainable == null || trainable.isEmpty()) {
            throw new IllegalArgumentException("trainable: missing (give [all] or tensor-name prefixes)");
        }
        if (trainable.contains(ALL) && trainable.size() > 1) {
            throw new IllegalArgumentException("trainable: 'all' cannot be combined with prefixes, got " + trainable);
        }
        if (pes == null) {
            throw new IllegalArgumentException("pes: missing");
        }
        if (!trainsAll()) {
            TrainableSet.of(learnedOptimizer().layout(), trainable);
        }
        pes.settings();
    }

    /** Whether every tensor is trained. */
    public boolean trainsAll() {
        return trainable.equals(List.of(ALL));
    }

    public LearnedOptimizer learnedOptimizer() {
        if (architecture == null) {
            throw new IllegalArgumentException("architecture: missing");
        }
        return Checkpoint.architecture(architecture);
    }

    /** The PES block with the trainable prefixes ([] when every tensor is trained). */
    public PesSettings pesSettings() {
        return pes.settings().withTrainable(trainsAll() ? List.of() : trainable);
    }
}
