/**
 * Numerical optimization: {@link org.physrec.optim.Objective}, the optimizer interface with
 * explicit state, classical optimizers, stopping rules, test functions, learned optimizers
 * (Adafactor-MLP, Optimus), their inference kernels and PES meta-training.
 * Depends on nothing of physrec: any {@code Objective} can be minimized.
 */
package org.physrec.optim;
