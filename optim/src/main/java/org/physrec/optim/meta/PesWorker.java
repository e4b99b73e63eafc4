package org.physrec.optim.meta;

import java.util.SplittableRandom;
import org.physrec.optim.Optimizer;
import org.physrec.optim.learned.LearnedOptimizer;
import org.physrec.optim.learned.LearnedState;

/**
 * One PES task slot: the persistent positive and negative inner runs of one sampled task, its
 * accumulator ξ and its own buffers for θ±ε. {@link #unroll} advances both runs by one
 * truncation; slots share nothing mutable, so they can run on any thread in any order.
 */
final class PesWorker {

    /** What one truncation of one slot contributes. */
    record Result(double lossOld, double lossNew, boolean reset, double meanLoss, int steps, String failure) {
    }

    private final LearnedOptimizer arch;
    private final TaskFamily family;
    private final PesSettings settings;
    private final int index;
    private final NoiseTable noise;
    private final TrainableSet trainable;
    /** (K) the current perturbation ε of the trainable entries. */
    final float[] epsilon;
    /** (K) the persistent accumulator ξ. */
    final float[] xi;
    private final float[] thetaPlus;
    private final float[] thetaMinus;
    private SplittableRandom taskRng;
    private MetaTask task;
    private LearnedState plus;
    private LearnedState minus;
    private int stepInEpisode;
    private int episodeLength;
    /** Length of the next episode: shortened by a random offset for the first one only. */
    private int nextEpisodeLength;

    PesWorker(LearnedOptimizer arch, TaskFamily family, PesSettings settings, int index, long startIteration,
              NoiseTable noise, TrainableSet trainable) {
        this.noise = noise;
        this.trainable = trainable;
        this.arch = arch;
        this.family = family;
        this.settings = settings;
        this.index = index;
        int p = arch.layout().size();
        epsilon = new float[trainable.size()];
        xi = new float[trainable.size()];
        thetaPlus = new float[p];
        thetaMinus = new float[p];
        taskRng = new SplittableRandom(mix(settings.seed(), 0x7a5L + startIteration, index));
        // Desynchronize the slots: the first episode is shortened by a random offset.
        nextEpisodeLength = settings.episode() - taskRng.nextInt(settings.episode());
        episodeLength = 0;
        stepInEpisode = 0;
        task = null;
    }

    static long mix(long a, long b, long c) {
        long h = a * 0x9E3779B97F4A7C15L + b;
        h = (h ^ (h >>> 31)) * 0xBF58476D1CE4E5B9L + c;
        h = (h ^ (h >>> 29)) * 0x94D049BB133111EBL;
        return h ^ (h >>> 32);
    }

    /** Advances the antithetic pair by one truncation at θ, with noise drawn for outer iteration {@code iteration}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    Result unroll(float[] theta, long iteration) {
        noise.sample(new SplittableRandom(mix(settings.seed(), iteration, index)), settings.sigma(), epsilon);
        System.arraycopy(theta, 0, thetaPlus, 0, theta.length);
        System.arraycopy(theta, 0, thetaMinus, 0, theta.length);
        for (int k = 0; k < epsilon.length; k++) {
            int i = trainable.index(k);
            thetaPlus[i] = theta[i] + epsilon[k];
            thetaMinus[i] = theta[i] - epsilon[k];
        }
        Optimizer optPlus = arch.instantiate(thetaPlus);
        Optimizer optMinus = arch.instantiate(thetaMinus);
        double sumOld = 0;
        double sumNew = 0;
        double sumLoss = 0;
        int masked = 0;
        boolean reset = false;
        for (int k = 0; k < settings.truncation(); k++) {
            if (stepInEpisode >= episodeLength) {
                task = family.sample(taskRng);
                plus = (LearnedState) optPlus.init(task.x0(), task.objective());
                minus = (LearnedState) optMinus.init(task.x0(), task.objective());
                stepInEpisode = 0;
                episodeLength = nextEpisodeLength;
                nextEpisodeLength = settings.episode();
                reset = true;
                if (!plus.isRunning()) {
                    return fail("task " + task.description() + ": " + plus.message);
                }
                continue;
            }
            double lp = loss(plus.value);
            double lm = loss(minus.value);
            if (!Double.isFinite(lp) || !Double.isFinite(lm)) {
                return fail("task " + task.description() + ": non-finite inner loss (" + lp + ", " + lm + ")");
            }
            double delta = lp - lm;
            if (reset) {
                sumNew += delta;
            } else {
                sumOld += delta;
            }
            sumLoss += 0.5 * (lp + lm);
            masked++;
            optPlus.step(plus, task.objective());
            optMinus.step(minus, task.objective());
            stepInEpisode++;
            if (!plus.isRunning() || !minus.isRunning()) {
                String why = !plus.isRunning() ? plus.message : minus.message;
                return fail("task " + task.description() + " step " + stepInEpisode + ": " + why);
            }
        }
        if (masked == 0) {
            return new Result(0, 0, reset, Double.NaN, 0, null);
        }
        return new Result(sumOld / masked, sumNew / masked, reset, sumLoss / masked, masked, null);
    }

    /** Drops the failed task: the next unroll samples a fresh one and ξ restarts from zero. */
    private Result fail(String why) {
        stepInEpisode = episodeLength;
        nextEpisodeLength = settings.episode();
        java.util.Arrays.fill(xi, 0f);
        return new Result(0, 0, true, Double.NaN, 0, why);
    }

    private double loss(double f) {
        if (!settings.logLoss()) {
            return f;
        }
        return Math.log(Math.max(f - task.lowerBound(), 0.0) + settings.lossFloor());
    }
}
