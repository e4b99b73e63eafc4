package org.physrec.optim;

/**
 * What every optimizer keeps between iterations: the iterate, its value and gradient, and
 * counts. Algorithms extend it with their own buffers (allocated once in {@code init}).
 */
public class OptimizerState {

    /** Why an optimizer stopped by itself. */
    public enum Status {
        /** Still iterating. */
        RUNNING,
        /** The algorithm's own convergence test held (e.g. gradient norm below gtol). */
        CONVERGED,
        /** An evaluation gave NaN or Inf; {@link #x} is the last finite iterate. */
        NON_FINITE,
        /** The algorithm could not make progress (e.g. the line search failed). */
        FAILED
    }

    /** Current iterate, length n. */
    public final double[] x;
    /** Gradient at {@link #x}, length n. */
    public final double[] gradient;
    /** f({@link #x}). */
    public double value;
    /** Completed iterations. */
    public int iteration;
    /** Objective evaluations so far, including the one in {@code init}. */
    public long evaluations;
    /** Current status; anything but RUNNING means the optimizer stopped. */
    public Status status = Status.RUNNING;
    /** Human-readable reason when {@link #status} is not RUNNING. */
    public String message = "";

    public OptimizerState(int n) {
        this.x = new double[n];
        this.gradient = new double[n];
    }

    public int dimension() {
        return x.length;
    }

    public boolean isRunning() {
        return status == Status.RUNNING;
    }

    /** Marks the state stopped with a reason. */
    public void stop(Status status, String message) {
        this.status = status;
        this.message = message;
    }
}
