package org.physrec.optim.functions;

import org.physrec.optim.Objective;

/**
 * One of the classical test functions of Table 4 (formulas of Surjanovic and Bingham's
 * Virtual Library of Simulation Experiments), defined for any dimension d ≥ 1 with an analytic
 * gradient, its standard search domain, its known minimum and the range the benchmark draws
 * starting points from. Subclasses are stateless; {@link #objective(int)} hands out a
 * thread-confined {@link Objective} with its own scratch.
 */
public abstract class TestFunction {

    private final String name;
    private final String title;

    TestFunction(String name, String title) {
        this.name = name;
        this.title = title;
    }

    /** Command-line name, e.g. {@code "rosenbrock"}. */
    public final String name() {
        return name;
    }

    /** Name as printed in Table 4, e.g. {@code "Rosenbrock"}. */
    public final String title() {
        return title;
    }

    /** Lower bound of the standard domain, per coordinate, at dimension d. */
    public abstract double domainLow(int d);

    /** Upper bound of the standard domain. */
    public abstract double domainHigh(int d);

    /** Lower bound of the benchmark's uniform initialization; the domain unless overridden. */
    public double initLow(int d) {
        return domainLow(d);
    }

    /** Upper bound of the benchmark's uniform initialization. */
    public double initHigh(int d) {
        return domainHigh(d);
    }

    /**
     * A starting point drawn uniformly from [initLow, initHigh]^d with the given seed; the
     * benchmark derives the seed from (base seed, function, dimension, run), never from a thread.
     */
    public final double[] initialPoint(int d, long seed) {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(seed);
        double lo = initLow(d);
        double hi = initHigh(d);
        double[] x = new double[d];
        for (int i = 0; i < d; i++) {
            x[i] = lo + (hi - lo) * rng.nextDouble();
        }
        return x;
    }

    /** The global minimum value f* at dimension d. */
    public double minimum(int d) {
        return 0.0;
    }

    /** A global minimizer at dimension d. */
    public abstract double[] minimizer(int d);

    /**
     * f(x) and its gradient; {@code scratch} has length d and may be overwritten.
     *
     * @param x       length d, not modified
     * @param gradOut length d, overwritten
     */
    abstract double evaluate(double[] x, double[] gradOut, double[] scratch);

    /**
     * A new objective of dimension d (not thread-safe: one per thread).
     *
     * @throws IllegalArgumentException if d ≤ 0
     */
    public final Objective objective(int d) {
        if (d <= 0) {
            throw new IllegalArgumentException("d: dimension of " + name + " must be positive, got " + d);
        }
        double[] scratch = new double[d];
        TestFunction fn = this;
        return new Objective() {
            @Override
            public int dimension() {
                return d;
            }

            @Override
            public double valueAndGradient(double[] x, double[] gradOut) {
                assert x.length == d && gradOut.length == d;
                return fn.evaluate(x, gradOut, scratch);
            }

            @Override
            public String toString() {
                return name + " (d=" + d + ")";
            }
        };
    }

    @Override
    public String toString() {
        return name;
    }

    static double[] filled(int d, double v) {
        double[] x = new double[d];
        java.util.Arrays.fill(x, v);
        return x;
    }
}
