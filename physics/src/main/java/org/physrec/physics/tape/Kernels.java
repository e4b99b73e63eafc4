package org.physrec.physics.tape;

/** Values and derivatives of the non-elementary primitives, with series near singular points. */
final class Kernels {
    private static final double SERIES_QEXP = 1e-4;
    private static final double SERIES_QLOG = 1e-4;

    private Kernels() {
    }

    /** e·log(1 + exp(x/e)), evaluated without overflow. */
    static double softplus(double x, double e) {
        double z = x / e;
        return z > 0 ? x + e * Math.log1p(Math.exp(-z)) : e * Math.log1p(Math.exp(z));
    }

    /** 1/(1 + exp(-x/e)), evaluated without overflow. */
    static double sigmoid(double x, double e) {
        double z = x / e;
        if (z >= 0) {
            return 1 / (1 + Math.exp(-z));
        }
        double ez = Math.exp(z);
        return ez / (1 + ez);
    }

    /** sin(θ/2)/θ with θ = √x. */
    static double qexpS(double x) {
        if (x < SERIES_QEXP) {
            return 0.5 - x / 48 + x * x / 3840;
        }
        double t = Math.sqrt(x);
        return Math.sin(0.5 * t) / t;
    }

    /** d/dx of {@link #qexpS}. */
    static double qexpSDeriv(double x) {
        if (x < SERIES_QEXP) {
            return -1.0 / 48 + x / 1920;
        }
        double t = Math.sqrt(x);
        double dt = (0.5 * t * Math.cos(0.5 * t) - Math.sin(0.5 * t)) / (t * t);
        return dt / (2 * t);
    }

    static double qexpC(double x) {
        if (x < SERIES_QEXP) {
            return 1 - x / 8 + x * x / 384;
        }
        return Math.cos(0.5 * Math.sqrt(x));
    }

    /** d/dx cos(√x/2) = -sin(θ/2)/(4θ). */
    static double qexpCDeriv(double x) {
        return -0.25 * qexpS(x);
    }

    /** 2·atan2(√a, w)/√a. */
    static double qlogS(double a, double w) {
        if (w > 0 && a < SERIES_QLOG * w * w) {
            double t = a / (w * w);
            return 2 / w * (1 - t / 3 + t * t / 5 - t * t * t / 7);
        }
        double s = Math.sqrt(a);
        return 2 * Math.atan2(s, w) / s;
    }

    static double qlogSDerivA(double a, double w) {
        if (w > 0 && a < SERIES_QLOG * w * w) {
            double w2 = w * w;
            double t = a / w2;
            return 2 / (w * w2) * (-1.0 / 3 + 2 * t / 5 - 3 * t * t / 7);
        }
        double s = Math.sqrt(a);
        double f = 2 * Math.atan2(s, w) / s;
        return (2 * w / (a + w * w) - f) / (2 * a);
    }

    static double qlogSDerivW(double a, double w) {
        return -2 / (a + w * w);
    }
}
