package org.physrec.optim.meta;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.physrec.optim.Optimizer;
import org.physrec.optim.OptimizerState;

/**
 * The meta-objective on a fixed set of tasks, for comparing meta-parameters: every optimizer
 * runs full episodes on the same sampled tasks, and the score is the PES loss averaged over all
 * steps of all episodes (mean of log(f − f* + floor), or f). The per-iteration training curve
 * mixes different tasks at different episode positions, so only this says whether training
 * helps. A run that stops early on a non-finite value scores {@link #FAILED_LOSS} for each
 * remaining step; a run that converged keeps its last loss.
 */
public final class MetaValidation {

    /** Loss charged per step after a non-finite value (log 5e21, far above the gaps of working runs). */
    public static final double FAILED_LOSS = 50;

    /** Mean loss over all steps, mean loss at the last step, and the number of failed runs. */
    public record Score(double meanLoss, double finalLoss, int failures) {
    }

    private final List<MetaTask> tasks;
    private final int episode;
    private final boolean logLoss;
    private final double lossFloor;

    /** Samples {@code count} tasks from the family with a generator seeded by {@code seed}. */
    public MetaValidation(TaskFamily family, int count, long seed, int episode, boolean logLoss, double lossFloor) {
        if (count <= 0 || episode <= 0) {
            throw new IllegalArgumentException("count, episode: must be positive, got " + count + ", " + episode);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        List<MetaTask> t = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            t.add(family.sample(rng));
        }
        this.tasks = List.copyOf(t);
        this.episode = episode;
        this.logLoss = logLoss;
        this.lossFloor = lossFloor;
    }

    public List<MetaTask> tasks() {
        return tasks;
    }

    /** Runs the optimizer for one episode on every task (in order, single thread). */
    public <S extends OptimizerState> Score score(Optimizer<S> optimizer) {
        double sum = 0;
        double last = 0;
        int failures = 0;
        for (MetaTask task : tasks) {
            S s = optimizer.init(task.x0(), task.objective());
            double acc = 0;
            double l = FAILED_LOSS;
            boolean failed = false;
            for (int k = 0; k < episode; k++) {
                failed |= s.status == OptimizerState.Status.NON_FINITE || s.status == OptimizerState.Status.FAILED;
                l = failed ? FAILED_LOSS : loss(s.value, task.lowerBound());
                acc += Double.isFinite(l) ? l : FAILED_LOSS;
                if (s.isRunning()) {
                    optimizer.step(s, task.objective());
                }
            }
            failures += failed ? 1 : 0;
            sum += acc / episode;
            last += Double.isFinite(l) ? l : FAILED_LOSS;
        }
        return new Score(sum / tasks.size(), last / tasks.size(), failures);
    }

    private double loss(double f, double lowerBound) {
        return logLoss ? Math.log(Math.max(f - lowerBound, 0.0) + lossFloor) : f;
    }
}
