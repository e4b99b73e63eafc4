/**
 * Numerical optimization core: {@link org.physrec.optim.Objective}, the
 * {@link org.physrec.optim.Optimizer} interface with explicit {@link org.physrec.optim.OptimizerState},
 * the run loop {@link org.physrec.optim.Minimizer} with {@link org.physrec.optim.StoppingRule}s
 * (including Optimus' Algorithm 1 rule), traces, and the name registry
 * {@link org.physrec.optim.Optimizers}. Sub-packages hold the classical optimizers, line searches,
 * test functions and the learned optimizers.
 * Depends on nothing of physrec: any {@code Objective} can be minimized.
 */
package org.physrec.optim;
