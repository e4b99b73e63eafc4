package org.physrec.app.recon;

import org.physrec.app.eval.MetricSettings;
import org.physrec.app.eval.MotionMetrics;
import org.physrec.app.eval.SequenceMetrics;
import org.physrec.datasets.Sequence;

/**
 * Metrics of a reconstruction and of its kinematic input against the ground truth, on the
 * ground truth's own floor (estimated from its feet, so that a sequence whose floor is not at
 * z = 0, like the AIST++ sample, is measured on its floor).
 *
 * @param reconstruction the simulated motion's metrics
 * @param kinematic      the 3D keypoint input's metrics (the baseline to improve on)
 * @param reference      the per-frame IK fit's metrics (the character's kinematic limit)
 * @param groundZmm      floor height used for foot metrics (mm)
 * @param joints         names of the joints measured (the H36M-17 joints the ground truth has)
 */
public record ReconstructionMetrics(SequenceMetrics reconstruction, SequenceMetrics kinematic,
                                    SequenceMetrics reference, double groundZmm, java.util.List<String> joints) {

    /** Null if the sequence has no ground truth. */
    public static ReconstructionMetrics of(Reconstruction r, Sequence prepared) {
        if (!prepared.hasGroundTruth()) {
            return null;
        }
        double[] gt = prepared.groundTruth();
        int k = 17;
        double ground = GroundPlane.estimate(gt, k, new int[] {3, 6}, 70 * SubjectFit.scale(SubjectFit.boneLengths(
                ReconstructionInput.withSpine(gt, prepared.frames()))),
                10);
        int[] keep = observedJoints(gt, prepared.frames(), k);
        MetricSettings h36m = MetricSettings.h36m17();
        int[] feet = h36m.footJoints();
        for (int f = 0; f < feet.length; f++) {
            feet[f] = indexOf(keep, feet[f]);
        }
        int root = indexOf(keep, h36m.rootJoint());
        if (root < 0 || feet[0] < 0 || feet[1] < 0) {
            throw new IllegalArgumentException("ground truth of " + r.id() + ": the root or a foot joint is missing in"
                    + " some frame; metrics need them");
        }
        MetricSettings ms = new MetricSettings(root, feet, ground, h36m.soleOffsetMm(), h36m.contactHeightMm(),
                h36m.skateMmPer25Hz(), h36m.pckThresholdMm(), h36m.anchoring());
        int n = keep.length;
        int t = r.frames();
        double[] g = select(gt, keep, t, k);
        SequenceMetrics rec = MotionMetrics.evaluate(r.id(), r.fps(), select(r.jointsMm(), keep, t, k), g, t, n, ms);
        SequenceMetrics kin = MotionMetrics.evaluate(r.id() + " (kinematic input)", r.fps(),
                select(fillMissing(r.kinematicMm(), r.referenceMm()), keep, t, k), g, t, n, ms);
        SequenceMetrics ref = MotionMetrics.evaluate(r.id() + " (IK reference)", r.fps(),
                select(r.referenceMm(), keep, t, k), g, t, n, ms);
        java.util.List<String> names = java.util.Arrays.stream(keep)
                .mapToObj(j -> org.physrec.physics.character.H36m.JOINTS[j]).toList();
        return new ReconstructionMetrics(rec, kin, ref, ground, names);
    }

    /**
     * The joints the ground truth has in every frame: a skeleton mapped to H36M-17 (COCO-17 has
     * no Spine) is measured on the joints it has, never against invented ones.
     */
    private static int[] observedJoints(double[] gt, int frames, int k) {
        return java.util.stream.IntStream.range(0, k).filter(j -> {
            for (int f = 0; f < frames; f++) {
                int o = (f * k + j) * 3;
                if (!(Double.isFinite(gt[o]) && Double.isFinite(gt[o + 1]) && Double.isFinite(gt[o + 2]))) {
                    return false;
                }
            }
            return true;
        }).toArray();
    }

    private static int indexOf(int[] a, int v) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == v) {
                return i;
            }
        }
        return -1;
    }

    /** (T x keep.length x 3) columns {@code keep} of (T x k x 3) points. */
    private static double[] select(double[] p, int[] keep, int frames, int k) {
        if (keep.length == k) {
            return p;
        }
        double[] out = new double[frames * keep.length * 3];
        for (int f = 0; f < frames; f++) {
            for (int i = 0; i < keep.length; i++) {
                System.arraycopy(p, (f * k + keep[i]) * 3, out, (f * keep.length + i) * 3, 3);
            }
        }
        return out;
    }

    /** Missing input joints (NaN) take the IK reference's position so the metrics stay defined. */
    private static double[] fillMissing(double[] a, double[] fill) {
        double[] out = a.clone();
        for (int i = 0; i < out.length; i++) {
            if (!Double.isFinite(out[i])) {
                out[i] = fill[i];
            }
        }
        return out;
    }
}
