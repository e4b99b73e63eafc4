/**
 * Learned optimizers: the 39 Adafactor-MLP input features, the Adafactor-MLP baseline and
 * Optimus (Transformer-predicted rank-one preconditioner updates, step size and direction),
 * and their checkpoints (safetensors + JSON config). A {@link
 * org.physrec.optim.learned.LearnedOptimizer} turns a flat meta-parameter vector into an
 * ordinary {@link org.physrec.optim.Optimizer}, so baselines and learned optimizers share one
 * benchmark and one meta-training loop.
 */
package org.physrec.optim.learned;
