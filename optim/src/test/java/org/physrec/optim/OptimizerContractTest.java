package org.physrec.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link Optimizer} must keep; subclass once per implementation (classical or
 * learned) and return a fresh optimizer from {@link #optimizer()}. Tests: descent on a convex
 * quadratic, iteration/evaluation counts, determinism, NaN handling, x0 left untouched,
 * argument checks.
 *
 * @param <S> the optimizer's state type
 */
public abstract class OptimizerContractTest<S extends OptimizerState> {

    /** A new optimizer under test (called once per use, so each run starts fresh). */
    protected abstract Optimizer<S> optimizer();

    /** Iterations allowed for the descent test. */
    protected int descentIterations() {
        return 200;
    }

    /**
     * Required final/initial value ratio on the convex quadratic after {@link #descentIterations()}.
     * 1e-3 by default; a subclass may demand more (BFGS) but should not loosen it without reason.
     */
    protected double requiredReduction() {
        return 1e-3;
    }

    /** f(x) = ½ Σ a_i x_i², a_i from 1 to 10 (condition number 10), minimum 0 at the origin. */
    protected static final class Quadratic implements Objective {
        final double[] a;
        int calls;

        Quadratic(int n) {
            a = new double[n];
            for (int i = 0; i < n; i++) {
                a[i] = 1 + 9.0 * i / Math.max(1, n - 1);
            }
        }

        @Override
        public int dimension() {
            return a.length;
        }

        @Override
        public double valueAndGradient(double[] x, double[] gradOut) {
            calls++;
            double f = 0;
            for (int i = 0; i < a.length; i++) {
                f += 0.5 * a[i] * x[i] * x[i];
                gradOut[i] = a[i] * x[i];
            }
            return f;
        }
    }

    /** Evaluates {@code inner} but returns NaN (value and gradient) from evaluation number {@code from} on. */
    protected static final class PoisonedAfter implements Objective {
        final Objective inner;
        final int from;
        int calls;

        PoisonedAfter(Objective inner, int from) {
            this.inner = inner;
            this.from = from;
        }

        @Override
        public int dimension() {
            return inner.dimension();
        }

        @Override
        public double valueAndGradient(double[] x, double[] gradOut) {
            calls++;
            double f = inner.valueAndGradient(x, gradOut);
            if (calls >= from) {
                java.util.Arrays.fill(gradOut, Double.NaN);
                return Double.NaN;
            }
            return f;
        }
    }

    protected static double[] randomPoint(int n, long seed, double scale) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = scale * (2 * r.nextDouble() - 1);
        }
        return x;
    }

    @Test
    void initEvaluatesOnceAtACopyOfX0() {
        Quadratic f = new Quadratic(4);
        double[] x0 = {1, -2, 3, -4};
        double[] copy = x0.clone();
        S s = optimizer().init(x0, f);
        assertEquals(1, f.calls, "init evaluations");
        assertEquals(1, s.evaluations);
        assertEquals(0, s.iteration);
        assertTrue(s.isRunning(), s.toString());
        assertArrayEquals(copy, s.x);
        assertArrayEquals(new double[] {1, -2 * 4, 3 * 7, -4 * 10}, s.gradient, 1e-12);
        assertEquals(f.value(copy), s.value, 1e-12);
        s.x[0] = 99;
        assertArrayEquals(copy, x0, "x0 must not alias the state");
    }

    @Test
    void descendsOnConvexQuadratic() {
        for (int n : new int[] {1, 5, 30}) {
            Quadratic f = new Quadratic(n);
            double[] x0 = randomPoint(n, 11 + n, 3.0);
            double f0 = f.value(x0);
            RunResult r = Minimizer.run(optimizer(), f, x0, StoppingRule.maxIterations(descentIterations()));
            assertFalse(r.nonFinite(), r.reason());
            assertTrue(r.value() <= requiredReduction() * f0,
                    "n=" + n + ": f went from " + f0 + " to " + r.value() + " (" + r.reason() + ")");
            assertArrayEquals(x0, randomPoint(n, 11 + n, 3.0), "x0 modified");
        }
    }

    @Test
    void countsIterationsAndEvaluationsSeparately() {
        Quadratic f = new Quadratic(6);
        Optimizer<S> opt = optimizer();
        S s = opt.init(randomPoint(6, 3, 2.0), f);
        int steps = 0;
        while (s.isRunning() && steps < 7) {
            opt.step(s, f);
            steps++;
            assertEquals(f.calls, s.evaluations, "evaluations must count every objective call");
            assertTrue(s.evaluations >= s.iteration + 1, s.toString());
        }
        if (s.isRunning()) {
            assertEquals(7, s.iteration, "one step is one iteration");
        } else {
            assertTrue(s.iteration <= steps);
        }
    }

    @Test
    void sameInputsGiveIdenticalTrajectories() {
        Quadratic f = new Quadratic(8);
        double[] x0 = randomPoint(8, 42, 5.0);
        Trace a = new Trace();
        Trace b = new Trace();
        RunResult ra = Minimizer.run(optimizer(), f, x0, StoppingRule.maxIterations(25), a);
        RunResult rb = Minimizer.run(optimizer(), new Quadratic(8), x0.clone(), StoppingRule.maxIterations(25), b);
        assertArrayEquals(ra.x(), rb.x());
        assertEquals(ra.evaluations(), rb.evaluations());
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(Double.doubleToLongBits(a.value(i)), Double.doubleToLongBits(b.value(i)), "value " + i);
        }
    }

    @Test
    void nonFiniteEvaluationStopsTheRunWithAReason() {
        for (int from : new int[] {2, 4}) {
            PoisonedAfter f = new PoisonedAfter(new Quadratic(5), from);
            RunResult r = Minimizer.run(optimizer(), f, randomPoint(5, 7, 2.0), StoppingRule.maxIterations(50));
            assertEquals(OptimizerState.Status.NON_FINITE, r.status(), r.reason());
            assertFalse(r.reason().isEmpty());
            assertTrue(Double.isFinite(r.value()), "kept value " + r.value());
            for (double xi : r.x()) {
                assertTrue(Double.isFinite(xi), "kept iterate must be finite");
            }
            assertEquals(f.calls, r.evaluations());
        }
    }

    @Test
    void nonFiniteStartIsReportedNotPropagated() {
        PoisonedAfter f = new PoisonedAfter(new Quadratic(3), 1);
        Optimizer<S> opt = optimizer();
        S s = opt.init(new double[] {1, 2, 3}, f);
        assertEquals(OptimizerState.Status.NON_FINITE, s.status, s.toString());
        opt.step(s, f);
        assertEquals(0, s.iteration, "a stopped state must not advance");
        assertEquals(1, f.calls, "a stopped state must not evaluate");
    }

    @Test
    void finishedStateIsLeftUnchanged() {
        Quadratic f = new Quadratic(3);
        Optimizer<S> opt = optimizer();
        S s = opt.init(new double[] {1, 2, 3}, f);
        opt.step(s, f);
        s.stop(OptimizerState.Status.STOPPED, "test");
        double[] x = s.x.clone();
        long evals = s.evaluations;
        opt.step(s, f);
        assertArrayEquals(x, s.x);
        assertEquals(evals, s.evaluations);
    }

    @Test
    void rejectsX0OfWrongLength() {
        assertThrows(IllegalArgumentException.class, () -> optimizer().init(new double[3], new Quadratic(4)));
    }

    @Test
    void hasAStableLowerCaseName() {
        String name = optimizer().name();
        assertTrue(name.matches("[a-z0-9_-]+"), name);
        assertEquals(name, optimizer().name());
    }
}
