package org.physrec.optim;

/**
 * An optimization algorithm as immutable settings; everything that changes lives in its state
 * {@code S}. One {@code step} is one iteration, which may evaluate the objective several times
 * (line searches); the state counts iterations and evaluations separately.
 *
 * <p>Contract (checked by {@code OptimizerContractTest}): {@code init} evaluates f once at a
 * copy of x0 and never modifies x0; {@code step} on a state that is not running does nothing;
 * a non-finite evaluation never becomes the iterate: the state keeps its last finite iterate
 * and is marked {@link OptimizerState.Status#NON_FINITE}; the same inputs give bit-identical
 * trajectories.
 *
 * @param <S> the algorithm's state type
 */
public interface Optimizer<S extends OptimizerState> {

    /** A short stable name used in benchmarks and on the command line, e.g. {@code "bfgs"}. */
    String name();

    /**
     * Evaluates f at a copy of {@code x0} and returns the starting state (one evaluation).
     *
     * @throws IllegalArgumentException if x0's length differs from f's dimension
     */
    S init(double[] x0, Objective f);

    /**
     * Performs one iteration, updating {@code s} in place. If an evaluation returns a non-finite
     * value or gradient, the state keeps its last finite iterate and is marked
     * {@link OptimizerState.Status#NON_FINITE}; a finished state is left unchanged.
     */
    void step(S s, Objective f);
}
