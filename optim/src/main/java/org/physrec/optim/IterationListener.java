package org.physrec.optim;

/** Called by {@link Minimizer} after the start and after every completed iteration. */
@FunctionalInterface
public interface IterationListener {

    /** Sees the state right after init (iteration 0) and after each iteration; must not modify it. */
    void onIteration(OptimizerState state);

    /** A listener that ignores everything. */
    static IterationListener none() {
        return s -> { };
    }
}
