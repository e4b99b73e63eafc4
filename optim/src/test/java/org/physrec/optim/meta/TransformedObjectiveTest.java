package org.physrec.optim.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TransformedObjectiveTest {

    @Test
    void rotationIsOrthogonal() {
        int n = 6;
        double[] r = TransformedObjective.randomRotation(n, new SplittableRandom(1));
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double dot = 0;
                for (int k = 0; k < n; k++) {
                    dot += r[i * n + k] * r[j * n + k];
                }
                assertEquals(i == j ? 1 : 0, dot, 1e-12);
            }
        }
    }

    /** Gradient against central finite differences (h = 1e-6). */
    @Test
    void gradientMatchesFiniteDifferences() {
        int n = 5;
        SplittableRandom rng = new SplittableRandom(2);
        double[] shift = {0.3, -1, 2, 0.5, 0};
        TransformedObjective g = new TransformedObjective(PesTrainerTest.QUADRATIC.create(n),
                TransformedObjective.randomRotation(n, rng), shift, 2.5);
        double[] y = {0.1, -0.4, 1.2, 0.7, -2};
        double[] grad = new double[n];
        g.valueAndGradient(y, grad);
        double[] scratch = new double[n];
        for (int i = 0; i < n; i++) {
            double[] yp = y.clone();
            double[] ym = y.clone();
            yp[i] += 1e-6;
            ym[i] -= 1e-6;
            double fd = (g.valueAndGradient(yp, scratch) - g.valueAndGradient(ym, scratch)) / 2e-6;
            assertEquals(fd, grad[i], 1e-6 + 1e-6 * Math.abs(fd), "coordinate " + i);
        }
        double[] x = new double[n];
        double[] back = new double[n];
        g.toOriginal(y, x);
        g.fromOriginal(x, back);
        for (int i = 0; i < n; i++) {
            assertEquals(y[i], back[i], 1e-12);
        }
    }

    @Test
    void familySamplesStartInTheBoxAndScaledMinimum() {
        FunctionTaskFamily fam = new FunctionTaskFamily(java.util.List.of(PesTrainerTest.QUADRATIC), 2, 30, 1.0, 10, 0.1);
        SplittableRandom rng = new SplittableRandom(5);
        for (int k = 0; k < 20; k++) {
            MetaTask t = fam.sample(rng);
            int n = t.objective().dimension();
            assertEquals(true, n >= 2 && n <= 30, "n = " + n);
            TransformedObjective g = (TransformedObjective) t.objective();
            double[] x = new double[n];
            g.toOriginal(t.x0(), x);
            for (double v : x) {
                assertEquals(true, v >= -3 && v <= 3, "start " + v);
            }
            assertEquals(0.0, t.lowerBound());
        }
    }
}
