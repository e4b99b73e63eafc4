/**
 * Small float inference kernels for the learned optimizers: a register-blocked matrix product
 * on the Vector API ({@link org.physrec.optim.nn.Gemm}), per-token linear layers, layer norm
 * and multi-head self-attention over N tokens. All work on flat row-major {@code float[]}
 * arrays and write into caller-owned buffers, so nothing is allocated per optimizer step.
 */
package org.physrec.optim.nn;
