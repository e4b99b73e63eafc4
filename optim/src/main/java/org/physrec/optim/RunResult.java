package org.physrec.optim;

/**
 * How one run of {@link Minimizer#run} ended.
 *
 * @param x           the final iterate (last finite one), a copy
 * @param value       f(x)
 * @param iterations  completed iterations
 * @param evaluations objective evaluations, including the initial one
 * @param status      why the run ended (never RUNNING)
 * @param reason      human-readable reason
 */
public record RunResult(double[] x, double value, int iterations, long evaluations,
                        OptimizerState.Status status, String reason) {

    /** True when the run hit a NaN or Inf (the result then holds the last finite iterate). */
    public boolean nonFinite() {
        return status == OptimizerState.Status.NON_FINITE;
    }
}
