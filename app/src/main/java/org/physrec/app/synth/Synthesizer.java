package org.physrec.app.synth;

import java.util.SplittableRandom;
import org.physrec.datasets.Camera;
import org.physrec.datasets.Sequence;
import org.physrec.datasets.Skeleton;
import org.physrec.datasets.UpAxis;

/**
 * Turns a ground-truth sequence (z up, mm, with cameras) into realistic reconstruction inputs:
 * noisy 2D detections in every camera and a noisy 3D kinematic estimate, keeping the ground truth.
 * Deterministic for a given seed; every noise source has its own random stream (split from the
 * seed in a fixed order), so switching one source off leaves the others unchanged.
 */
public final class Synthesizer {

    /** Confidence range of a normal detection. */
    static final double CONF_LOW = 0.7;
    /** Confidence range of a low-confidence detection. */
    static final double LOWCONF_MIN = 0.05;
    static final double LOWCONF_MAX = 0.3;

    private Synthesizer() {
    }

    /**
     * Synthesises inputs for {@code source}, which must hold ground truth without missing joints and be
     * z-up with its root at joint 0.
     *
     * @return a sequence with id {@code <source id>_synth}, the source's cameras, 2D keypoints for each,
     *         the 3D estimate as {@code keypoints3d} and the source ground truth
     */
    public static Sequence synthesize(Sequence source, SynthSettings s) {
        if (!source.hasGroundTruth()) {
            throw new IllegalArgumentException("sequence " + source.id() + ": synth needs ground truth");
        }
        if (source.upAxis() != UpAxis.Z) {
            throw new IllegalArgumentException("sequence " + source.id() + ": synth expects a z-up sequence, got "
                    + source.upAxis().id() + "-up");
        }
        Skeleton sk = source.skeleton();
        if (sk.parent(0) != -1) {
            throw new IllegalArgumentException("sequence " + source.id() + ": joint 0 must be the root");
        }
        int frames = source.frames();
        int joints = sk.jointCount();
        double[] gt = source.groundTruth();
        for (int i = 0; i < gt.length; i++) {
            if (!Double.isFinite(gt[i])) {
                throw new IllegalArgumentException("sequence " + source.id() + ": ground truth is missing at frame "
                        + i / (joints * 3) + ", joint " + (i / 3) % joints + "; synth needs complete ground truth");
            }
        }
        SplittableRandom root = new SplittableRandom(s.seed());
        SplittableRandom estimateStream = root.split();
        Sequence.Builder b = Sequence.builder(source.id() + "_synth", source.fps(), sk, frames, UpAxis.Z)
                .startTime(source.startTime());
        source.metadata().forEach(b::metadata);
        b.metadata("synth.source", source.id());
        b.metadata("synth.settings", s.toString());
        for (Camera cam : source.cameras()) {
            SplittableRandom camStream = root.split();
            double[] xy = new double[frames * joints * 2];
            double[] conf = new double[frames * joints];
            detections(cam, gt, frames, joints, s, camStream, xy, conf);
            b.camera(cam).keypoints2d(cam.name(), xy, conf);
        }
        double[] ray = source.cameras().isEmpty() ? null : viewingRay(source.cameras().get(0), gt, frames, joints);
        b.groundTruth(gt).keypoints3d(estimate(gt, frames, joints, source.fps(), sk == Skeleton.H36M_17, ray, s,
                estimateStream));
        return b.build();
    }

    /**
     * 2D detections of one camera: projection of the ground truth, plus Gaussian pixel noise;
     * some low-confidence (larger noise); dropout bursts and points outside the image or behind
     * the camera get confidence 0 and NaN pixels.
     *
     * @param xyOut   (T x J x 2) pixels
     * @param confOut (T x J) confidences
     */
    static void detections(Camera cam, double[] gt, int frames, int joints, SynthSettings s, SplittableRandom rnd,
            double[] xyOut, double[] confOut) {
        SplittableRandom dropRnd = rnd.split();
        SplittableRandom lowRnd = rnd.split();
        SplittableRandom pixelRnd = rnd.split();
        int[] dropRemaining = new int[joints];
        double[] uv = new double[2];
        for (int t = 0; t < frames; t++) {
            for (int j = 0; j < joints; j++) {
                int k = t * joints + j;
                boolean dropped = dropRemaining[j] > 0;
                if (dropped) {
                    dropRemaining[j]--;
                } else if (dropRnd.nextDouble() < s.dropoutStartRate()) {
                    dropped = true;
                    dropRemaining[j] = geometricLength(dropRnd, s.dropoutMeanFrames()) - 1;
                }
                boolean low = lowRnd.nextDouble() < s.lowConfidenceRate();
                double u01 = lowRnd.nextDouble();
                double conf = low ? LOWCONF_MIN + (LOWCONF_MAX - LOWCONF_MIN) * u01 : CONF_LOW + (1 - CONF_LOW) * u01;
                double sigma = low ? s.lowConfidencePixelSigma() : s.pixelSigma();
                double nu = sigma * pixelRnd.nextGaussian();
                double nv = sigma * pixelRnd.nextGaussian();
                boolean inFront = cam.project(gt, k * 3, uv, 0);
                double u = uv[0] + nu;
                double v = uv[1] + nv;
                boolean inImage = inFront && u >= 0 && v >= 0 && u < cam.width() && v < cam.height();
                if (dropped || !inImage) {
                    xyOut[2 * k] = Double.NaN;
                    xyOut[2 * k + 1] = Double.NaN;
                    confOut[k] = 0;
                } else {
                    xyOut[2 * k] = u;
                    xyOut[2 * k + 1] = v;
                    confOut[k] = conf;
                }
            }
        }
    }

    /**
     * The 3D estimate: root-relative pose turned by an AR(1) orientation error and scaled by a
     * per-sequence factor, plus a constant per-joint
     * bias in the heading frame, AR(1) correlated noise and white jitter; the root follows the ground
     * truth plus AR(1) noise per world axis and along the viewing ray, plus jitter. Shapes (T x J x 3).
     */
    static double[] estimate(double[] gt, int frames, int joints, double fps, boolean h36m, double[] ray,
            SynthSettings s, SplittableRandom rnd) {
        SplittableRandom scaleRnd = rnd.split();
        SplittableRandom biasRnd = rnd.split();
        SplittableRandom corrRnd = rnd.split();
        SplittableRandom jitterRnd = rnd.split();
        SplittableRandom rootRnd = rnd.split();
        SplittableRandom depthRnd = rnd.split();
        SplittableRandom orientRnd = rnd.split();
        int stride = joints * 3;
        double scale = Math.max(0.7, Math.min(1.3, 1 + s.scaleSigma() * scaleRnd.nextGaussian()));
        double[] bias = new double[stride];
        for (int i = 3; i < stride; i++) {
            bias[i] = s.bodyBiasMm() * biasRnd.nextGaussian();
        }
        double[] noise = new double[frames * stride];
        Ar1.add(corrRnd, s.correlatedMm(), Ar1.rho(s.correlationSeconds(), fps), frames, stride - 3, stride, 3, noise);
        double[] rootNoise = new double[frames * 3];
        double rootRho = Ar1.rho(s.rootCorrelationSeconds(), fps);
        Ar1.add(rootRnd, s.rootMm(), rootRho, frames, 3, 3, 0, rootNoise);
        double[] depth = new double[frames];
        Ar1.add(depthRnd, s.depthMm(), rootRho, frames, 1, 1, 0, depth);
        double[] orientation = new double[frames * 3];
        Ar1.add(orientRnd, Math.toRadians(s.orientationDeg()), rootRho, frames, 3, 3, 0, orientation);
        double[] rel = new double[3];
        double[] out = new double[gt.length];
        for (int t = 0; t < frames; t++) {
            int base = t * stride;
            // heading frame: lateral = hip line (LHip 4 - RHip 1) in the ground plane; else world axes
            double lx = 1, ly = 0;
            if (h36m) {
                double dx = gt[base + 12] - gt[base + 3];
                double dy = gt[base + 13] - gt[base + 4];
                double n = Math.hypot(dx, dy);
                if (n > 1e-6) {
                    lx = dx / n;
                    ly = dy / n;
                }
            }
            double[] r = {gt[base], gt[base + 1], gt[base + 2]};
            for (int c = 0; c < 3; c++) {
                r[c] += rootNoise[t * 3 + c] + (ray == null ? 0 : ray[c] * depth[t]) + s.jitterMm() * jitterRnd.nextGaussian();
            }
            out[base] = r[0];
            out[base + 1] = r[1];
            out[base + 2] = r[2];
            double[] rot = Camera.rodrigues(new double[] {orientation[3 * t], orientation[3 * t + 1], orientation[3 * t + 2]});
            for (int j = 1; j < joints; j++) {
                int k = base + 3 * j;
                double bx = bias[3 * j], by = bias[3 * j + 1], bz = bias[3 * j + 2];
                // body-frame bias (lateral, forward = z x lateral, up) to world
                double wx = bx * lx - by * ly;
                double wy = bx * ly + by * lx;
                double[] w = {wx, wy, bz};
                double px = gt[k] - gt[base], py = gt[k + 1] - gt[base + 1], pz = gt[k + 2] - gt[base + 2];
                for (int c = 0; c < 3; c++) {
                    rel[c] = rot[3 * c] * px + rot[3 * c + 1] * py + rot[3 * c + 2] * pz;
                }
                for (int c = 0; c < 3; c++) {
                    out[k + c] = r[c] + scale * rel[c] + w[c] + noise[k + c] + s.jitterMm() * jitterRnd.nextGaussian();
                }
            }
        }
        return out;
    }

    /** Unit vector from the camera centre to the mean ground-truth root position. */
    static double[] viewingRay(Camera cam, double[] gt, int frames, int joints) {
        double[] c = cam.centre();
        double[] m = new double[3];
        for (int t = 0; t < frames; t++) {
            for (int i = 0; i < 3; i++) {
                m[i] += gt[t * joints * 3 + i] / frames;
            }
        }
        double[] d = {m[0] - c[0], m[1] - c[1], m[2] - c[2]};
        double n = Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
        return n > 0 ? new double[] {d[0] / n, d[1] / n, d[2] / n} : null;
    }

    /** Geometric length >= 1 with the given mean. */
    private static int geometricLength(SplittableRandom rnd, double mean) {
        double p = 1.0 / mean;
        int len = 1;
        while (rnd.nextDouble() >= p && len < 10_000) {
            len++;
        }
        return len;
    }
}
