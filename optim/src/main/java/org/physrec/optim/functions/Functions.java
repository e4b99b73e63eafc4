package org.physrec.optim.functions;

/** The fifteen Table 4 functions as small classes; {@link TestFunctions} lists them. */
final class Functions {

    private Functions() {
    }

    private static final double TWO_PI = 2 * Math.PI;

    /** A function on the fixed box [low, high]^d with its minimizer at (argmin, ..., argmin). */
    abstract static class BoxFunction extends TestFunction {
        private final double low;
        private final double high;
        private final double argmin;

        BoxFunction(String name, String title, double low, double high, double argmin) {
            super(name, title);
            this.low = low;
            this.high = high;
            this.argmin = argmin;
        }

        @Override
        public final double domainLow(int d) {
            return low;
        }

        @Override
        public final double domainHigh(int d) {
            return high;
        }

        @Override
        public final double[] minimizer(int d) {
            return filled(d, argmin);
        }
    }

    /** −20·exp(−0.2·√(Σx²/d)) − exp(Σcos(2πx_i)/d) + 20 + e on [−32.768, 32.768]; 0 at 0. */
    static final class Ackley extends BoxFunction {
        Ackley() {
            super("ackley", "Ackley", -32.768, 32.768, 0);
        }

        double evaluate(double[] x, double[] g, double[] scratch) {
            int d = x.length;
            double sumSq = 0;
            double sumCos = 0;
            for (double xi : x) {
                sumSq += xi * xi;
                sumCos += Math.cos(TWO_PI * xi);
            }
            double r = Math.sqrt(sumSq / d);
            double e1 = Math.exp(-0.2 * r);
            double e2 = Math.exp(sumCos / d);
            // At r = 0 the first term's gradient has no limit; 0 is its subgradient of least norm.
            double c1 = r > 0 ? 20 * 0.2 * e1 / (d * r) : 0;
            double c2 = TWO_PI * e2 / d;
            for (int i = 0; i < d; i++) {
                g[i] = c1 * x[i] + c2 * Math.sin(TWO_PI * x[i]);
            }
            return -20 * e1 - e2 + 20 + Math.E;
        }
    }

    /** (x₁−1)² + Σ_{i≥2} i(2x_i² − x_{i−1})² on [−10, 10]; 0 at x_i = 2^{−(2^i−2)/2^i}. */
    static final class DixonPrice extends TestFunction {
        DixonPrice() {
            super("dixon-price", "Dixon-Price");
        }

        public double domainLow(int d) {
            return -10;
        }

        public double domainHigh(int d) {
            return 10;
        }

        public double[] minimizer(int d) {
            double[] x = new double[d];
            for (int i = 1; i <= d; i++) {
                // (2^i − 2)/2^i written as 1 − 2^{1−i} so it stays finite for any i.
                x[i - 1] = Math.pow(2, -(1 - Math.pow(2, 1 - i)));
            }
            return x;
        }

        double evaluate(double[] x, double[] g, double[] scratch) {
            int d = x.length;
            java.util.Arrays.fill(g, 0);
            double f = (x[0] - 1) * (x[0] - 1);
            g[0] = 2 * (x[0] - 1);
            for (int i = 2; i <= d; i++) {
                double t = 2 * x[i - 1] * x[i - 1] - x[i - 2];
                f += i * t * t;
                g[i - 1] += 8.0 * i * t * x[i - 1];
                g[i - 2] -= 2.0 * i * t;
            }
            return f;
        }
    }

    /** Σx²/4000 − Π cos(x_i/√i) + 1 on [−600, 600]; 0 at 0. */
    static final class Griewank extends BoxFunction {
        Griewank() {
            super("griewank", "Griewank", -600, 600, 0);
        }

        double evaluate(double[] x, double[] g, double[] prefix) {
            int d = x.length;
            double sumSq = 0;
            double prod = 1;
            // prefix[i] = Π_{j<i} cos_j; the suffix product is carried backwards, so no division by cos.
            for (int i = 0; i < d; i++) {
                prefix[i] = prod;
                prod *= Math.cos(x[i] / Math.sqrt(i + 1));
                sumSq += x[i] * x[i];
            }
            double suffix = 1;
            for (int i = d - 1; i >= 0; i--) {
                double s = Math.sqrt(i + 1);
                g[i] = x[i] / 2000 + prefix[i] * suffix * Math.sin(x[i] / s) / s;
                suffix *= Math.cos(x[i] / s);
            }
            return sumSq / 4000 - prod + 1;
        }
    }

    /** Levy with w_i = 1 + (x_i − 1)/4 on [−10, 10]; 0 at 1. */
    static final class Levy extends BoxFunction {
        Levy() {
            super("levy", "Levy", -10, 10, 1);
        }

        double evaluate(double[] x, double[] g, double[] scratch) {
            int d = x.length;
            java.util.Arrays.fill(g, 0);
            double w1 = 1 + (x[0] - 1) / 4;
            double s1 = Math.sin(Math.PI * w1);
            double f = s1 * s1;
            g[0] += Math.PI * Math.sin(TWO_PI * w1) / 4;
            for (int i = 0; i < d - 1; i++) {
                double w = 1 + (x[i] - 1) / 4;
                double sn = Math.sin(Math.PI * w + 1);
                double a = 1 + 10 * sn * sn;
                f += (w - 1) * (w - 1) * a;
                g[i] += (2 * (w - 1) * a + (w - 1) * (w - 1) * 10 * Math.PI * Math.sin(2 * (Math.PI * w + 1))) / 4;
            }
            double wd = 1 + (x[d - 1] - 1) / 4;
            double sd = Math.sin(TWO_PI * wd);
            double b = 1 + sd * sd;
            f += (wd - 1) * (wd - 1) * b;
            g[d - 1] += (2 * (wd - 1) * b + (wd - 1) * (wd - 1) * TWO_PI * Math.sin(2 * TWO_PI * wd)) / 4;
            return f;
        }
    }

    /**
     * Perm 0,d,β: Σ_i (Σ_j (j+β)(x_j^i − j^{−i}))², β = 10, domain [−d, d]; 0 at x_j = 1/j.
     * Powers are built by repeated multiplication (O(d²) multiplications, no pow) and terms below
     * 1e-200 are dropped to avoid slow subnormal arithmetic; they cannot change a sum that holds
     * the j = 1 term except when that sum is itself below ~1e-180, where its square underflows.
     */
    static final class Perm extends TestFunction {
        private static final double BETA = 10;
        private static final double TINY = 1e-200;

        Perm() {
            super("perm", "Perm 0,d,β");
        }

        public double domainLow(int d) {
            return -d;
        }

        public double domainHigh(int d) {
            return d;
        }

        /** [−1, 1]: the domain's x^d overflows a double for d ≳ 150 (|x|^d with |x| up to d). */
        @Override
        public double initLow(int d) {
            return -1;
        }

        @Override
        public double initHigh(int d) {
            return 1;
        }

        public double[] minimizer(int d) {
            double[] x = new double[d];
            for (int j = 1; j <= d; j++) {
                x[j - 1] = 1.0 / j;
            }
            return x;
        }

        double evaluate(double[] x, double[] g, double[] inner) {
            int d = x.length;
            java.util.Arrays.fill(inner, 0);
            // inner[i-1] = S_i = Σ_j (j+β)(x_j^i − j^{−i})
            for (int j = 1; j <= d; j++) {
                double xj = x[j - 1];
                double invJ = 1.0 / j;
                double pw = 1;
                double q = 1;
                double c = j + BETA;
                for (int i = 1; i <= d; i++) {
                    pw *= xj;
                    q *= invJ;
                    if (Math.abs(pw) < TINY) {
                        pw = 0;
                    }
                    if (q < TINY) {
                        q = 0;
                    }
                    if (pw == 0 && q == 0) {
                        break;
                    }
                    inner[i - 1] += c * (pw - q);
                }
            }
            double f = 0;
            for (int i = 0; i < d; i++) {
                f += inner[i] * inner[i];
            }
            // ∂f/∂x_k = Σ_i 2 S_i (k+β) i x_k^{i−1}
            for (int k = 1; k <= d; k++) {
                double xk = x[k - 1];
                double pw = 1;
                double sum = 0;
                for (int i = 1; i <= d; i++) {
                    sum += inner[i - 1] * i * pw;
                    pw *= xk;
                    if (Math.abs(pw) < TINY) {
                        break;
                    }
                }
                g[k - 1] = 2 * (k + BETA) * sum;
            }
            return f;
        }
    }

    /**
     * Powell: Σ over blocks of four (x_a + 10x_b)² + 5(x_c − x_e)² + (x_b − 2x_c)⁴ + 10(x_a − x_e)⁴
     * on [−4, 5]; 0 at 0. For d not a multiple of 4 the last block wraps around to the first
     * coordinates (indices mod d), so every coordinate counts and the minimum stays 0 at 0;
     * for multiples of 4 this is the standard function.
     */
    static final class Powell extends BoxFunction {
        Powell() {
            super("powell", "Powell", -4, 5, 0);
        }

        double evaluate(double[] x, double[] g, double[] scratch) {
            int d = x.length;
            java.util.Arrays.fill(g, 0);
            double f = 0;
            int blocks = (d + 3) / 4;
            for (int blk = 0; blk < blocks; blk++) {
                int a = (4 * blk) % d;
                int b = (4 * blk + 1) % d;
                int c = (4 * blk + 2) % d;
                int e = (4 * blk + 3) % d;
                double t1 = x[a] + 10 * x[b];
                double t2 = x[c] - x[e];
                double t3 = x[b] - 2 * x[c];
                double t4 = x[a] - x[e];
                f += t1 * t1 + 5 * t2 * t2 + t3 * t3 * t3 * t3 + 10 * t4 * t4 * t4 * t4;
                g[a] += 2 * t1 + 40 * t4 * t4 * t4;
                g[b] += 20 * t1 + 4 * t3 * t3 * t3;
                g[c] += 10 * t2 - 8 * t3 * t3 * t3;
                g[e] += -10 * t2 - 40 * t4 * t4 * t4;
            }
            return f;
        }
    }

    /** 10d + Σ(x² − 10cos(2πx)) on [−5.12, 5.12]; 0 at 0. */
    static final class Rastrigin extends BoxFunction {
        Rastrigin() {
            super("rastrigin", "Rastrigin", -5.12, 5.12, 0);
        }

        double evaluate(double[] x, double[] g, double[] scratch) {
            double f = 10.0 * x.length;
            for (int i = 0; i < x.length; i++) {
                f += x[i] * x[i] - 10 * Math.cos(TWO_PI * x[i]);
                g[i] = 2 * x[i] + 20 * Math.PI * Math.sin(TWO_PI * x[i]);
            }
            return f;
        }
    }

    /** Σ 100(x_{i+1} − x_i²)² + (x_i − 1)² on [−5, 10]; 0 at 1. */
    static final class Rosenbrock extends BoxFunction {
        Rosenbrock() {
            super("rosenbrock", "Rosenbrock", -5, 10, 1);
        }

        double evaluate(double[] x, double[] g, double[] scratch) {
            int d = x.length;
            java.util.Arrays.fill(g, 0);
            double f = 0;
            for (int i = 0; i < d - 1; i++) {
                double t = x[i + 1] - x[i] * x[i];
                double u = x[i] - 1;
                f += 100 * t * t + u * u;
                g[i] += -400 * x[i] * t + 2 * u;
                g[i + 1] += 200 * t;
            }
            return f;
        }
    }

    /** Σ_i Σ_{j≤i} x_j² = Σ_j (d − j + 1) x_j² on [−65.536, 65.536]; 0 at 0. */
    static final class RotatedHyperEllipsoid extends BoxFunction {
        RotatedHyperEllipsoid() {
            super("rotated-hyper-ellipsoid", "Rotated Hyper-Ellipsoid", -65.536, 65.536, 0);
        }

        double evaluate(double[] x, double[] g, double[] scratch) {
            int d = x.length;
            double f = 0;
            for (int j = 0; j < d; j++) {
                double w = d - j;
                f += w * x[j] * x[j];
                g[j] = 2 * w * x[j];
            }
            return f;
        }
    }

    /** Σx² on [−5.12, 5.12]; 0 at 0. */
    static final class Sphere extends BoxFunction {
        Sphere() {
            super("sphere", "Sphere", -5.12, 5.12, 0);
        }

        double evaluate(double[] x, double[] g, double[] scratch) {
            double f = 0;
            for (int i = 0; i < x.length; i++) {
                f += x[i] * x[i];
                g[i] = 2 * x[i];
            }
            return f;
        }
    }

    /** ½Σ(x⁴ − 16x² + 5x) on [−5, 5]; about −39.166·d at x_i ≈ −2.903534. */
    static final class StyblinskiTang extends BoxFunction {
        /** The root of 4x³ − 32x + 5 near −2.9 by Newton's method, to machine precision. */
        static final double ARGMIN = argmin();
        static final double MIN_PER_COORDINATE = 0.5 * (Math.pow(ARGMIN, 4) - 16 * ARGMIN * ARGMIN + 5 * ARGMIN);

        StyblinskiTang() {
            super("styblinski-tang", "Styblinski-Tang", -5, 5, ARGMIN);
        }

        private static double argmin() {
            double x = -2.9;
            for (int k = 0; k < 50; k++) {
                x -= (4 * x * x * x - 32 * x + 5) / (12 * x * x - 32);
            }
            return x;
        }

        @Override
        public double minimum(int d) {
            return d * MIN_PER_COORDINATE;
        }

        double evaluate(double[] x, double[] g, double[] scratch) {
            double f = 0;
            for (int i = 0; i < x.length; i++) {
                double xi = x[i];
                double x2 = xi * xi;
                f += x2 * x2 - 16 * x2 + 5 * xi;
                g[i] = 0.5 * (4 * x2 * xi - 32 * xi + 5);
            }
            return 0.5 * f;
        }
    }

    /** Σ|x_i|^{i+1} on [−1, 1]; 0 at 0. */
    static final class SumOfPowers extends BoxFunction {
        SumOfPowers() {
            super("sum-of-powers", "Sum of Powers", -1, 1, 0);
        }

        double evaluate(double[] x, double[] g, double[] scratch) {
            double f = 0;
            for (int i = 0; i < x.length; i++) {
                int k = i + 2;
                double a = Math.abs(x[i]);
                double pk1 = Math.pow(a, k - 1);
                f += pk1 * a;
                g[i] = k * pk1 * Math.signum(x[i]);
            }
            return f;
        }
    }

    /** Σ i·x_i² on [−10, 10]; 0 at 0. */
    static final class SumOfSquares extends BoxFunction {
        SumOfSquares() {
            super("sum-of-squares", "Sum of Squares", -10, 10, 0);
        }

        double evaluate(double[] x, double[] g, double[] scratch) {
            double f = 0;
            for (int i = 0; i < x.length; i++) {
                f += (i + 1) * x[i] * x[i];
                g[i] = 2.0 * (i + 1) * x[i];
            }
            return f;
        }
    }

    /** Σ(x_i − 1)² − Σ_{i≥2} x_i x_{i−1} on [−d², d²]; −d(d+4)(d−1)/6 at x_i = i(d+1−i). */
    static final class Trid extends TestFunction {
        Trid() {
            super("trid", "Trid");
        }

        public double domainLow(int d) {
            return -(double) d * d;
        }

        public double domainHigh(int d) {
            return (double) d * d;
        }

        @Override
        public double minimum(int d) {
            return -(double) d * (d + 4) * (d - 1) / 6;
        }

        public double[] minimizer(int d) {
            double[] x = new double[d];
            for (int i = 1; i <= d; i++) {
                x[i - 1] = (double) i * (d + 1 - i);
            }
            return x;
        }

        double evaluate(double[] x, double[] g, double[] scratch) {
            int d = x.length;
            double f = 0;
            for (int i = 0; i < d; i++) {
                double u = x[i] - 1;
                f += u * u;
                double left = i > 0 ? x[i - 1] : 0;
                double right = i < d - 1 ? x[i + 1] : 0;
                g[i] = 2 * u - left - right;
                if (i > 0) {
                    f -= x[i] * x[i - 1];
                }
            }
            return f;
        }
    }

    /** Σx² + (Σ0.5·i·x_i)² + (Σ0.5·i·x_i)⁴ on [−5, 10]; 0 at 0. */
    static final class Zakharov extends BoxFunction {
        Zakharov() {
            super("zakharov", "Zakharov", -5, 10, 0);
        }

        double evaluate(double[] x, double[] g, double[] scratch) {
            double sumSq = 0;
            double lin = 0;
            for (int i = 0; i < x.length; i++) {
                sumSq += x[i] * x[i];
                lin += 0.5 * (i + 1) * x[i];
            }
            double c = 2 * lin + 4 * lin * lin * lin;
            for (int i = 0; i < x.length; i++) {
                g[i] = 2 * x[i] + c * 0.5 * (i + 1);
            }
            double l2 = lin * lin;
            return sumSq + l2 + l2 * l2;
        }
    }
}
