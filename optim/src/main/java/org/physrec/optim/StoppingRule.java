package org.physrec.optim;

import java.util.Optional;

/**
 * Decides, between iterations, whether a run should stop. Rules are stateless and see the
 * current state plus the run's {@link ValueHistory}; combine them with {@link #or} and
 * {@link #and} (after Hipparchus' convergence checkers).
 */
@FunctionalInterface
public interface StoppingRule {

    /**
     * @return a reason to stop now, or empty to continue
     */
    Optional<String> check(OptimizerState state, ValueHistory history);

    /** Stops when either rule says so (this one's reason first). */
    default StoppingRule or(StoppingRule other) {
        return (s, h) -> {
            Optional<String> mine = check(s, h);
            return mine.isPresent() ? mine : other.check(s, h);
        };
    }

    /** Stops only when both rules say so. */
    default StoppingRule and(StoppingRule other) {
        return (s, h) -> {
            Optional<String> mine = check(s, h);
            if (mine.isEmpty()) {
                return mine;
            }
            Optional<String> theirs = other.check(s, h);
            return theirs.isEmpty() ? theirs : Optional.of(mine.get() + " and " + theirs.get());
        };
    }

    /** Never stops (the optimizer's own tests and NaN handling still end the run). */
    static StoppingRule never() {
        return (s, h) -> Optional.empty();
    }

    /** Stops once {@code maxIterations} iterations are done. */
    static StoppingRule maxIterations(int maxIterations) {
        if (maxIterations < 0) {
            throw new IllegalArgumentException("maxIterations: must be >= 0, got " + maxIterations);
        }
        return (s, h) -> s.iteration >= maxIterations
                ? Optional.of("reached " + maxIterations + " iterations") : Optional.empty();
    }

    /** Stops once at least {@code maxEvaluations} objective evaluations were made. */
    static StoppingRule maxEvaluations(long maxEvaluations) {
        if (maxEvaluations < 1) {
            throw new IllegalArgumentException("maxEvaluations: must be >= 1, got " + maxEvaluations);
        }
        return (s, h) -> s.evaluations >= maxEvaluations
                ? Optional.of("reached " + maxEvaluations + " evaluations") : Optional.empty();
    }

    /** Stops when the largest absolute gradient entry is at most {@code tolerance}. */
    static StoppingRule gradientMaxNormBelow(double tolerance) {
        if (!(tolerance >= 0)) {
            throw new IllegalArgumentException("tolerance: must be >= 0, got " + tolerance);
        }
        return (s, h) -> {
            double max = 0;
            for (double g : s.gradient) {
                max = Math.max(max, Math.abs(g));
            }
            return max <= tolerance ? Optional.of("gradient max-norm " + max + " <= " + tolerance) : Optional.empty();
        };
    }

    /** Stops when f(x_k) is at most {@code target}. */
    static StoppingRule valueBelow(double target) {
        return (s, h) -> s.value <= target ? Optional.of("f = " + s.value + " <= " + target) : Optional.empty();
    }

    /**
     * The early-stop rule of Optimus' Algorithm 1: stop at iteration k when
     * f(x_k) &gt; (1/N)·Σ_{i=1..N} β·f(x_{k-i}) + ε, i.e. when the new value exceeds β times the
     * mean of the previous N values by more than ε. Needs k ≥ N, so it never fires earlier.
     *
     * @param window N ≥ 1, the number of previous values averaged
     * @param beta   β, the factor on the average (1 means "worse than the recent mean")
     * @param epsilon ε, an absolute slack
     */
    static StoppingRule optimusRule(int window, double beta, double epsilon) {
        if (window < 1) {
            throw new IllegalArgumentException("window: must be >= 1, got " + window);
        }
        if (!Double.isFinite(beta) || !Double.isFinite(epsilon)) {
            throw new IllegalArgumentException("beta, epsilon: must be finite, got " + beta + ", " + epsilon);
        }
        return (s, h) -> {
            int k = h.size() - 1;
            if (k < window) {
                return Optional.empty();
            }
            double sum = 0;
            for (int i = 1; i <= window; i++) {
                sum += beta * h.get(k - i);
            }
            double threshold = sum / window + epsilon;
            return h.get(k) > threshold
                    ? Optional.of("Algorithm 1 rule: f(x_" + k + ") = " + h.get(k) + " > " + threshold)
                    : Optional.empty();
        };
    }
}
