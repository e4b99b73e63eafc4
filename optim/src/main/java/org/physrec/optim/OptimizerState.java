package org.physrec.optim;

import java.util.Arrays;

/**
 * What every optimizer keeps between iterations: the iterate, its value and gradient, and
 * counts. Algorithms extend it with their own buffers (allocated once in {@code init}).
 */
public class OptimizerState {

    /** Why a run ended; {@link #RUNNING} while it goes on. */
    public enum Status {
        /** Still iterating. */
        RUNNING,
        /** The algorithm's own convergence test held (e.g. gradient norm below gtol). */
        CONVERGED,
        /** An evaluation gave NaN or Inf; {@link #x} is the last finite iterate. */
        NON_FINITE,
        /** The algorithm could not make progress (e.g. the line search failed). */
        FAILED,
        /** A {@link StoppingRule} ended the run (budget, tolerance, Algorithm 1's rule). */
        STOPPED
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
        if (n <= 0) {
            throw new IllegalArgumentException("n: dimension must be positive, got " + n);
        }
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

    /**
     * Copies {@code x0} into {@link #x} and evaluates f there (one evaluation). Optimizers call
     * this from {@code init}; a non-finite start marks the state {@link Status#NON_FINITE}.
     *
     * @throws IllegalArgumentException if the lengths of x0, f and this state differ
     */
    public void start(double[] x0, Objective f) {
        if (x0.length != x.length || f.dimension() != x.length) {
            throw new IllegalArgumentException("x0: expected " + x.length + " values (objective dimension "
                    + f.dimension() + "), got " + x0.length);
        }
        System.arraycopy(x0, 0, x, 0, x.length);
        value = evaluate(f, x, gradient);
        if (!isFinite(value, gradient)) {
            stop(Status.NON_FINITE, "f(x0) or its gradient is not finite (f = " + value + ")");
        }
    }

    /** Evaluates f and its gradient at {@code at} into {@code gradOut}, counting the evaluation. */
    public double evaluate(Objective f, double[] at, double[] gradOut) {
        evaluations++;
        return f.valueAndGradient(at, gradOut);
    }

    /**
     * Accepts a trial point as the new iterate if its value and gradient are finite (copying
     * them in and counting one iteration); otherwise keeps the current iterate, marks the state
     * {@link Status#NON_FINITE} and returns false.
     */
    public boolean accept(double[] xTrial, double trialValue, double[] gradTrial) {
        if (!isFinite(trialValue, gradTrial) || !isFinite(0.0, xTrial)) {
            stop(Status.NON_FINITE, "non-finite value or gradient at iteration " + (iteration + 1)
                    + " (f = " + trialValue + "); kept the last finite iterate");
            return false;
        }
        if (xTrial != x) {
            System.arraycopy(xTrial, 0, x, 0, x.length);
        }
        if (gradTrial != gradient) {
            System.arraycopy(gradTrial, 0, gradient, 0, gradient.length);
        }
        value = trialValue;
        iteration++;
        return true;
    }

    /** True when {@code value} and every entry of {@code v} are finite. */
    public static boolean isFinite(double value, double[] v) {
        if (!Double.isFinite(value)) {
            return false;
        }
        for (double e : v) {
            if (!Double.isFinite(e)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "{iteration=" + iteration + ", evaluations=" + evaluations
                + ", value=" + value + ", status=" + status + (message.isEmpty() ? "" : " (" + message + ")")
                + ", x=" + (x.length <= 6 ? Arrays.toString(x) : "[" + x.length + " values]") + "}";
    }
}
