package org.physrec.optim.meta;

import org.physrec.optim.Objective;

/**
 * g(y) = a·f(R·y + c): a rotated, shifted and scaled copy of f, so a learned optimizer cannot
 * memorize where minima lie or exploit axis alignment. ∇g(y) = a·Rᵀ∇f(R·y + c).
 * Not thread-safe (scratch buffers).
 */
public final class TransformedObjective implements Objective {

    private final Objective f;
    /** (n × n) orthogonal R, row-major, or null for the identity. */
    private final double[] rotation;
    private final double[] shift;
    private final double scale;
    private final double[] x;
    private final double[] gx;

    public TransformedObjective(Objective f, double[] rotation, double[] shift, double scale) {
        int n = f.dimension();
        if (rotation != null && rotation.length != n * n) {
            throw new IllegalArgumentException("rotation: expected " + n * n + " values, got " + rotation.length);
        }
        if (shift.length != n) {
            throw new IllegalArgumentException("shift: expected " + n + " values, got " + shift.length);
        }
        this.f = f;
        this.rotation = rotation;
        this.shift = shift;
        this.scale = scale;
        this.x = new double[n];
        this.gx = new double[n];
    }

    @Override
    public int dimension() {
        return x.length;
    }

    /** x = R·y + c. */
    public void toOriginal(double[] y, double[] xOut) {
        int n = x.length;
        for (int i = 0; i < n; i++) {
            double s = shift[i];
            if (rotation == null) {
                s += y[i];
            } else {
                for (int j = 0; j < n; j++) {
                    s += rotation[i * n + j] * y[j];
                }
            }
            xOut[i] = s;
        }
    }

    /** y = Rᵀ(x − c). */
    public void fromOriginal(double[] xIn, double[] yOut) {
        int n = x.length;
        for (int j = 0; j < n; j++) {
            if (rotation == null) {
                yOut[j] = xIn[j] - shift[j];
            } else {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += rotation[i * n + j] * (xIn[i] - shift[i]);
                }
                yOut[j] = s;
            }
        }
    }

    @Override
    public double valueAndGradient(double[] y, double[] gradOut) {
        int n = x.length;
        toOriginal(y, x);
        double v = f.valueAndGradient(x, gx);
        for (int j = 0; j < n; j++) {
            double s;
            if (rotation == null) {
                s = gx[j];
            } else {
                s = 0;
                for (int i = 0; i < n; i++) {
                    s += rotation[i * n + j] * gx[i];
                }
            }
            gradOut[j] = scale * s;
        }
        return scale * v;
    }

    /** A uniformly random orthogonal n × n matrix (Gram–Schmidt of a Gaussian matrix with sign fix). */
    public static double[] randomRotation(int n, java.util.SplittableRandom rng) {
        double[] q = new double[n * n];
        for (int i = 0; i < n * n; i++) {
            q[i] = org.physrec.optim.learned.Gaussian.next(rng);
        }
        for (int r = 0; r < n; r++) {
            for (int k = 0; k < r; k++) {
                double dot = 0;
                for (int j = 0; j < n; j++) {
                    dot += q[r * n + j] * q[k * n + j];
                }
                for (int j = 0; j < n; j++) {
                    q[r * n + j] -= dot * q[k * n + j];
                }
            }
            double norm = 0;
            for (int j = 0; j < n; j++) {
                norm += q[r * n + j] * q[r * n + j];
            }
            norm = Math.sqrt(norm);
            for (int j = 0; j < n; j++) {
                q[r * n + j] /= norm;
            }
        }
        return q;
    }
}
