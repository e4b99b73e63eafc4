package org.physrec.app.train.physics;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.physrec.optim.learned.Checkpoint;
import org.physrec.optim.learned.LearnedOptimizer;
import org.physrec.optim.meta.PesSettings;

/**
 * A meta-training config on reconstruction windows ({@code configs/train/optimus-physics.yaml});
 * unknown fields are errors. Windows come from the training files of {@link WindowSplit#DEFAULT}.
 *
 * @param name            run name, used for the default output folder
 * @param architecture    the learned optimizer's config (field {@code kind})
 * @param initFrom        checkpoint θ starts from ({@code kind:name} or a .json path), or null for the
 *                        architecture's initialization
 * @param windows         size of the training window pool
 * @param windowFrames    frames per window
 * @param windowSeed      seed of the synthetic inputs and window starts of the pool
 * @param pes             PES settings
 * @param iterations      outer iterations to reach (a resumed run continues up to this)
 * @param checkpointEvery outer iterations between checkpoints
 */
public record PhysicsTrainConfig(String name, Map<String, Object> architecture, String initFrom, int windows,
                                 int windowFrames, long windowSeed, Pes pes, int iterations, int checkpointEvery) {

    /** The PES block (as in configs/train/optimus-functions.yaml). */
    public record Pes(int tasks, int truncation, int episode, double sigma, double learningRate, double clipNorm,
                      boolean logLoss, double lossFloor, long seed) {
        PesSettings settings() {
            return new PesSettings(tasks, truncation, episode, sigma, learningRate, clipNorm, logLoss, lossFloor, seed);
        }
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);

    /** @throws IllegalArgumentException naming the file and the bad field */
    public static PhysicsTrainConfig read(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new IllegalArgumentException(file + ": training config not found");
        }
        PhysicsTrainConfig c;
        try {
            c = YAML.readValue(file.toFile(), PhysicsTrainConfig.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(file + ": " + e.getOriginalMessage(), e);
        }
        try {
            c.validate();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
        return c;
    }

    void validate() {
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
        if (pes == null) {
            throw new IllegalArgumentException("pes: missing");
        }
        learnedOptimizer();
        pes.settings();
    }

    public LearnedOptimizer learnedOptimizer() {
        if (architecture == null) {
            throw new IllegalArgumentException("architecture: missing");
        }
        return Checkpoint.architecture(architecture);
    }

    public PesSettings pesSettings() {
        return pes.settings();
    }
}
