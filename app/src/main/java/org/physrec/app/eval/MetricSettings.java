package org.physrec.app.eval;

import java.util.Arrays;

/**
 * Immutable settings of {@link MotionMetrics}. Defaults ({@link #h36m17()}) are for the H36M-17
 * joint order at millimetres with z up; the foot thresholds are our documented choices
 * (docs/EVAL.md), since DiffPhy's exact ones are not public.
 *
 * @param rootJoint          joint subtracted for root alignment (0 = pelvis)
 * @param footJoints         joints treated as feet for skating and penetration (H36M-17: ankles 3 and 6)
 * @param groundZ            height of the ground plane in mm
 * @param soleOffsetMm       distance from a foot joint down to the sole, mm (ankle-to-sole 70 mm)
 * @param contactHeightMm    a foot joint is near the ground if its height above the plane is below this, mm
 * @param skateMmPer25Hz     horizontal foot displacement between consecutive frames, per 25 Hz frame,
 *                           above which a near-ground foot skates; scaled by 25/fps
 * @param pckThresholdMm     PCK threshold on root-aligned joint error, mm
 * @param anchoring          placement of the prediction for MPJPE-G and GRP
 */
public record MetricSettings(int rootJoint, int[] footJoints, double groundZ, double soleOffsetMm,
        double contactHeightMm, double skateMmPer25Hz, double pckThresholdMm, GlobalAnchoring anchoring) {

    public MetricSettings {
        if (rootJoint < 0) {
            throw new IllegalArgumentException("rootJoint: must be >= 0, got " + rootJoint);
        }
        if (footJoints == null || footJoints.length == 0) {
            throw new IllegalArgumentException("footJoints: at least one foot joint is needed");
        }
        footJoints = footJoints.clone();
        for (int f : footJoints) {
            if (f < 0) {
                throw new IllegalArgumentException("footJoints: negative joint index " + f);
            }
        }
        requireFinite("groundZ", groundZ);
        requireNonNegative("soleOffsetMm", soleOffsetMm);
        requirePositive("contactHeightMm", contactHeightMm);
        requirePositive("skateMmPer25Hz", skateMmPer25Hz);
        requirePositive("pckThresholdMm", pckThresholdMm);
        if (anchoring == null) {
            throw new IllegalArgumentException("anchoring: null");
        }
    }

    /** Defaults for H36M-17 in mm, ground at z = 0. */
    public static MetricSettings h36m17() {
        return new MetricSettings(0, new int[] {3, 6}, 0.0, 70.0, 100.0, 20.0, 150.0, GlobalAnchoring.FIRST_FRAME_ROOT);
    }

    @Override
    public int[] footJoints() {
        return footJoints.clone();
    }

    public MetricSettings withGroundZ(double z) {
        return new MetricSettings(rootJoint, footJoints, z, soleOffsetMm, contactHeightMm, skateMmPer25Hz,
                pckThresholdMm, anchoring);
    }

    public MetricSettings withAnchoring(GlobalAnchoring a) {
        return new MetricSettings(rootJoint, footJoints, groundZ, soleOffsetMm, contactHeightMm, skateMmPer25Hz,
                pckThresholdMm, a);
    }

    public MetricSettings withFootThresholds(double contactHeight, double skatePer25Hz, double soleOffset) {
        return new MetricSettings(rootJoint, footJoints, groundZ, soleOffset, contactHeight, skatePer25Hz,
                pckThresholdMm, anchoring);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MetricSettings m && rootJoint == m.rootJoint && Arrays.equals(footJoints, m.footJoints)
                && Double.compare(groundZ, m.groundZ) == 0 && Double.compare(soleOffsetMm, m.soleOffsetMm) == 0
                && Double.compare(contactHeightMm, m.contactHeightMm) == 0
                && Double.compare(skateMmPer25Hz, m.skateMmPer25Hz) == 0
                && Double.compare(pckThresholdMm, m.pckThresholdMm) == 0 && anchoring == m.anchoring;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(footJoints) + Double.hashCode(groundZ) + rootJoint;
    }

    @Override
    public String toString() {
        return "MetricSettings[root=" + rootJoint + ", feet=" + Arrays.toString(footJoints) + ", groundZ=" + groundZ
                + ", soleOffsetMm=" + soleOffsetMm + ", contactHeightMm=" + contactHeightMm + ", skateMmPer25Hz="
                + skateMmPer25Hz + ", pckThresholdMm=" + pckThresholdMm + ", anchoring=" + anchoring + "]";
    }

    private static void requireFinite(String name, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(name + ": must be finite, got " + v);
        }
    }

    private static void requireNonNegative(String name, double v) {
        if (!(v >= 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(name + ": must be finite and >= 0, got " + v);
        }
    }

    private static void requirePositive(String name, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(name + ": must be finite and > 0, got " + v);
        }
    }
}
