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
 */
public record ReconstructionMetrics(SequenceMetrics reconstruction, SequenceMetrics kinematic,
                                    SequenceMetrics reference, double groundZmm) {

    /** Null if the sequence has no ground truth. */
    public static ReconstructionMetrics of(Reconstruction r, Sequence prepared) {
        if (!prepared.hasGroundTruth()) {
            return null;
        }
        double[] gt = prepared.groundTruth();
        int k = 17;
        double ground = GroundPlane.estimate(gt, k, new int[] {3, 6}, 70 * SubjectFit.scale(SubjectFit.boneLengths(gt)),
                10);
        MetricSettings ms = MetricSettings.h36m17().withGroundZ(ground);
        SequenceMetrics rec = MotionMetrics.evaluate(r.id(), r.fps(), r.jointsMm(), gt, r.frames(), k, ms);
        SequenceMetrics kin = MotionMetrics.evaluate(r.id() + " (kinematic input)", r.fps(), fillMissing(r.kinematicMm(),
                r.referenceMm()), gt, r.frames(), k, ms);
        SequenceMetrics ref = MotionMetrics.evaluate(r.id() + " (IK reference)", r.fps(), r.referenceMm(), gt,
                r.frames(), k, ms);
        return new ReconstructionMetrics(rec, kin, ref, ground);
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
