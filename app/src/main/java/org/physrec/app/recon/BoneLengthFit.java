package org.physrec.app.recon;

import org.physrec.physics.Model;
import org.physrec.physics.character.H36m;

/**
 * Refines the subject's bone lengths jointly with the poses of a subset of frames, so that the
 * 2D keypoints decide them together with the 3D estimate. A monocular 3D estimate carries a
 * constant per-joint bias and a per-sequence scale error; the per-bone medians of
 * {@link SubjectFit} inherit both, and with one camera a wrong bone length turns into a depth
 * error (the 2D keypoints fix the projected length, the rest goes along the viewing ray).
 *
 * <p>Variable projection with Levenberg-Marquardt on the 10 symmetric length parameters: for
 * given lengths every sampled frame is refitted by {@link InverseKinematics} (warm-started); the
 * step solves the Schur complement of the per-frame Gauss-Newton blocks (the reduced
 * Gauss-Newton matrix), the length Jacobian taken by central differences over characters with
 * perturbed bones; a step is kept only if the total IK cost plus a weak prior towards the initial
 * lengths decreases.
 */
public final class BoneLengthFit {

    /**
     * @param frameStride use every n-th frame
     * @param iterations  maximum LM iterations on the lengths
     * @param priorMm     length deviation from the initial lengths that costs, per sampled frame, as
     *                    much as one 3D keypoint off by σ3 (IK settings)
     */
    public record Settings(int frameStride, int iterations, double priorMm) {
        public static final Settings DEFAULTS = new Settings(2, 8, 50);

        public Settings {
            if (frameStride < 1 || iterations < 0 || !(priorMm > 0)) {
                throw new IllegalArgumentException("frameStride >= 1, iterations >= 0, priorMm > 0 required, got "
                        + frameStride + ", " + iterations + ", " + priorMm);
            }
        }
    }

    /** The free parameters as groups of bone indices (b = joint - 1) sharing one length (left/right pairs). */
    static final int[][] PARAMS = {{0, 3}, {1, 4}, {2, 5}, {6}, {7}, {8}, {9}, {10, 13}, {11, 14}, {12, 15}};
    /** Central-difference step on a length (m). */
    private static final double H = 1e-4;

    private BoneLengthFit() {
    }

    /**
     * @param bones0   (16) initial bone lengths (m), left/right equal
     * @param targets  (T x 17 x 3) 3D keypoint targets, physics frame (m), NaN where missing
     * @param obs      observations with the 2D keypoints (the same frames)
     * @param qInit    (T x nq) IK fit with {@code bones0}; the sampled frames start from it
     * @return (16) refined bone lengths (m); {@code bones0} unchanged if no step lowered the cost
     */
    public static double[] refine(double[] bones0, double massKg, double[] targets, Observations obs,
                                  InverseKinematics.Settings ik, Settings s, double[] qInit) {
        if (bones0.length != H36m.BONE_COUNT) {
            throw new IllegalArgumentException("bones0: expected " + H36m.BONE_COUNT + " values, got " + bones0.length);
        }
        int p = PARAMS.length;
        Model model0 = SubjectFit.character(bones0, massKg);
        int nq = model0.nq();
        int nv = model0.nv();
        int frames = qInit.length / nq;
        int n = (frames + s.frameStride() - 1) / s.frameStride();
        double[] q = new double[n * nq];
        for (int i = 0; i < n; i++) {
            System.arraycopy(qInit, i * s.frameStride() * nq, q, i * nq, nq);
        }
        double sigma3 = ik.sigma3dMm() / 1000;
        double wPrior = n * (sigma3 / (s.priorMm() / 1000)) * (sigma3 / (s.priorMm() / 1000));
        double[] bones = bones0.clone();
        InverseKinematics fit = solver(bones, massKg, ik, obs);
        double cost = totalCost(fit, targets, q, n, s.frameStride(), nq) + prior(bones, bones0, wPrior);
        double lambda = 1e-3;
        int rows = fit.rowCount();
        double[] r = new double[rows];
        double[] jac = new double[rows * nv];
        double[] sw = new double[rows];
        double[] rp = new double[rows];
        double[] rm = new double[rows];
        double[] jl = new double[rows * p];
        double[] att = new double[nv * nv];
        double[] rhs = new double[nv];
        double[] col = new double[nv];
        double[] x = new double[nv * (p + 1)];
        double[] jtjl = new double[nv * (p + 1)];
        double[] schur = new double[p * p];
        double[] b = new double[p];
        double[] qt = new double[nq];
        for (int it = 0; it < s.iterations(); it++) {
            InverseKinematics[] plus = new InverseKinematics[p];
            InverseKinematics[] minus = new InverseKinematics[p];
            for (int k = 0; k < p; k++) {
                plus[k] = solver(perturbed(bones, k, H), massKg, ik, obs);
                minus[k] = solver(perturbed(bones, k, -H), massKg, ik, obs);
            }
            java.util.Arrays.fill(schur, 0);
            java.util.Arrays.fill(b, 0);
            for (int i = 0; i < n; i++) {
                int t = i * s.frameStride();
                System.arraycopy(q, i * nq, qt, 0, nq);
                fit.linearize(targets, t, qt, r, jac, sw);
                for (int k = 0; k < p; k++) {
                    plus[k].residuals(targets, t, qt, sw, rp);
                    minus[k].residuals(targets, t, qt, sw, rm);
                    for (int row = 0; row < rows; row++) {
                        jl[row * p + k] = (rp[row] - rm[row]) / (2 * H);
                    }
                }
                // frame block JᵀJ (tiny damping keeps it definite), coupling JᵀJ_L, gradients
                for (int a = 0; a < nv; a++) {
                    for (int c = a; c < nv; c++) {
                        double v = 0;
                        for (int row = 0; row < rows; row++) {
                            v += jac[row * nv + a] * jac[row * nv + c];
                        }
                        att[a * nv + c] = v;
                        att[c * nv + a] = v;
                    }
                    att[a * nv + a] += 1e-9 + 1e-6 * att[a * nv + a];
                }
                if (!Cholesky.factorInPlace(att, nv)) {
                    continue;
                }
                for (int k = 0; k <= p; k++) {
                    for (int a = 0; a < nv; a++) {
                        double v = 0;
                        for (int row = 0; row < rows; row++) {
                            v += jac[row * nv + a] * (k < p ? jl[row * p + k] : r[row]);
                        }
                        rhs[a] = v;
                        jtjl[a * (p + 1) + k] = v;
                    }
                    Cholesky.solveFactored(att, nv, rhs, col);
                    for (int a = 0; a < nv; a++) {
                        x[a * (p + 1) + k] = col[a];
                    }
                }
                // Schur complement: J_LᵀJ_L − (JᵀJ_L)ᵀ (JᵀJ)⁻¹ (JᵀJ_L), and its right-hand side
                for (int k = 0; k < p; k++) {
                    for (int l = 0; l <= p; l++) {
                        double direct = 0;
                        for (int row = 0; row < rows; row++) {
                            direct += jl[row * p + k] * (l < p ? jl[row * p + l] : r[row]);
                        }
                        double coupled = 0;
                        for (int a = 0; a < nv; a++) {
                            coupled += jtjl[a * (p + 1) + k] * x[a * (p + 1) + l];
                        }
                        if (l < p) {
                            schur[k * p + l] += direct - coupled;
                        } else {
                            b[k] += direct - coupled;
                        }
                    }
                }
            }
            for (int k = 0; k < p; k++) {
                schur[k * p + k] += wPrior * PARAMS[k].length;
                b[k] += wPrior * PARAMS[k].length * (bones[PARAMS[k][0]] - bones0[PARAMS[k][0]]);
            }
            boolean improved = false;
            for (int attempt = 0; attempt < 6 && !improved; attempt++) {
                double[] m = new double[p * p];
                for (int k = 0; k < p * p; k++) {
                    m[k] = schur[k];
                }
                for (int k = 0; k < p; k++) {
                    m[k * p + k] += lambda * schur[k * p + k];
                }
                double[] step = new double[p];
                double[] neg = new double[p];
                for (int k = 0; k < p; k++) {
                    neg[k] = -b[k];
                }
                if (!Cholesky.solveInPlace(m, p, neg, step)) {
                    lambda *= 10;
                    continue;
                }
                double[] trial = bones.clone();
                boolean valid = true;
                for (int k = 0; k < p; k++) {
                    for (int bone : PARAMS[k]) {
                        trial[bone] = bones[bone] + step[k];
                        valid &= trial[bone] > 0.5 * bones0[bone] && trial[bone] < 1.5 * bones0[bone];
                    }
                }
                if (!valid) {
                    lambda *= 10;
                    continue;
                }
                InverseKinematics trialFit = solver(trial, massKg, ik, obs);
                double[] trialQ = q.clone();
                double c = refit(trialFit, targets, trialQ, n, s.frameStride(), nq, ik.maxIterations())
                        + prior(trial, bones0, wPrior);
                if (c < cost) {
                    double decrease = (cost - c) / cost;
                    bones = trial;
                    fit = trialFit;
                    q = trialQ;
                    cost = c;
                    lambda = Math.max(lambda / 3, 1e-9);
                    improved = true;
                    if (decrease < 1e-6) {
                        return bones;
                    }
                } else {
                    lambda *= 4;
                }
            }
            if (!improved) {
                break;
            }
        }
        return bones;
    }

    private static InverseKinematics solver(double[] bones, double massKg, InverseKinematics.Settings ik,
                                            Observations obs) {
        InverseKinematics fit = new InverseKinematics(SubjectFit.character(bones, massKg), ik);
        fit.use2d(obs);
        return fit;
    }

    private static double[] perturbed(double[] bones, int k, double h) {
        double[] out = bones.clone();
        for (int bone : PARAMS[k]) {
            out[bone] += h;
        }
        return out;
    }

    private static double prior(double[] bones, double[] bones0, double w) {
        double c = 0;
        for (int b = 0; b < bones.length; b++) {
            double d = bones[b] - bones0[b];
            c += d * d;
        }
        return 0.5 * w * c;
    }

    private static double totalCost(InverseKinematics fit, double[] targets, double[] q, int n, int stride, int nq) {
        double[] qt = new double[nq];
        double c = 0;
        for (int i = 0; i < n; i++) {
            System.arraycopy(q, i * nq, qt, 0, nq);
            c += fit.frameCost(targets, i * stride, qt);
        }
        return c;
    }

    /** Refits the sampled frames in place (warm-started) and returns their total cost. */
    private static double refit(InverseKinematics fit, double[] targets, double[] q, int n, int stride, int nq,
                                int iterations) {
        double[] qt = new double[nq];
        double c = 0;
        for (int i = 0; i < n; i++) {
            System.arraycopy(q, i * nq, qt, 0, nq);
            fit.fitFrameAt(targets, i * stride, qt, iterations);
            System.arraycopy(qt, 0, q, i * nq, nq);
            c += fit.frameCost(targets, i * stride, qt);
        }
        return c;
    }
}
