package org.physrec.optim.meta;

import java.util.ArrayList;
import java.util.List;
import org.physrec.optim.learned.LearnedOptimizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Meta-trains θ of a learned optimizer with truncated PES: per outer iteration every task slot
 * unrolls an antithetic pair θ ± ε_i (ε_i a window of a shared {@link NoiseTable}) for one truncation (in parallel through the
 * {@link Evaluator}); then, in slot order,
 * <pre>
 *   ĝ = mean_i 1/(2σ²)·(L_old,i·(ξ_i + ε_i) + L_new,i·ε_i),   ξ_i ← reset ? ε_i : ξ_i + ε_i
 * </pre>
 * where L_old/L_new are the mean loss differences before/after a task reset inside the
 * truncation. ĝ is clipped to L2 norm {@code clipNorm} and applied with Adam. Only the entries of
 * the {@link TrainableSet} are perturbed and updated; ε, ξ and ĝ live on that subset. Slots that
 * produced a non-finite value are left out of the mean (and logged), never averaged in.
 */
public final class PesTrainer {

    private static final Logger LOG = LoggerFactory.getLogger(PesTrainer.class);

    /** Outcome of one outer iteration. */
    public record Step(long iteration, double metaLoss, double gradientNorm, int usedTasks, List<String> failures) {
    }

    private final LearnedOptimizer arch;
    private final PesSettings settings;
    private final Evaluator evaluator;
    private final List<PesWorker> workers = new ArrayList<>();
    private final MetaAdam adam;
    private final float[] theta;
    private final TrainableSet trainable;
    /** (K) the estimate over the trainable entries. */
    private final double[] gradient;
    private long iteration;

    /**
     * @param theta     initial meta-parameters (copied)
     * @param adam      outer optimizer state (moments and step count), e.g. restored from a checkpoint
     * @param iteration outer iterations already done
     */
    public PesTrainer(LearnedOptimizer arch, TaskFamily family, PesSettings settings, Evaluator evaluator,
                      float[] theta, MetaAdam adam, long iteration) {
        if (theta.length != arch.layout().size()) {
            throw new IllegalArgumentException("theta: expected " + arch.layout().size() + " values, got " + theta.length);
        }
        this.arch = arch;
        this.settings = settings;
        this.evaluator = evaluator;
        this.theta = theta.clone();
        this.adam = adam;
        this.iteration = iteration;
        this.trainable = TrainableSet.of(arch.layout(), settings.trainable());
        this.gradient = new double[trainable.size()];
        NoiseTable noise = new NoiseTable(trainable.size(), settings.seed());
        for (int i = 0; i < settings.tasks(); i++) {
            workers.add(new PesWorker(arch, family, settings, i, iteration, noise, trainable));
        }
    }

    /** A fresh trainer from {@code arch.init(settings.seed())}. */
    public static PesTrainer start(LearnedOptimizer arch, TaskFamily family, PesSettings settings, Evaluator evaluator) {
        float[] theta = arch.init(settings.seed());
        return new PesTrainer(arch, family, settings, evaluator, theta,
                new MetaAdam(theta.length, settings.learningRate()), 0);
    }

    public Step step() {
        long it = iteration;
        List<PesWorker.Result> results = evaluator.map(workers.size(), i -> workers.get(i).unroll(theta, it));
        java.util.Arrays.fill(gradient, 0.0);
        double inv2s2 = 1.0 / (2 * settings.sigma() * settings.sigma());
        int used = 0;
        double lossSum = 0;
        int lossCount = 0;
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < workers.size(); i++) {
            PesWorker.Result r = results.get(i);
            PesWorker w = workers.get(i);
            if (r.failure() != null) {
                failures.add(r.failure());
                LOG.warn("PES iteration {} slot {} skipped: {}", it, i, r.failure());
                continue;
            }
            if (r.steps() > 0) {
                lossSum += r.meanLoss();
                lossCount++;
            }
            used++;
            double a = r.lossOld() * inv2s2;
            double b = r.lossNew() * inv2s2;
            float[] eps = w.epsilon;
            float[] xi = w.xi;
            for (int j = 0; j < gradient.length; j++) {
                double acc = xi[j] + eps[j];
                gradient[j] += a * acc + b * eps[j];
                xi[j] = r.reset() ? eps[j] : (float) acc;
            }
        }
        double norm = 0;
        if (used > 0) {
            double sq = 0;
            for (int j = 0; j < gradient.length; j++) {
                gradient[j] /= used;
                sq += gradient[j] * gradient[j];
            }
            norm = Math.sqrt(sq);
            if (norm > settings.clipNorm()) {
                double s = settings.clipNorm() / norm;
                for (int j = 0; j < gradient.length; j++) {
                    gradient[j] *= s;
                }
            }
            adam.update(theta, gradient, trainable);
        }
        iteration++;
        return new Step(it, lossCount > 0 ? lossSum / lossCount : Double.NaN, norm, used, failures);
    }

    /** Current θ (live; copy before keeping). */
    public float[] theta() {
        return theta;
    }

    public MetaAdam adam() {
        return adam;
    }

    public long iteration() {
        return iteration;
    }

    public LearnedOptimizer architecture() {
        return arch;
    }

    public PesSettings settings() {
        return settings;
    }
}
