package org.physrec.optim.classical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.physrec.optim.Objective;
import org.physrec.optim.Optimizer;
import org.physrec.optim.OptimizerContractTest;
import org.physrec.optim.functions.TestFunctions;

class BfgsTest extends OptimizerContractTest<Bfgs.State> {
    @Override
    protected Optimizer<Bfgs.State> optimizer() {
        return new Bfgs();
    }

    @Override
    protected double requiredReduction() {
        return 1e-10;
    }

    @Test
    void inverseHessianStaysSymmetricPositiveDefiniteWithPendingCorrectionsApplied() {
        int n = 12;
        Objective f = TestFunctions.byName("rosenbrock").objective(n);
        Bfgs bfgs = new Bfgs();
        Bfgs.State s = bfgs.init(TestFunctions.byName("rosenbrock").initialPoint(n, 5), f);
        SplittableRandom rng = new SplittableRandom(1);
        for (int k = 0; k < 25 && s.isRunning(); k++) {
            bfgs.step(s, f);
            double[] h = s.inverseHessian();
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < i; j++) {
                    assertEquals(h[i * n + j], h[j * n + i], 0.0, "symmetry");
                }
            }
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = rng.nextDouble() - 0.5;
            }
            double q = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    q += v[i] * h[i * n + j] * v[j];
                }
            }
            assertTrue(q > 0, "vᵀHv = " + q + " at iteration " + s.iteration);
            // The next direction is −H·g with the materialized H.
            double[] p = s.direction.p;
            for (int i = 0; i < n; i++) {
                double hg = 0;
                for (int j = 0; j < n; j++) {
                    hg += h[i * n + j] * s.gradient[j];
                }
                assertEquals(-hg, p[i], 1e-9 * (1 + Math.abs(hg)), "direction " + i);
            }
        }
    }

    @Test
    void lazyUpdateEqualsTheTextbookUpdate() {
        int n = 5;
        SplittableRandom rng = new SplittableRandom(9);
        double[] h = new double[n * n];
        for (int i = 0; i < n; i++) {
            h[i * n + i] = 1 + i;
        }
        double[] s = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = rng.nextDouble() - 0.3;
            y[i] = s[i] * (1 + i) + 0.1 * (rng.nextDouble() - 0.5);
        }
        double rho = 1 / Bfgs.dot(y, s);
        // Textbook: (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ with dense products.
        double[] a = new double[n * n];
        double[] expected = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int k = 0; k < n; k++) {
                    sum += ((i == k ? 1 : 0) - rho * s[i] * y[k]) * h[k * n + j];
                }
                a[i * n + j] = sum;
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int k = 0; k < n; k++) {
                    sum += a[i * n + k] * ((k == j ? 1 : 0) - rho * y[k] * s[j]);
                }
                expected[i * n + j] = sum + rho * s[i] * s[j];
            }
        }
        double[] u = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                u[i] += h[i * n + j] * y[j];
            }
        }
        double c = rho * rho * Bfgs.dot(y, u) + rho;
        double[] w = new double[n];
        HessianPass.run(h, n, true, rho, c, s, u, new double[n], w);
        for (int k = 0; k < n * n; k++) {
            assertEquals(expected[k], h[k], 1e-12, "entry " + k);
        }
    }
}
