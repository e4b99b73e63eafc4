/**
 * JMH benchmarks of sequence loading (not run by surefire; see docs/PERFORMANCE.md, "Datasets",
 * for the command).
 */
package org.physrec.datasets.bench;
