/**
 * Meta-training of learned optimizers with Persistent Evolution Strategies (Vicol et al. 2021,
 * as in learned_optimization's {@code truncated_pes}): task families that sample inner
 * problems, antithetic truncated unrolls with per-task persistent accumulators, an
 * {@link org.physrec.optim.meta.Evaluator} that runs the unrolls in parallel with results
 * identical to serial, and the outer Adam loop with gradient clipping and resumable checkpoints.
 */
package org.physrec.optim.meta;
