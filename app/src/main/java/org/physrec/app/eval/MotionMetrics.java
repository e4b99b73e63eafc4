package org.physrec.app.eval;

/**
 * The evaluation metrics of diffphy-spec §4 on joint arrays of shape (T x J x 3), mm, z up.
 * Per-frame variants return (T) arrays; scalar variants are means over frames. Every public
 * method checks shapes and finiteness of its inputs.
 */
public final class MotionMetrics {

    private MotionMetrics() {
    }

    /** Evaluates {@code pred} against {@code gt}; both (T x J x 3), T >= 3 (acceleration needs 3 frames). */
    public static SequenceMetrics evaluate(String id, double fps, double[] pred, double[] gt, int frames, int joints,
            MetricSettings s) {
        checkPair(pred, gt, frames, joints, s.rootJoint());
        if (frames < 3) {
            throw new IllegalArgumentException(id + ": need at least 3 frames for the acceleration error, got " + frames);
        }
        requireFps(fps);
        for (int f : s.footJoints()) {
            if (f >= joints) {
                throw new IllegalArgumentException("footJoints: joint " + f + " out of range for " + joints + " joints");
            }
        }
        double[] perFrame = mpjpePerFrame(pred, gt, frames, joints, s.rootJoint());
        double[] perFramePa = paMpjpePerFrame(pred, gt, frames, joints);
        return new SequenceMetrics(id, frames, fps, mean(perFrame), mean(perFramePa),
                mean(mpjpeGlobalPerFrame(pred, gt, frames, joints, s.rootJoint(), s.anchoring())),
                pckPercent(pred, gt, frames, joints, s.rootJoint(), s.pckThresholdMm()),
                mean(grpPerFrame(pred, gt, frames, joints, s.rootJoint(), s.anchoring())),
                accelError(pred, gt, frames, joints, s.rootJoint()),
                footSkatePercent(pred, frames, joints, fps, s), penetrationMm(pred, frames, joints, s),
                footSkatePercent(gt, frames, joints, fps, s), penetrationMm(gt, frames, joints, s),
                perJointMpjpe(pred, gt, frames, joints, s.rootJoint()), perFrame, perFramePa);
    }

    /** (T) root-aligned MPJPE per frame: mean over joints of |(p_j - p_root) - (g_j - g_root)|. */
    public static double[] mpjpePerFrame(double[] pred, double[] gt, int frames, int joints, int root) {
        checkPair(pred, gt, frames, joints, root);
        double[] p = JointArrays.rootRelative(pred, frames, joints, root);
        double[] g = JointArrays.rootRelative(gt, frames, joints, root);
        return meanOverJoints(p, g, frames, joints);
    }

    /** (J) root-aligned error per joint, mean over frames. */
    public static double[] perJointMpjpe(double[] pred, double[] gt, int frames, int joints, int root) {
        checkPair(pred, gt, frames, joints, root);
        double[] p = JointArrays.rootRelative(pred, frames, joints, root);
        double[] g = JointArrays.rootRelative(gt, frames, joints, root);
        double[] out = new double[joints];
        for (int t = 0; t < frames; t++) {
            for (int j = 0; j < joints; j++) {
                out[j] += JointArrays.distance(p, g, joints, t, j);
            }
        }
        for (int j = 0; j < joints; j++) {
            out[j] /= frames;
        }
        return out;
    }

    /** (T) PA-MPJPE per frame: error after per-frame similarity Procrustes of pred onto gt. */
    public static double[] paMpjpePerFrame(double[] pred, double[] gt, int frames, int joints) {
        checkPair(pred, gt, frames, joints, 0);
        double[] aligned = new double[pred.length];
        SimilarityProcrustes procrustes = new SimilarityProcrustes();
        for (int t = 0; t < frames; t++) {
            procrustes.alignFrame(pred, gt, joints, t, aligned);
        }
        return meanOverJoints(aligned, gt, frames, joints);
    }

    /** (T) MPJPE-G per frame: mean joint distance after the global anchoring, no per-frame alignment. */
    public static double[] mpjpeGlobalPerFrame(double[] pred, double[] gt, int frames, int joints, int root,
            GlobalAnchoring anchoring) {
        checkPair(pred, gt, frames, joints, root);
        return meanOverJoints(anchor(pred, gt, joints, root, anchoring), gt, frames, joints);
    }

    /** (T) global root position error per frame, after the same anchoring as MPJPE-G. */
    public static double[] grpPerFrame(double[] pred, double[] gt, int frames, int joints, int root,
            GlobalAnchoring anchoring) {
        checkPair(pred, gt, frames, joints, root);
        double[] p = anchor(pred, gt, joints, root, anchoring);
        double[] out = new double[frames];
        for (int t = 0; t < frames; t++) {
            out[t] = JointArrays.distance(p, gt, joints, t, root);
        }
        return out;
    }

    /** Percent of the non-root root-aligned joints, over all frames, with error below {@code thresholdMm}. */
    public static double pckPercent(double[] pred, double[] gt, int frames, int joints, int root, double thresholdMm) {
        checkPair(pred, gt, frames, joints, root);
        if (joints < 2) {
            throw new IllegalArgumentException("joints: PCK needs at least one non-root joint");
        }
        double[] p = JointArrays.rootRelative(pred, frames, joints, root);
        double[] g = JointArrays.rootRelative(gt, frames, joints, root);
        long hits = 0;
        for (int t = 0; t < frames; t++) {
            for (int j = 0; j < joints; j++) {
                if (j != root && JointArrays.distance(p, g, joints, t, j) < thresholdMm) {
                    hits++;
                }
            }
        }
        return 100.0 * hits / ((long) frames * (joints - 1));
    }

    /**
     * Acceleration error, mm/frame^2: mean over frames 1..T-2 and joints of
     * |(p_{t-1} - 2 p_t + p_{t+1}) - (g_{t-1} - 2 g_t + g_{t+1})| on root-aligned joints.
     */
    public static double accelError(double[] pred, double[] gt, int frames, int joints, int root) {
        checkPair(pred, gt, frames, joints, root);
        if (frames < 3) {
            throw new IllegalArgumentException("frames: acceleration error needs at least 3, got " + frames);
        }
        double[] p = JointArrays.rootRelative(pred, frames, joints, root);
        double[] g = JointArrays.rootRelative(gt, frames, joints, root);
        int stride = joints * 3;
        double sum = 0;
        for (int t = 1; t < frames - 1; t++) {
            for (int j = 0; j < joints; j++) {
                double sq = 0;
                for (int c = 0; c < 3; c++) {
                    int k = t * stride + j * 3 + c;
                    double ap = p[k - stride] - 2 * p[k] + p[k + stride];
                    double ag = g[k - stride] - 2 * g[k] + g[k + stride];
                    sq += (ap - ag) * (ap - ag);
                }
                sum += Math.sqrt(sq);
            }
        }
        return sum / ((double) (frames - 2) * joints);
    }

    /**
     * Percent of consecutive frame pairs (t, t+1), out of T-1, in which some foot joint is below
     * {@code contactHeightMm} above the ground in both frames and moves horizontally by more than
     * {@code skateMmPer25Hz * 25 / fps} between them. Returns 0 for a single frame.
     */
    public static double footSkatePercent(double[] pos, int frames, int joints, double fps, MetricSettings s) {
        JointArrays.check("positions", pos, frames, joints);
        requireFps(fps);
        if (frames < 2) {
            return 0.0;
        }
        double threshold = s.skateMmPer25Hz() * 25.0 / fps;
        double thresholdSq = threshold * threshold;
        int skating = 0;
        for (int t = 0; t + 1 < frames; t++) {
            for (int f : s.footJoints()) {
                int a = (t * joints + f) * 3;
                int b = a + joints * 3;
                boolean near = pos[a + 2] - s.groundZ() < s.contactHeightMm()
                        && pos[b + 2] - s.groundZ() < s.contactHeightMm();
                double dx = pos[b] - pos[a];
                double dy = pos[b + 1] - pos[a + 1];
                if (near && dx * dx + dy * dy > thresholdSq) {
                    skating++;
                    break;
                }
            }
        }
        return 100.0 * skating / (frames - 1);
    }

    /**
     * Ground penetration, mm: mean over frames of max(0, groundZ - min_f (z_f - soleOffsetMm)) over
     * the foot joints f, i.e. how deep the lowest sole is below the ground plane.
     */
    public static double penetrationMm(double[] pos, int frames, int joints, MetricSettings s) {
        JointArrays.check("positions", pos, frames, joints);
        double sum = 0;
        for (int t = 0; t < frames; t++) {
            double lowest = Double.POSITIVE_INFINITY;
            for (int f : s.footJoints()) {
                lowest = Math.min(lowest, pos[(t * joints + f) * 3 + 2] - s.soleOffsetMm());
            }
            sum += Math.max(0.0, s.groundZ() - lowest);
        }
        return sum / frames;
    }

    /** Mean of a non-empty array. */
    static double mean(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v;
        }
        return s / a.length;
    }

    private static double[] anchor(double[] pred, double[] gt, int joints, int root, GlobalAnchoring anchoring) {
        if (anchoring == GlobalAnchoring.NONE) {
            return pred;
        }
        double[] shift = {gt[root * 3] - pred[root * 3], gt[root * 3 + 1] - pred[root * 3 + 1],
            gt[root * 3 + 2] - pred[root * 3 + 2]};
        double[] out = new double[pred.length];
        for (int i = 0; i < pred.length; i++) {
            out[i] = pred[i] + shift[i % 3];
        }
        return out;
    }

    private static double[] meanOverJoints(double[] p, double[] g, int frames, int joints) {
        double[] out = new double[frames];
        for (int t = 0; t < frames; t++) {
            double s = 0;
            for (int j = 0; j < joints; j++) {
                s += JointArrays.distance(p, g, joints, t, j);
            }
            out[t] = s / joints;
        }
        return out;
    }

    private static void checkPair(double[] pred, double[] gt, int frames, int joints, int root) {
        JointArrays.check("prediction", pred, frames, joints);
        JointArrays.check("ground truth", gt, frames, joints);
        if (root < 0 || root >= joints) {
            throw new IllegalArgumentException("root: joint " + root + " out of range for " + joints + " joints");
        }
    }

    private static void requireFps(double fps) {
        if (!(fps > 0) || !Double.isFinite(fps)) {
            throw new IllegalArgumentException("fps: must be finite and > 0, got " + fps);
        }
    }
}
