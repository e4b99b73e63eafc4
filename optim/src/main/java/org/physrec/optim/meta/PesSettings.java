package org.physrec.optim.meta;

import java.util.List;

/**
 * Settings of PES meta-training.
 *
 * @param tasks        tasks per outer step, each unrolled as an antithetic pair (paper: 20)
 * @param truncation   inner steps per unroll (paper: 5)
 * @param episode      inner steps before a task is resampled (paper: 50 on the physics task)
 * @param sigma        standard deviation of the PES perturbation (learned_optimization default 0.01)
 * @param learningRate Adam learning rate on θ (paper: 5e-4)
 * @param clipNorm     gradient clipping: the estimate is rescaled to at most this L2 norm (paper: 3)
 * @param logLoss      inner loss is log(f − f* + lossFloor) instead of f
 * @param lossFloor    δ in the log loss
 * @param seed         seeds tasks, noise and the initial θ
 * @param trainable    prefixes of the tensor names that are perturbed and updated; empty: all of θ.
 *                     The other tensors stay at their initial values (see {@link TrainableSet})
 */
public record PesSettings(int tasks, int truncation, int episode, double sigma, double learningRate, double clipNorm,
                          boolean logLoss, double lossFloor, long seed, List<String> trainable) {

    /** All of θ trainable. */
    public PesSettings(int tasks, int truncation, int episode, double sigma, double learningRate, double clipNorm,
                       boolean logLoss, double lossFloor, long seed) {
        this(tasks, truncation, episode, sigma, learningRate, clipNorm, logLoss, lossFloor, seed, List.of());
    }

    public static PesSettings defaults() {
        return new PesSettings(20, 5, 50, 0.01, 5e-4, 3.0, true, 1e-8, 0);
    }

    public PesSettings {
        positive("tasks", tasks);
        positive("truncation", truncation);
        positive("episode", episode);
        if (!(sigma > 0)) {
            throw new IllegalArgumentException("sigma: must be > 0, got " + sigma);
        }
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("learningRate: must be > 0, got " + learningRate);
        }
        if (!(clipNorm > 0)) {
            throw new IllegalArgumentException("clipNorm: must be > 0, got " + clipNorm);
        }
        if (!(lossFloor > 0)) {
            throw new IllegalArgumentException("lossFloor: must be > 0, got " + lossFloor);
        }
        trainable = trainable == null ? List.of() : List.copyOf(trainable);
    }

    private static void positive(String name, int v) {
        if (v <= 0) {
            throw new IllegalArgumentException(name + ": must be positive, got " + v);
        }
    }

    public PesSettings withTasks(int v) {
        return new PesSettings(v, truncation, episode, sigma, learningRate, clipNorm, logLoss, lossFloor, seed, trainable);
    }

    public PesSettings withTruncation(int v) {
        return new PesSettings(tasks, v, episode, sigma, learningRate, clipNorm, logLoss, lossFloor, seed, trainable);
    }

    public PesSettings withEpisode(int v) {
        return new PesSettings(tasks, truncation, v, sigma, learningRate, clipNorm, logLoss, lossFloor, seed, trainable);
    }

    public PesSettings withSigma(double v) {
        return new PesSettings(tasks, truncation, episode, v, learningRate, clipNorm, logLoss, lossFloor, seed, trainable);
    }

    public PesSettings withLearningRate(double v) {
        return new PesSettings(tasks, truncation, episode, sigma, v, clipNorm, logLoss, lossFloor, seed, trainable);
    }

    public PesSettings withSeed(long v) {
        return new PesSettings(tasks, truncation, episode, sigma, learningRate, clipNorm, logLoss, lossFloor, v, trainable);
    }

    public PesSettings withTrainable(List<String> v) {
        return new PesSettings(tasks, truncation, episode, sigma, learningRate, clipNorm, logLoss, lossFloor, seed, v);
    }
}
