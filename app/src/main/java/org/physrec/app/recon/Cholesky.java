package org.physrec.app.recon;

/** Dense Cholesky solve of a small symmetric positive-definite system (IK normal equations). */
final class Cholesky {

    private Cholesky() {
    }

    /**
     * Solves A x = b; A (n x n, row-major) is overwritten by its factor.
     *
     * @return false if A is not positive definite
     */
    static boolean solveInPlace(double[] a, int n, double[] b, double[] xOut) {
        if (!factorInPlace(a, n)) {
            return false;
        }
        solveFactored(a, n, b, xOut);
        return true;
    }

    /**
     * Overwrites the lower triangle of A (n x n, row-major) with L, A = L·Lᵀ.
     *
     * @return false if A is not positive definite
     */
    static boolean factorInPlace(double[] a, int n) {
        for (int j = 0; j < n; j++) {
            double d = a[j * n + j];
            for (int k = 0; k < j; k++) {
                d -= a[j * n + k] * a[j * n + k];
            }
            if (!(d > 0)) {
                return false;
            }
            double l = Math.sqrt(d);
            a[j * n + j] = l;
            for (int i = j + 1; i < n; i++) {
                double s = a[i * n + j];
                for (int k = 0; k < j; k++) {
                    s -= a[i * n + k] * a[j * n + k];
                }
                a[i * n + j] = s / l;
            }
        }
        return true;
    }

    /** Solves L·Lᵀ x = b with the factor of {@link #factorInPlace}. */
    static void solveFactored(double[] l, int n, double[] b, double[] xOut) {
        for (int i = 0; i < n; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[i * n + k] * xOut[k];
            }
            xOut[i] = s / l[i * n + i];
        }
        for (int i = n - 1; i >= 0; i--) {
            double s = xOut[i];
            for (int k = i + 1; k < n; k++) {
                s -= l[k * n + i] * xOut[k];
            }
            xOut[i] = s / l[i * n + i];
        }
    }
}
