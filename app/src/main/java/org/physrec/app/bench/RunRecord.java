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
 * @param wallNanos   wall time of the run (the only field that varies between executions)
 */
public record RunRecord(double finalValue, double gap, int iterations, long evaluations,
                        OptimizerState.Status status, long wallNanos) {
}
