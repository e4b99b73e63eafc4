package org.physrec.optim.learned;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.physrec.optim.Objective;
import org.physrec.optim.OptimizerState;
import org.physrec.optim.nn.ParamLayout;

class OptimusTest {

    private static final Optimus SMALL = Optimus.defaults().withSize(16, 2, 4, 24);

    /** θ with every tensor random (not the structured init), so all paths matter. */
    private static float[] randomTheta(Optimus arch, long seed) {
        float[] theta = arch.init(seed);
        SplittableRandom rng = new SplittableRandom(seed + 1);
        for (int i = 0; i < theta.length; i++) {
            theta[i] += (float) (0.2 * (rng.nextDouble() - 0.5));
        }
        return theta;
    }

    @Test
    void defaultHasAbout0_6MParameters() {
        int p = Optimus.defaults().layout().size();
        assertTrue(p > 590_000 && p < 610_000, "parameters: " + p);
    }

    /** The vectorized forward pass against a plain double transcription of the architecture. */
    @Test
    void forwardMatchesNaiveReference() {
        float[] theta = randomTheta(SMALL, 5);
        Optimus.Opt opt = SMALL.instantiate(theta);
        Optimus.State s = opt.newState(7);
        SplittableRandom rng = new SplittableRandom(9);
        for (int i = 0; i < s.features.length; i++) {
            s.features[i] = (float) (rng.nextDouble() * 2 - 1);
        }
        opt.forward(s);
        double[][] expected = OptimusReference.forward(SMALL, theta, s.features, 7);
        for (int i = 0; i < 7; i++) {
            for (int o = 0; o < 3; o++) {
                assertEquals(expected[i][o], s.out[i * 3 + o], 2e-4, "token " + i + " output " + o);
            }
        }
    }

    /** No positional encoding: permuting the tokens permutes the outputs. */
    @Test
    void permutationEquivariant() {
        float[] theta = randomTheta(SMALL, 6);
        Optimus.Opt opt = SMALL.instantiate(theta);
        int n = 5;
        Optimus.State a = opt.newState(n);
        Optimus.State b = opt.newState(n);
        SplittableRandom rng = new SplittableRandom(2);
        for (int i = 0; i < a.features.length; i++) {
            a.features[i] = (float) (rng.nextDouble() * 2 - 1);
        }
        int[] perm = {3, 0, 4, 1, 2};
        for (int i = 0; i < n; i++) {
            System.arraycopy(a.features, perm[i] * 39, b.features, i * 39, 39);
        }
        opt.forward(a);
        opt.forward(b);
        for (int i = 0; i < n; i++) {
            for (int o = 0; o < 3; o++) {
                assertEquals(a.out[perm[i] * 3 + o], b.out[i * 3 + o], 1e-5);
            }
        }
    }

    /** The step is B·(λa·exp(λb·α) ⊙ d) with B = I + Σ u uᵀ symmetric positive definite. */
    @Test
    void stepUsesRankOneUpdatedPreconditioner() {
        float[] theta = randomTheta(SMALL, 7);
        Optimus.Opt opt = SMALL.instantiate(theta);
        int n = 6;
        Objective f = TestObjectives.quadratic(n, 0.3);
        Optimus.State s = opt.init(new double[] {1, -2, 0.5, 3, -1, 2}, f);
        double[] bPrev = new double[n * n];
        for (int it = 0; it < 15; it++) {
            System.arraycopy(s.preconditioner(), 0, bPrev, 0, n * n);
            double[] xPrev = s.x.clone();
            opt.step(s, f);
            assertEquals(OptimizerState.Status.RUNNING, s.status, s.message);
            double[] u = new double[n];
            for (int i = 0; i < n; i++) {
                u[i] = SMALL.uScale() / Math.sqrt(n) * Math.tanh(s.out[3 * i + 2]);
                assertTrue(Math.abs(u[i]) <= SMALL.uScale() / Math.sqrt(n));
            }
            for (int i = 0; i < n; i++) {
                double step = 0;
                for (int j = 0; j < n; j++) {
                    double bij = bPrev[i * n + j] + u[i] * u[j];
                    assertEquals(bij, s.preconditioner()[i * n + j], 1e-12);
                    step += bij * 0.1 * Math.exp(0.1 * s.out[3 * j + 1]) * s.out[3 * j];
                }
                assertEquals(xPrev[i] - step, s.x[i], 1e-9);
            }
        }
        assertTrue(Cholesky.isPositiveDefinite(s.preconditioner(), n));
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                assertEquals(s.preconditioner()[i * n + j], s.preconditioner()[j * n + i], 1e-15);
            }
        }
    }

    /** One θ runs on any dimension, and the default init already descends (Adam-like skip). */
    @Test
    void initDescendsOnAnyDimension() {
        Optimus.Opt opt = Optimus.defaults().instantiate(Optimus.defaults().init(0));
        for (int n : new int[] {1, 2, 17, 40}) {
            Objective f = TestObjectives.quadratic(n, 0.5);
            double[] x0 = new double[n];
            java.util.Arrays.fill(x0, 2.0);
            Optimus.State s = opt.init(x0, f);
            double f0 = s.value;
            for (int it = 0; it < 60; it++) {
                opt.step(s, f);
            }
            assertEquals(OptimizerState.Status.RUNNING, s.status, s.message);
            assertTrue(s.value < 0.05 * f0, "n=" + n + ": " + f0 + " -> " + s.value);
        }
    }

    @Test
    void nonFiniteOutputStopsNamingIt() {
        ParamLayout l = SMALL.layout();
        float[] theta = SMALL.init(1);
        theta[l.offset("head/b") + 1] = 1e30f;
        Optimus.Opt opt = SMALL.instantiate(theta);
        Objective f = TestObjectives.quadratic(3, 0);
        Optimus.State s = opt.init(new double[] {1, 1, 1}, f);
        opt.step(s, f);
        assertEquals(OptimizerState.Status.NON_FINITE, s.status);
        assertTrue(s.message.contains("non-finite Optimus output"), s.message);
        assertEquals(1.0, s.x[0]);
    }

    /** Minimal Cholesky test of positive definiteness. */
    static final class Cholesky {
        static boolean isPositiveDefinite(double[] a, int n) {
            double[] l = new double[n * n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j <= i; j++) {
                    double s = a[i * n + j];
                    for (int k = 0; k < j; k++) {
                        s -= l[i * n + k] * l[j * n + k];
                    }
                    if (i == j) {
                        if (s <= 0) {
                            return false;
                        }
                        l[i * n + i] = Math.sqrt(s);
                    } else {
                        l[i * n + j] = s / l[j * n + j];
                    }
                }
            }
            return true;
        }
    }
}
