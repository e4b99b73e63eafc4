package org.physrec.app.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Metrics of one predicted sequence against its ground truth, all in mm unless named otherwise;
 * each scalar is a mean over frames of a mean over joints (docs/EVAL.md has the definitions).
 *
 * @param id                 sequence id
 * @param frames             T
 * @param fps                frame rate of both arrays
 * @param mpjpe              root-aligned mean per-joint position error
 * @param paMpjpe            error after per-frame similarity Procrustes
 * @param mpjpeG             global error after {@link MetricSettings#anchoring()}
 * @param pckPercent         percent of non-root root-aligned joints with error below the PCK threshold
 * @param grp                global root position error (root joint only, same anchoring as MPJPE-G)
 * @param accelError         mean |second difference of pred - of gt| on root-aligned joints, mm/frame^2
 * @param footSkatePercent   percent of consecutive frame pairs where the prediction's feet skate
 * @param penetrationMm      mean over frames of the prediction's deepest foot penetration
 * @param gtFootSkatePercent the same skate measure on the ground truth (a floor for the prediction)
 * @param gtPenetrationMm    the same penetration measure on the ground truth
 * @param perJointMpjpe      (J) root-aligned error per joint, mean over frames
 * @param perFrameMpjpe      (T) root-aligned error per frame
 * @param perFramePaMpjpe    (T) Procrustes-aligned error per frame
 */
public record SequenceMetrics(String id, int frames, double fps, double mpjpe, double paMpjpe, double mpjpeG,
        double pckPercent, double grp, double accelError, double footSkatePercent, double penetrationMm,
        double gtFootSkatePercent, double gtPenetrationMm, double[] perJointMpjpe, double[] perFrameMpjpe,
        double[] perFramePaMpjpe) {

    public SequenceMetrics {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("id: blank");
        }
        if (perFrameMpjpe.length != frames || perFramePaMpjpe.length != frames) {
            throw new IllegalArgumentException(id + ": per-frame arrays must have " + frames + " values");
        }
        perJointMpjpe = perJointMpjpe.clone();
        perFrameMpjpe = perFrameMpjpe.clone();
        perFramePaMpjpe = perFramePaMpjpe.clone();
    }

    /** The scalar metrics by their table key, in table order (keys listed in {@link #SCALAR_KEYS}). */
    public Map<String, Double> scalars() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("mpjpe", mpjpe);
        m.put("pa_mpjpe", paMpjpe);
        m.put("mpjpe_g", mpjpeG);
        m.put("pck_percent", pckPercent);
        m.put("grp", grp);
        m.put("accel_error", accelError);
        m.put("foot_skate_percent", footSkatePercent);
        m.put("penetration_mm", penetrationMm);
        m.put("gt_foot_skate_percent", gtFootSkatePercent);
        m.put("gt_penetration_mm", gtPenetrationMm);
        return m;
    }

    /** Keys of {@link #scalars()}, in order. */
    public static final List<String> SCALAR_KEYS = List.of("mpjpe", "pa_mpjpe", "mpjpe_g",
            "pck_percent", "grp", "accel_error", "foot_skate_percent", "penetration_mm", "gt_foot_skate_percent",
            "gt_penetration_mm");
}
