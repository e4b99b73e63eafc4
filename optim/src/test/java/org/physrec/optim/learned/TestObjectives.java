package org.physrec.optim.learned;

import org.physrec.optim.Objective;

/** Small objectives for the learned-optimizer tests. */
final class TestObjectives {

    private TestObjectives() {
    }

    /** f(x) = ½ Σ a_i (x_i − c_i)², a_i from 1 to 10. */
    static Objective quadratic(int n, double shift) {
        return new Objective() {
            @Override
            public int dimension() {
                return n;
            }

            @Override
            public double valueAndGradient(double[] x, double[] g) {
                double f = 0;
                for (int i = 0; i < n; i++) {
                    double a = 1 + 9.0 * i / Math.max(1, n - 1);
                    double d = x[i] - shift;
                    f += 0.5 * a * d * d;
                    g[i] = a * d;
                }
                return f;
            }
        };
    }
}
