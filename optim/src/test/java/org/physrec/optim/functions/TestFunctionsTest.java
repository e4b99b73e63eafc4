package org.physrec.optim.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.physrec.optim.Objective;

class TestFunctionsTest {

    static Stream<TestFunction> functions() {
        return TestFunctions.all().stream();
    }

    /** Central differences with h = 1e-6·max(1, |x_i|); error ≤ 1e-6·(‖g‖∞ + 1) + 1e-9·|f|/h. */
    @ParameterizedTest
    @MethodSource("functions")
    void gradientMatchesCentralDifferences(TestFunction fn) {
        SplittableRandom rng = new SplittableRandom(fn.name().hashCode());
        for (int d : new int[] {1, 2, 3, 4, 5, 7, 10, 33}) {
            Objective f = fn.objective(d);
            for (int trial = 0; trial < 4; trial++) {
                double lo = fn.initLow(d);
                double hi = fn.initHigh(d);
                if (trial >= 2) {
                    // Also near the minimizer, where the interesting curvature is.
                    double[] m = fn.minimizer(d);
                    lo = -1;
                    hi = 1;
                    double[] x = new double[d];
                    for (int i = 0; i < d; i++) {
                        x[i] = m[i] + 0.3 * (lo + (hi - lo) * rng.nextDouble());
                    }
                    check(fn, f, x);
                    continue;
                }
                double[] x = new double[d];
                for (int i = 0; i < d; i++) {
                    x[i] = lo + (hi - lo) * rng.nextDouble();
                }
                check(fn, f, x);
            }
        }
    }

    private static void check(TestFunction fn, Objective f, double[] x) {
        int d = x.length;
        double[] g = new double[d];
        double[] tmp = new double[d];
        double fx = f.valueAndGradient(x.clone(), g);
        double gmax = 0;
        for (double gi : g) {
            gmax = Math.max(gmax, Math.abs(gi));
        }
        for (int i = 0; i < d; i++) {
            double h = 1e-6 * Math.max(1, Math.abs(x[i]));
            double[] xp = x.clone();
            double[] xm = x.clone();
            xp[i] += h;
            xm[i] -= h;
            double fd = (f.valueAndGradient(xp, tmp) - f.valueAndGradient(xm, tmp)) / (xp[i] - xm[i]);
            double tol = 1e-6 * (gmax + 1) + 1e-9 * Math.abs(fx) / h;
            assertTrue(Math.abs(fd - g[i]) <= tol, fn.name() + " d=" + d + " i=" + i + ": analytic " + g[i]
                    + " vs central difference " + fd + " (tol " + tol + ")");
        }
    }

    @ParameterizedTest
    @MethodSource("functions")
    void knownMinimumHoldsWithZeroGradient(TestFunction fn) {
        for (int d : new int[] {1, 2, 3, 4, 8, 10, 50, 100, 1000}) {
            if (fn.name().equals("rosenbrock") && d == 1) {
                continue; // a constant 0 for d = 1; the minimizer 1 still holds, checked below at d ≥ 2
            }
            Objective f = fn.objective(d);
            double[] m = fn.minimizer(d);
            double[] g = new double[d];
            double value = f.valueAndGradient(m, g);
            double scale = Math.max(1, Math.abs(fn.minimum(d)));
            assertEquals(fn.minimum(d), value, 1e-9 * scale, fn.name() + " d=" + d);
            for (int i = 0; i < d; i++) {
                assertEquals(0, g[i], 1e-7 * scale, fn.name() + " d=" + d + " gradient " + i);
            }
            // It is a minimum: random nearby points are not lower.
            SplittableRandom rng = new SplittableRandom(d);
            double[] y = new double[d];
            for (int k = 0; k < 20; k++) {
                for (int i = 0; i < d; i++) {
                    y[i] = m[i] + 1e-3 * (2 * rng.nextDouble() - 1);
                }
                assertTrue(f.valueAndGradient(y, g) >= value - 1e-12 * scale, fn.name() + " d=" + d + " not a minimum");
            }
        }
    }

    @Test
    void publishedMinimaAndMinimizers() {
        // SFU prints −39.16599·d, a rounded value; the exact stationary value is −39.166165703771...
        assertEquals(-39.16599, TestFunctions.byName("styblinski-tang").minimum(1), 2e-4);
        assertEquals(-39.166165703771, TestFunctions.byName("styblinski-tang").minimum(1), 1e-11);
        assertEquals(-2.903534, TestFunctions.byName("styblinski-tang").minimizer(1)[0], 1e-6);
        assertEquals(-210, TestFunctions.byName("trid").minimum(10), 0); // SFU: f* = −210 at d = 10
        assertEquals(-50, TestFunctions.byName("trid").minimum(6), 0); // SFU: f* = −50 at d = 6
        assertEquals(Math.pow(2, -0.5), TestFunctions.byName("dixon-price").minimizer(2)[1], 1e-15);
        assertEquals(0.0, TestFunctions.byName("ackley").objective(3).value(new double[3]), 1e-15);
    }

    @Test
    void valuesAtHandComputedPoints() {
        assertEquals(24.0, TestFunctions.byName("rosenbrock").objective(2).value(new double[] {-1.2, 1}) - 0.2, 1e-12);
        assertEquals(14.0, TestFunctions.byName("sum-of-squares").objective(3).value(new double[] {1, 1, 2}) - 1, 1e-12);
        // Rotated hyper-ellipsoid (1,2): x1² + (x1² + x2²) = 6
        assertEquals(6.0, TestFunctions.byName("rotated-hyper-ellipsoid").objective(2).value(new double[] {1, 2}), 1e-12);
        // Powell at d = 4, x = (1,1,1,1): 121 + 0 + 1 + 0
        assertEquals(122.0, TestFunctions.byName("powell").objective(4).value(new double[] {1, 1, 1, 1}), 1e-12);
        // Zakharov d = 2, x = (1,1): 2 + 1.5² + 1.5⁴
        assertEquals(2 + 2.25 + 5.0625, TestFunctions.byName("zakharov").objective(2).value(new double[] {1, 1}), 1e-12);
        // Perm d = 2 at 0: (11·(−1) + 12·(−1/2))² + (11·(−1) + 12·(−1/4))² = 17² + 14²
        assertEquals(289 + 196, TestFunctions.byName("perm").objective(2).value(new double[2]), 1e-9);
        // Sum of powers: |0.5|² + |−0.5|³
        assertEquals(0.375, TestFunctions.byName("sum-of-powers").objective(2).value(new double[] {0.5, -0.5}), 1e-15);
    }

    /** The benchmark's initialization ranges never overflow: corners and 64 random points per dimension. */
    @ParameterizedTest
    @MethodSource("functions")
    void finiteOnTheBenchmarkInitializationRange(TestFunction fn) {
        for (int d : new int[] {2, 10, 20, 50, 100, 250, 500, 1000}) {
            Objective f = fn.objective(d);
            double[] g = new double[d];
            double[][] corners = {filled(d, fn.initLow(d)), filled(d, fn.initHigh(d))};
            for (double[] x : corners) {
                assertFinite(fn, d, f.valueAndGradient(x, g), g);
            }
            for (int run = 0; run < 64; run++) {
                double[] x = fn.initialPoint(d, 1000L * d + run);
                for (double xi : x) {
                    assertTrue(xi >= fn.initLow(d) && xi <= fn.initHigh(d));
                    assertTrue(xi >= fn.domainLow(d) && xi <= fn.domainHigh(d), "init range inside the domain");
                }
                assertFinite(fn, d, f.valueAndGradient(x, g), g);
            }
        }
    }

    private static double[] filled(int d, double v) {
        double[] x = new double[d];
        java.util.Arrays.fill(x, v);
        return x;
    }

    private static void assertFinite(TestFunction fn, int d, double value, double[] g) {
        assertTrue(Double.isFinite(value), fn.name() + " d=" + d + " value " + value);
        for (double gi : g) {
            assertTrue(Double.isFinite(gi), fn.name() + " d=" + d + " gradient " + gi);
        }
    }

    @Test
    void namesAndErrors() {
        assertEquals(15, TestFunctions.all().size());
        assertEquals("rosenbrock", TestFunctions.byName(" Rosenbrock").name());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TestFunctions.byName("himmelblau"));
        assertTrue(e.getMessage().contains("'himmelblau'") && e.getMessage().contains("zakharov"), e.getMessage());
        IllegalArgumentException e2 = assertThrows(IllegalArgumentException.class, () -> TestFunctions.byName("sphere").objective(0));
        assertTrue(e2.getMessage().contains("d:"), e2.getMessage());
        assertEquals(java.util.Arrays.toString(TestFunctions.byName("levy").initialPoint(5, 7)),
                java.util.Arrays.toString(TestFunctions.byName("levy").initialPoint(5, 7)));
    }
}
