/**
 * Classical optimizers behind the one {@link org.physrec.optim.Optimizer} interface: gradient
 * descent, momentum, Adam, BFGS (SciPy-equivalent, dense inverse Hessian, strong-Wolfe line
 * search) and L-BFGS. Each is an immutable settings record plus a state class.
 */
package org.physrec.optim.classical;
