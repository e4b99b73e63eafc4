package org.physrec.app.bench;

import org.physrec.optim.OptimizerState;

/**
 * One run of one optimizer from one start.
 *
 * @param finalValue  f at the last finite iterate
 * @param gap         finalValue − f*
 * @param iterations  completed iterations
 * @param evaluations objective evaluations
 * @param status      how the run ended
 * @param wallNanos   wall time of the run
 * @param cpuNanos    CPU time of the run's thread (wall and CPU time are the only fields that vary
 *                    between executions; CPU time is less affected by other jobs on the machine)
 */
public record RunRecord(double finalValue, double gap, int iterations, long evaluations,
                        OptimizerState.Status status, long wallNanos, long cpuNanos) {
}
