package org.physrec.app.recon;

import java.util.Arrays;
import org.physrec.physics.ConfigSpace;
import org.physrec.physics.Kinematics;
import org.physrec.physics.Model;
import org.physrec.physics.Workspace;

/**
 * Per-frame inverse kinematics of the character to 3D keypoints: Levenberg-Marquardt on the
 * configuration manifold (q ← q ⊕ δ with δ from the damped normal equations of the keypoint
 * residuals and the soft joint-limit residuals), each frame warm-started from the previous
 * one. Gauss-Newton steps with the exact tangent Jacobian converge in a few iterations where
 * a first-order optimizer on flat coordinates would need hundreds, and stay on the manifold.
 * Not thread-safe (holds scratch); one instance per thread.
 */
public final class InverseKinematics {

    /**
     * @param maxIterations     LM iterations per frame (first frame: 5×)
     * @param tolerance         stop when the relative cost decrease is below this
     * @param limitWeight       weight of the joint-limit residuals relative to keypoints (m per rad)
     * @param initialDamping    initial LM damping λ (relative to the normal-matrix diagonal)
     * @param sigma3dMm         expected error of the 3D keypoints (mm): weighs them against the 2D ones
     * @param sigma2dPx         expected error of a confident 2D keypoint (px)
     * @param robustPx          scale of the Cauchy kernel on 2D errors (px), by iteratively reweighting
     */
    public record Settings(int maxIterations, double tolerance, double limitWeight, double initialDamping,
                           double sigma3dMm, double sigma2dPx, double robustPx) {
        public static final Settings DEFAULTS = new Settings(30, 1e-8, 0.3, 1e-3, 40, 5, 20);

        public Settings withLimitWeight(double w) {
            return new Settings(maxIterations, tolerance, w, initialDamping, sigma3dMm, sigma2dPx, robustPx);
        }

        public Settings withSigmas(double s3, double s2) {
            return new Settings(maxIterations, tolerance, limitWeight, initialDamping, s3, s2, robustPx);
        }

        public Settings {
            if (maxIterations < 1) {
                throw new IllegalArgumentException("maxIterations: must be >= 1, got " + maxIterations);
            }
            if (!(tolerance >= 0) || !(limitWeight >= 0) || !(initialDamping > 0)) {
                throw new IllegalArgumentException("tolerance, limitWeight >= 0 and initialDamping > 0 required");
            }
            if (!(sigma3dMm > 0) || !(sigma2dPx > 0) || !(robustPx > 0)) {
                throw new IllegalArgumentException("sigma3dMm, sigma2dPx, robustPx: must be > 0");
            }
        }
    }

    private final Model model;
    private final Workspace ws;
    private final Settings settings;
    private final JointLimits limits;
    private final int nv;
    private final int kp;
    private final double[] jac;
    private final double[] limRes;
    private final double[] limJac;
    private final double[] res;
    private final double[] pts;
    private final double[] a;
    private final double[] g;
    private final double[] step;
    private final double[] trial;
    private final double[] chol;
    private final double[] mm = new double[3];
    private final double[] uv = new double[2];
    private final double[] pj = new double[6];
    private double[] rowScratch;
    private Observations obs2d;

    public InverseKinematics(Model model, Settings settings) {
        this.model = model;
        this.ws = model.newWorkspace();
        this.settings = settings;
        this.limits = new JointLimits(model);
        nv = model.nv();
        kp = model.keypointCount();
        jac = new double[3 * kp * nv];
        limRes = new double[model.nu()];
        limJac = new double[model.nu() * nv];
        res = new double[3 * kp];
        pts = new double[3 * kp];
        a = new double[nv * nv];
        g = new double[nv];
        step = new double[nv];
        trial = new double[model.nq()];
        chol = new double[nv * nv];
    }

    /**
     * Fits every frame.
     *
     * @param targets (T x K x 3) keypoint targets in the physics frame (m), NaN where missing
     * @param weights (T x K) per-keypoint weights ≥ 0 (e.g. confidences), or null for 1
     * @param qOut    (T x nq) receives the fitted configurations
     * @return (T) RMS keypoint residual per frame over the weighted keypoints (m)
     */
    public double[] fitSequence(double[] targets, double[] weights, double[] qOut) {
        return fitSequence(targets, weights, null, qOut);
    }

    /**
     * Fits every frame to the 3D targets and, if {@code obs} has cameras, to their 2D keypoints
     * (weighted by confidence; the 3D targets by 1/σ3², the 2D ones by 1/σ2²).
     *
     * @param obs observations holding the 2D keypoints frame by frame like {@code targets}, or null
     */
    public double[] fitSequence(double[] targets, double[] weights, Observations obs, double[] qOut) {
        obs2d = obs != null && !obs.cameras().isEmpty() ? obs : null;
        int frames = targets.length / (3 * kp);
        if (targets.length != frames * 3 * kp || frames == 0) {
            throw new IllegalArgumentException("targets: expected T x " + kp + " x 3 values, got " + targets.length);
        }
        int nq = model.nq();
        if (qOut.length != frames * nq) {
            throw new IllegalArgumentException("qOut: expected " + frames * nq + " values, got " + qOut.length);
        }
        double[] q = new double[nq];
        double[] rms = new double[frames];
        double[] w = new double[kp];
        for (int t = 0; t < frames; t++) {
            for (int j = 0; j < kp; j++) {
                double wj = weights == null ? 1 : weights[t * kp + j];
                w[j] = Double.isFinite(targets[(t * kp + j) * 3]) && wj > 0 ? wj : 0;
            }
            if (t == 0) {
                initialGuess(targets, 0, q);
            }
            rms[t] = fitFrame(targets, t * kp * 3, w, q, t == 0 ? 5 * settings.maxIterations() : settings.maxIterations());
            System.arraycopy(q, 0, qOut, t * nq, nq);
        }
        return rms;
    }

    /**
     * Fits one frame in place.
     *
     * @param targets  keypoint targets (m) at {@code off}, K x 3
     * @param w        (K) weights, 0 for missing
     * @param q        (nq) warm start, overwritten with the fit
     * @return RMS weighted keypoint residual (m)
     */
    public double fitFrame(double[] targets, int off, double[] w, double[] q, int iterations) {
        double lambda = settings.initialDamping();
        double cost = cost(targets, off, w, q);
        for (int it = 0; it < iterations; it++) {
            buildNormalEquations(targets, off, w, q);
            boolean improved = false;
            for (int attempt = 0; attempt < 10 && !improved; attempt++) {
                for (int i = 0; i < nv * nv; i++) {
                    chol[i] = a[i];
                }
                for (int i = 0; i < nv; i++) {
                    chol[i * nv + i] += lambda * (a[i * nv + i] + 1e-6);
                }
                if (!Cholesky.solveInPlace(chol, nv, g, step)) {
                    lambda *= 10;
                    continue;
                }
                for (int i = 0; i < nv; i++) {
                    step[i] = -step[i];
                }
                ConfigSpace.integrate(model, q, step, 1.0, trial);
                double c = cost(targets, off, w, trial);
                if (c < cost) {
                    double decrease = (cost - c) / Math.max(cost, 1e-300);
                    System.arraycopy(trial, 0, q, 0, q.length);
                    cost = c;
                    lambda = Math.max(lambda / 3, 1e-9);
                    improved = true;
                    if (decrease < settings.tolerance()) {
                        return rms(targets, off, w, q);
                    }
                } else {
                    lambda *= 4;
                }
            }
            if (!improved) {
                break;
            }
        }
        return rms(targets, off, w, q);
    }

    /** Uses the 2D keypoints of {@code obs} (null or no cameras: none) in the frame methods below. */
    void use2d(Observations obs) {
        obs2d = obs != null && !obs.cameras().isEmpty() ? obs : null;
    }

    /** Rows of one frame's least-squares system: 3 per keypoint, 2 per keypoint and camera, 1 per actuated dof. */
    int rowCount() {
        return 3 * kp + (obs2d == null ? 0 : 2 * kp * obs2d.cameras().size()) + model.nu();
    }

    /** {@link #fitFrame} of frame t, 3D keypoints weighted 1 where finite. */
    void fitFrameAt(double[] targets, int t, double[] q, int iterations) {
        double[] w = new double[kp];
        for (int j = 0; j < kp; j++) {
            w[j] = Double.isFinite(targets[(t * kp + j) * 3]) ? 1 : 0;
        }
        fitFrame(targets, t * kp * 3, w, q, iterations);
    }

    /** The robust cost that {@link #fitFrame} minimizes, of frame t at q (3D keypoints weighted 1 where finite). */
    double frameCost(double[] targets, int t, double[] q) {
        double[] w = new double[kp];
        for (int j = 0; j < kp; j++) {
            w[j] = Double.isFinite(targets[(t * kp + j) * 3]) ? 1 : 0;
        }
        return cost(targets, t * kp * 3, w, q);
    }

    /**
     * Whitened residuals of frame t at q and their tangent Jacobian, rows as {@link #rowCount}: each
     * row is multiplied by the square root of its weight (2D rows: confidence·(σ3/σ2)² reweighted for
     * the Cauchy kernel at q), so that the Gauss-Newton system of {@link #fitFrame} is JᵀJ δ = −Jᵀr.
     * Missing keypoints get weight and residual 0.
     *
     * @param rOut      (rows) whitened residuals
     * @param jacOut    (rows x nv) whitened Jacobian, row-major
     * @param sqrtWOut  (rows) the square-root weights used, for {@link #residuals} of another character
     */
    void linearize(double[] targets, int t, double[] q, double[] rOut, double[] jacOut, double[] sqrtWOut) {
        Kinematics.keypointJacobian(model, ws, q, jac);
        Kinematics.keypoints(model, ws, q, pts);
        Arrays.fill(jacOut, 0, rowCount() * nv, 0);
        int off = t * kp * 3;
        for (int j = 0; j < kp; j++) {
            boolean seen = Double.isFinite(targets[off + 3 * j]);
            for (int c = 0; c < 3; c++) {
                int row = 3 * j + c;
                sqrtWOut[row] = seen ? 1 : 0;
                rOut[row] = seen ? pts[row] - targets[off + row] : 0;
                if (seen) {
                    System.arraycopy(jac, row * nv, jacOut, row * nv, nv);
                }
            }
        }
        int row = 3 * kp;
        if (obs2d != null) {
            double k2 = weight2d();
            double s2 = settings.robustPx() * settings.robustPx();
            for (int ci = 0; ci < obs2d.cameras().size(); ci++) {
                var cam = obs2d.cameras().get(ci);
                double[] px = obs2d.pixels().get(ci);
                double[] cf = obs2d.confidences().get(ci);
                for (int j = 0; j < kp; j++, row += 2) {
                    double conf = cf[t * kp + j];
                    obs2d.frame().toData(pts, 3 * j, mm, 0, 1);
                    if (!(conf > 0) || !cam.projectWithJacobian(mm, 0, uv, 0, pj, 0)) {
                        sqrtWOut[row] = sqrtWOut[row + 1] = rOut[row] = rOut[row + 1] = 0;
                        continue;
                    }
                    double ex = uv[0] - px[(t * kp + j) * 2];
                    double ey = uv[1] - px[(t * kp + j) * 2 + 1];
                    double sw = Math.sqrt(conf * k2 / (1 + (ex * ex + ey * ey) / s2));
                    sqrtWOut[row] = sqrtWOut[row + 1] = sw;
                    rOut[row] = sw * ex;
                    rOut[row + 1] = sw * ey;
                    for (int r = 0; r < 2; r++) {
                        for (int i = 0; i < nv; i++) {
                            jacOut[(row + r) * nv + i] = sw * 1000 * (pj[3 * r] * jac[(3 * j) * nv + i]
                                    + pj[3 * r + 1] * jac[(3 * j + 1) * nv + i] + pj[3 * r + 2] * jac[(3 * j + 2) * nv + i]);
                        }
                    }
                }
            }
        }
        limits.residuals(q, limRes, limJac);
        double wl = settings.limitWeight();
        for (int u = 0; u < limRes.length; u++, row++) {
            sqrtWOut[row] = wl;
            rOut[row] = wl * limRes[u];
            for (int i = 0; i < nv; i++) {
                jacOut[row * nv + i] = wl * limJac[u * nv + i];
            }
        }
    }

    /**
     * Residuals of frame t at q with given square-root row weights (from {@link #linearize}, possibly
     * of a character with other bone lengths: the rows and the meaning of q are the same).
     *
     * @param rOut (rows) whitened residuals
     */
    void residuals(double[] targets, int t, double[] q, double[] sqrtW, double[] rOut) {
        Kinematics.keypoints(model, ws, q, pts);
        int off = t * kp * 3;
        for (int row = 0; row < 3 * kp; row++) {
            rOut[row] = sqrtW[row] == 0 ? 0 : sqrtW[row] * (pts[row] - targets[off + row]);
        }
        int row = 3 * kp;
        if (obs2d != null) {
            for (int ci = 0; ci < obs2d.cameras().size(); ci++) {
                var cam = obs2d.cameras().get(ci);
                double[] px = obs2d.pixels().get(ci);
                for (int j = 0; j < kp; j++, row += 2) {
                    obs2d.frame().toData(pts, 3 * j, mm, 0, 1);
                    if (sqrtW[row] == 0 || !cam.project(mm, 0, uv, 0)) {
                        rOut[row] = rOut[row + 1] = 0;
                        continue;
                    }
                    rOut[row] = sqrtW[row] * (uv[0] - px[(t * kp + j) * 2]);
                    rOut[row + 1] = sqrtW[row + 1] * (uv[1] - px[(t * kp + j) * 2 + 1]);
                }
            }
        }
        limits.residuals(q, limRes, limJac);
        for (int u = 0; u < limRes.length; u++, row++) {
            rOut[row] = sqrtW[row] * limRes[u];
        }
    }

    /** Root at the hips, oriented by the hip line (y, left) and the spine (z, up); limbs neutral. */
    void initialGuess(double[] targets, int t, double[] qOut) {
        model.neutralConfiguration(qOut);
        int o = t * kp * 3;
        double[] hip = point(targets, o, 0);
        double[] rHip = point(targets, o, 1);
        double[] lHip = point(targets, o, 4);
        double[] thorax = point(targets, o, 8);
        if (!finite(hip) || !finite(rHip) || !finite(lHip) || !finite(thorax)) {
            return;
        }
        double[] y = normalize(sub(lHip, rHip));
        double[] z = sub(thorax, hip);
        double d = dot(z, y);
        for (int k = 0; k < 3; k++) {
            z[k] -= d * y[k];
        }
        z = normalize(z);
        double[] x = cross(y, z);
        // rotation body→world has columns x, y, z
        double[] quat = quaternionFromColumns(x, y, z);
        System.arraycopy(hip, 0, qOut, 0, 3);
        System.arraycopy(quat, 0, qOut, 3, 4);
    }

    private void buildNormalEquations(double[] targets, int off, double[] w, double[] q) {
        Kinematics.keypointJacobian(model, ws, q, jac);
        Kinematics.keypoints(model, ws, q, pts);
        Arrays.fill(a, 0);
        Arrays.fill(g, 0);
        for (int j = 0; j < kp; j++) {
            if (w[j] == 0) {
                continue;
            }
            for (int c = 0; c < 3; c++) {
                int row = 3 * j + c;
                double r = pts[row] - targets[off + row];
                accumulate(jac, row * nv, r, w[j]);
            }
        }
        if (obs2d != null) {
            accumulate2d(off / (3 * kp), q);
        }
        limits.residuals(q, limRes, limJac);
        double wl = settings.limitWeight() * settings.limitWeight();
        for (int u = 0; u < limRes.length; u++) {
            if (limRes[u] != 0) {
                accumulate(limJac, u * nv, limRes[u], wl);
            }
        }
    }

    private void accumulate(double[] jrows, int ro, double r, double w) {
        for (int i = 0; i < nv; i++) {
            double ji = jrows[ro + i];
            if (ji == 0) {
                continue;
            }
            g[i] += w * ji * r;
            for (int k = 0; k < nv; k++) {
                a[i * nv + k] += w * ji * jrows[ro + k];
            }
        }
    }

    private double cost(double[] targets, int off, double[] w, double[] q) {
        Kinematics.keypoints(model, ws, q, pts);
        double c = 0;
        for (int j = 0; j < kp; j++) {
            if (w[j] == 0) {
                continue;
            }
            for (int k = 0; k < 3; k++) {
                double r = pts[3 * j + k] - targets[off + 3 * j + k];
                c += w[j] * r * r;
            }
        }
        double lv = limits.value(q, 0, null);
        if (obs2d != null) {
            c += cost2d(off / (3 * kp));
        }
        return 0.5 * (c + settings.limitWeight() * settings.limitWeight() * lv);
    }

    /** (σ3 / σ2)²: the weight that makes a 2D error of σ2 px cost as much as a 3D error of σ3. */
    private double weight2d() {
        double r = settings.sigma3dMm() / 1000 / settings.sigma2dPx();
        return r * r;
    }

    /** Robust 2D cost of frame t in 3D-equivalent units (m²), keypoints in {@link #pts}. */
    private double cost2d(int t) {
        double k2 = weight2d();
        double s2 = settings.robustPx() * settings.robustPx();
        double c = 0;
        for (int ci = 0; ci < obs2d.cameras().size(); ci++) {
            var cam = obs2d.cameras().get(ci);
            double[] px = obs2d.pixels().get(ci);
            double[] cf = obs2d.confidences().get(ci);
            for (int j = 0; j < kp; j++) {
                double conf = cf[t * kp + j];
                if (!(conf > 0)) {
                    continue;
                }
                obs2d.frame().toData(pts, 3 * j, mm, 0, 1);
                if (!cam.project(mm, 0, uv, 0)) {
                    continue;
                }
                double ex = uv[0] - px[(t * kp + j) * 2];
                double ey = uv[1] - px[(t * kp + j) * 2 + 1];
                c += conf * k2 * s2 * Math.log1p((ex * ex + ey * ey) / s2);
            }
        }
        return c;
    }

    /** Gauss-Newton rows of the 2D keypoints of frame t, reweighted for the Cauchy kernel. */
    private void accumulate2d(int t, double[] q) {
        double k2 = weight2d();
        double s2 = settings.robustPx() * settings.robustPx();
        if (rowScratch == null) {
            rowScratch = new double[2 * nv];
        }
        for (int ci = 0; ci < obs2d.cameras().size(); ci++) {
            var cam = obs2d.cameras().get(ci);
            double[] px = obs2d.pixels().get(ci);
            double[] cf = obs2d.confidences().get(ci);
            for (int j = 0; j < kp; j++) {
                double conf = cf[t * kp + j];
                if (!(conf > 0)) {
                    continue;
                }
                obs2d.frame().toData(pts, 3 * j, mm, 0, 1);
                if (!cam.projectWithJacobian(mm, 0, uv, 0, pj, 0)) {
                    continue;
                }
                double ex = uv[0] - px[(t * kp + j) * 2];
                double ey = uv[1] - px[(t * kp + j) * 2 + 1];
                double w = conf * k2 / (1 + (ex * ex + ey * ey) / s2);
                // d uv / d δ = J_proj (2x3, per mm) · 1000 · J_keypoint (3 x nv, m per unit δ)
                for (int r = 0; r < 2; r++) {
                    for (int i = 0; i < nv; i++) {
                        rowScratch[r * nv + i] = 1000 * (pj[3 * r] * jac[(3 * j) * nv + i]
                                + pj[3 * r + 1] * jac[(3 * j + 1) * nv + i] + pj[3 * r + 2] * jac[(3 * j + 2) * nv + i]);
                    }
                }
                accumulate(rowScratch, 0, ex, w);
                accumulate(rowScratch, nv, ey, w);
            }
        }
    }

    private double rms(double[] targets, int off, double[] w, double[] q) {
        Kinematics.keypoints(model, ws, q, pts);
        double c = 0;
        double sw = 0;
        for (int j = 0; j < kp; j++) {
            if (w[j] == 0) {
                continue;
            }
            for (int k = 0; k < 3; k++) {
                double r = pts[3 * j + k] - targets[off + 3 * j + k];
                c += w[j] * r * r;
            }
            sw += w[j];
        }
        return sw == 0 ? 0 : Math.sqrt(c / sw);
    }

    private static double[] point(double[] a, int o, int j) {
        return new double[] {a[o + 3 * j], a[o + 3 * j + 1], a[o + 3 * j + 2]};
    }

    private static boolean finite(double[] v) {
        return Double.isFinite(v[0]) && Double.isFinite(v[1]) && Double.isFinite(v[2]);
    }

    private static double[] sub(double[] a, double[] b) {
        return new double[] {a[0] - b[0], a[1] - b[1], a[2] - b[2]};
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    private static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    private static double[] normalize(double[] a) {
        double n = Math.sqrt(dot(a, a));
        return new double[] {a[0] / n, a[1] / n, a[2] / n};
    }

    /** Unit quaternion (w, x, y, z) of the rotation matrix with columns x, y, z (Shepperd's method). */
    static double[] quaternionFromColumns(double[] x, double[] y, double[] z) {
        double m00 = x[0], m01 = y[0], m02 = z[0];
        double m10 = x[1], m11 = y[1], m12 = z[1];
        double m20 = x[2], m21 = y[2], m22 = z[2];
        double tr = m00 + m11 + m22;
        double w, qx, qy, qz;
        if (tr > 0) {
            double s = Math.sqrt(tr + 1) * 2;
            w = 0.25 * s;
            qx = (m21 - m12) / s;
            qy = (m02 - m20) / s;
            qz = (m10 - m01) / s;
        } else if (m00 > m11 && m00 > m22) {
            double s = Math.sqrt(1 + m00 - m11 - m22) * 2;
            w = (m21 - m12) / s;
            qx = 0.25 * s;
            qy = (m01 + m10) / s;
            qz = (m02 + m20) / s;
        } else if (m11 > m22) {
            double s = Math.sqrt(1 + m11 - m00 - m22) * 2;
            w = (m02 - m20) / s;
            qx = (m01 + m10) / s;
            qy = 0.25 * s;
            qz = (m12 + m21) / s;
        } else {
            double s = Math.sqrt(1 + m22 - m00 - m11) * 2;
            w = (m10 - m01) / s;
            qx = (m02 + m20) / s;
            qy = (m12 + m21) / s;
            qz = 0.25 * s;
        }
        double n = Math.sqrt(w * w + qx * qx + qy * qy + qz * qz);
        return new double[] {w / n, qx / n, qy / n, qz / n};
    }
}
