package org.physrec.optim;

/**
 * A differentiable scalar function f: R^n -> R, the thing every optimizer minimizes.
 * Implementations may keep scratch buffers and are then not thread-safe; create one per thread.
 */
public interface Objective {

    /** The number n of variables. */
    int dimension();

    /**
     * Evaluates f at {@code x} (length n) and writes the gradient into {@code gradOut} (length n).
     *
     * @return f(x); may be non-finite, which optimizers treat as a failed evaluation
     */
    double valueAndGradient(double[] x, double[] gradOut);

    /** f(x) alone; the default evaluates the gradient too, override when that is wasteful. */
    default double value(double[] x) {
        return valueAndGradient(x, new double[dimension()]);
    }
}
