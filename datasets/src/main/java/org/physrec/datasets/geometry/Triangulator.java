package org.physrec.datasets.geometry;

import java.util.List;
import org.physrec.datasets.Camera;

/**
 * Triangulates one point at a time from its pixels in several calibrated cameras, weighting each
 * camera by its keypoint confidence:
 * <ol>
 * <li>linear estimate: the pixels are undistorted to normalised rays and the weighted
 *     least-squares point of the ray equations {@code (x·r3 − r1)·X = t1 − x·t3},
 *     {@code (y·r3 − r2)·X = t2 − y·t3} is solved (the inhomogeneous DLT);</li>
 * <li>Gauss–Newton (iteratively reweighted) on the robust reprojection error
 *     {@code f(X) = Σ_i w_i ρ(|π_i(X) − p_i|²)}, {@code ρ(r²) = ½ s² log(1 + r²/s²)} (Cauchy;
 *     ≈ ½ r² for r ≪ s, plain least squares when s = ∞), through each camera's full model (with
 *     lens distortion) using {@link Camera#projectWithJacobian}, halving a step that does not
 *     decrease f;</li>
 * <li>the conditioning of the Gauss–Newton matrix {@code Σ w_i J_iᵀ J_i} at the solution is checked:
 *     nearly parallel rays leave the depth undetermined and the point is rejected.</li>
 * </ol>
 * An instance holds its cameras and scratch space (one per thread); it allocates nothing per point.
 */
public final class Triangulator {

    /** Outcome of one point. */
    public enum Status {
        /** Triangulated. */
        OK,
        /** Fewer than two cameras see the point with enough confidence. */
        TOO_FEW_CAMERAS,
        /** The rays are too nearly parallel (condition number above the limit). */
        ILL_CONDITIONED,
        /** The solution lies behind a camera that saw it. */
        BEHIND_CAMERA
    }

    private final Camera[] cameras;
    private final double[][] rot;   // per camera (3x3) row-major world -> camera
    private final double[][] trans; // per camera (3)
    private final TriangulationSettings settings;
    private final double[] w;       // (n) weights of the cameras taking part
    private final double[] uv = new double[2];
    private final double[] jac = new double[6];
    private final double[] xy = new double[2];
    private final double[] h = new double[9];
    private final double[] g = new double[3];
    private final double[] inv = new double[9];
    private final double[] trial = new double[3];
    private double lastCondition = Double.NaN;
    private double lastRms = Double.NaN;

    public Triangulator(List<Camera> cameras, TriangulationSettings settings) {
        if (cameras == null || cameras.isEmpty()) {
            throw new IllegalArgumentException("cameras: at least one camera is needed");
        }
        if (settings == null) {
            throw new IllegalArgumentException("settings: must not be null");
        }
        this.cameras = cameras.toArray(new Camera[0]);
        this.rot = new double[this.cameras.length][];
        this.trans = new double[this.cameras.length][];
        for (int c = 0; c < this.cameras.length; c++) {
            rot[c] = this.cameras[c].rotation();
            trans[c] = this.cameras[c].translation();
        }
        this.settings = settings;
        this.w = new double[this.cameras.length];
    }

    /** Number of cameras. */
    public int cameraCount() {
        return cameras.length;
    }

    /** Condition number of the Gauss–Newton matrix of the last {@link #point} call (NaN if not reached). */
    public double lastCondition() {
        return lastCondition;
    }

    /** Weighted RMS reprojection error (pixels) of the last successful {@link #point} call. */
    public double lastRmsPx() {
        return lastRms;
    }

    /**
     * Triangulates one point.
     *
     * @param pixels      (n x 2) the point's pixel in each camera, NaN where unseen
     * @param confidences (n) confidence per camera, 0 where unseen
     * @param xOut        receives the point (3, world units) at {@code xOff}, NaN unless {@link Status#OK}
     */
    public Status point(double[] pixels, double[] confidences, double[] xOut, int xOff) {
        int n = cameras.length;
        lastCondition = Double.NaN;
        lastRms = Double.NaN;
        xOut[xOff] = xOut[xOff + 1] = xOut[xOff + 2] = Double.NaN;
        int used = 0;
        java.util.Arrays.fill(h, 0);
        java.util.Arrays.fill(g, 0);
        for (int c = 0; c < n; c++) {
            double u = pixels[2 * c];
            double v = pixels[2 * c + 1];
            double wc = confidences[c];
            w[c] = 0;
            if (!(wc > settings.minConfidence()) || !Double.isFinite(u) || !Double.isFinite(v)
                    || !cameras[c].undistort(u, v, xy, 0)) {
                continue;
            }
            w[c] = wc;
            used++;
            addRay(rot[c], trans[c], xy[0], 0, wc);
            addRay(rot[c], trans[c], xy[1], 1, wc);
        }
        if (used < 2) {
            return Status.TOO_FEW_CAMERAS;
        }
        if (!invert(h, inv)) {
            lastCondition = Double.POSITIVE_INFINITY;
            return Status.ILL_CONDITIONED;
        }
        for (int i = 0; i < 3; i++) {
            xOut[xOff + i] = inv[3 * i] * g[0] + inv[3 * i + 1] * g[1] + inv[3 * i + 2] * g[2];
        }
        double f = cost(pixels, w, xOut, xOff, null);
        if (!Double.isFinite(f)) {
            clear(xOut, xOff);
            return Status.BEHIND_CAMERA;
        }
        for (int it = 0; it < settings.maxIterations(); it++) {
            normalEquations(pixels, xOut, xOff);
            if (!invert(h, inv)) {
                break;
            }
            double step = 1;
            double dx = 0;
            boolean improved = false;
            for (int half = 0; half < 30 && !improved; half++, step *= 0.5) {
                dx = 0;
                for (int i = 0; i < 3; i++) {
                    double d = -step * (inv[3 * i] * g[0] + inv[3 * i + 1] * g[1] + inv[3 * i + 2] * g[2]);
                    trial[i] = xOut[xOff + i] + d;
                    dx += d * d;
                }
                double ft = cost(pixels, w, trial, 0, null);
                if (ft <= f) {
                    improved = true;
                    f = ft;
                    System.arraycopy(trial, 0, xOut, xOff, 3);
                }
            }
            if (!improved || Math.sqrt(dx) < settings.tolerance()) {
                break;
            }
        }
        normalEquations(pixels, xOut, xOff);
        lastCondition = condition(h);
        if (!(lastCondition <= settings.maxCondition())) {
            clear(xOut, xOff);
            return Status.ILL_CONDITIONED;
        }
        lastRms = rmsPx(pixels, xOut, xOff);
        return Status.OK;
    }

    /**
     * The weighted robust reprojection cost {@code f(X) = Σ_c weights[c]·ρ(|π_c(X) − pixels_c|²)}
     * (Cauchy ρ with the settings' scale; ½ r² for an infinite scale) over the cameras with a
     * positive weight, and its gradient.
     *
     * @param pixels  (n x 2) observed pixels
     * @param weights (n) weights, 0 to leave a camera out
     * @param gradOut receives df/dX (3) when not null
     * @return f, or +∞ if the point is behind a camera with positive weight
     */
    public double cost(double[] pixels, double[] weights, double[] x, int xOff, double[] gradOut) {
        double f = 0;
        if (gradOut != null) {
            gradOut[0] = gradOut[1] = gradOut[2] = 0;
        }
        for (int c = 0; c < cameras.length; c++) {
            double wc = weights[c];
            if (!(wc > 0)) {
                continue;
            }
            if (!cameras[c].projectWithJacobian(x, xOff, uv, 0, gradOut != null ? jac : null, 0)) {
                return Double.POSITIVE_INFINITY;
            }
            double ru = uv[0] - pixels[2 * c];
            double rv = uv[1] - pixels[2 * c + 1];
            double r2 = ru * ru + rv * rv;
            f += wc * rho(r2);
            if (gradOut != null) {
                double wr = wc * rhoSlope(r2);
                for (int k = 0; k < 3; k++) {
                    gradOut[k] += 2 * wr * (jac[k] * ru + jac[3 + k] * rv);
                }
            }
        }
        return f;
    }

    /** Adds one weighted ray equation {@code (s·r3 − r_row)·X = t_row − s·t3} to h (AᵀWA) and g (AᵀWb). */
    private void addRay(double[] r, double[] t, double s, int row, double wc) {
        double a0 = s * r[6] - r[3 * row];
        double a1 = s * r[7] - r[3 * row + 1];
        double a2 = s * r[8] - r[3 * row + 2];
        double b = t[row] - s * t[2];
        h[0] += wc * a0 * a0; h[1] += wc * a0 * a1; h[2] += wc * a0 * a2;
        h[4] += wc * a1 * a1; h[5] += wc * a1 * a2;
        h[8] += wc * a2 * a2;
        h[3] = h[1]; h[6] = h[2]; h[7] = h[5];
        g[0] += wc * a0 * b;
        g[1] += wc * a1 * b;
        g[2] += wc * a2 * b;
    }

    /** ρ(r²): Cauchy ½ s² log(1 + r²/s²), or ½ r² for an infinite scale. */
    private double rho(double r2) {
        double s2 = settings.robustScalePx() * settings.robustScalePx();
        return Double.isInfinite(s2) ? 0.5 * r2 : 0.5 * s2 * Math.log1p(r2 / s2);
    }

    /** dρ/d(r²): ½ / (1 + r²/s²). */
    private double rhoSlope(double r2) {
        double s2 = settings.robustScalePx() * settings.robustScalePx();
        return Double.isInfinite(s2) ? 0.5 : 0.5 / (1 + r2 / s2);
    }

    /**
     * h = Σ w' JᵀJ and g = Σ w' Jᵀr at x with the reweighted w' = 2·w·ρ'(r²) (the point is in
     * front of every weighted camera); g is then the gradient of the robust cost.
     */
    private void normalEquations(double[] pixels, double[] x, int xOff) {
        java.util.Arrays.fill(h, 0);
        java.util.Arrays.fill(g, 0);
        for (int c = 0; c < cameras.length; c++) {
            double wc = w[c];
            if (!(wc > 0)) {
                continue;
            }
            cameras[c].projectWithJacobian(x, xOff, uv, 0, jac, 0);
            double ru = uv[0] - pixels[2 * c];
            double rv = uv[1] - pixels[2 * c + 1];
            wc *= 2 * rhoSlope(ru * ru + rv * rv);
            for (int i = 0; i < 3; i++) {
                g[i] += wc * (jac[i] * ru + jac[3 + i] * rv);
                for (int k = 0; k < 3; k++) {
                    h[3 * i + k] += wc * (jac[i] * jac[k] + jac[3 + i] * jac[3 + k]);
                }
            }
        }
    }

    /** Confidence-weighted RMS reprojection error (px) of the weighted cameras. */
    private double rmsPx(double[] pixels, double[] x, int xOff) {
        double sum = 0;
        double wsum = 0;
        for (int c = 0; c < cameras.length; c++) {
            if (w[c] > 0) {
                cameras[c].project(x, xOff, uv, 0);
                double ru = uv[0] - pixels[2 * c];
                double rv = uv[1] - pixels[2 * c + 1];
                sum += w[c] * (ru * ru + rv * rv);
                wsum += w[c];
            }
        }
        return Math.sqrt(sum / wsum);
    }

    private static void clear(double[] x, int off) {
        x[off] = x[off + 1] = x[off + 2] = Double.NaN;
    }

    /** Inverse of a symmetric 3x3 matrix by its adjugate; false if (numerically) singular. */
    static boolean invert(double[] m, double[] out) {
        double c00 = m[4] * m[8] - m[5] * m[7];
        double c01 = m[5] * m[6] - m[3] * m[8];
        double c02 = m[3] * m[7] - m[4] * m[6];
        double det = m[0] * c00 + m[1] * c01 + m[2] * c02;
        double scale = Math.abs(m[0]) + Math.abs(m[4]) + Math.abs(m[8]);
        if (!(Math.abs(det) > 1e-14 * scale * scale * scale)) {
            return false;
        }
        double id = 1 / det;
        out[0] = c00 * id;
        out[1] = (m[2] * m[7] - m[1] * m[8]) * id;
        out[2] = (m[1] * m[5] - m[2] * m[4]) * id;
        out[3] = c01 * id;
        out[4] = (m[0] * m[8] - m[2] * m[6]) * id;
        out[5] = (m[2] * m[3] - m[0] * m[5]) * id;
        out[6] = c02 * id;
        out[7] = (m[1] * m[6] - m[0] * m[7]) * id;
        out[8] = (m[0] * m[4] - m[1] * m[3]) * id;
        return true;
    }

    /**
     * Condition number (largest / smallest eigenvalue) of a symmetric positive semi-definite 3x3
     * matrix, from its eigenvalues in closed form (trigonometric solution of the characteristic
     * cubic); +∞ if the smallest is not positive.
     */
    static double condition(double[] m) {
        double p1 = m[1] * m[1] + m[2] * m[2] + m[5] * m[5];
        double q = (m[0] + m[4] + m[8]) / 3;
        double p2 = (m[0] - q) * (m[0] - q) + (m[4] - q) * (m[4] - q) + (m[8] - q) * (m[8] - q) + 2 * p1;
        double p = Math.sqrt(p2 / 6);
        double max;
        double min;
        if (p == 0) {
            max = q;
            min = q;
        } else {
            double b0 = (m[0] - q) / p, b4 = (m[4] - q) / p, b8 = (m[8] - q) / p;
            double b1 = m[1] / p, b2 = m[2] / p, b5 = m[5] / p;
            double r = 0.5 * (b0 * (b4 * b8 - b5 * b5) - b1 * (b1 * b8 - b5 * b2) + b2 * (b1 * b5 - b4 * b2));
            double phi = Math.acos(Math.max(-1, Math.min(1, r))) / 3;
            max = q + 2 * p * Math.cos(phi);
            min = q + 2 * p * Math.cos(phi + 2 * Math.PI / 3);
        }
        return min > 0 ? max / min : Double.POSITIVE_INFINITY;
    }
}
