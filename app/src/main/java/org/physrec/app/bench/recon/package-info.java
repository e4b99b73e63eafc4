/**
 * {@code physrec bench recon-optimizers}: classical and learned optimizers on held-out
 * reconstruction windows (loss against iterations, objective evaluations and wall time).
 */
package org.physrec.app.bench.recon;
