/**
 * JMH benchmarks of the learned-optimizer kernels and the Optimus step (not run by surefire;
 * see docs/PERFORMANCE.md for the command).
 */
package org.physrec.optim.bench;
