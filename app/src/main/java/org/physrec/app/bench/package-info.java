/**
 * The optimizer benchmarks behind {@code physrec bench functions} (the Table 4 protocol on the
 * fifteen test functions, with results, a Markdown table beside the paper's numbers, a
 * performance profile and Rosenbrock convergence plots) and {@code physrec bench step}
 * (optimizer update time versus dimension, as the supplement's Fig. 1).
 */
package org.physrec.app.bench;
