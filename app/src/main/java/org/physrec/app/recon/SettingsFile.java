package org.physrec.app.recon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Set;
import org.physrec.datasets.DataFormatException;

/**
 * Reads reconstruction settings from a JSON file (configs/recon/default.json documents every
 * field). Missing fields keep their defaults; an unknown field or a value of the wrong type is
 * an error naming the file and the field.
 */
public final class SettingsFile {

    private static final Set<String> TOP = Set.of("fps", "window", "overlap", "optimizer", "max_iterations", "mass_kg",
            "ground_z_mm", "weights", "ik", "pd_kp", "pd_kd", "substeps", "bone_fit");
    private static final Set<String> WEIGHTS = Set.of("w2d", "w3d", "w_torque", "w_smooth", "w_limit", "w_residual",
            "image_scale_px", "robust_scale_px", "reference_blend_3d");
    private static final Set<String> IK = Set.of("max_iterations", "tolerance", "limit_weight", "initial_damping",
            "sigma3d_mm", "sigma2d_px", "robust_px");
    private static final Set<String> BONE_FIT = Set.of("frame_stride", "iterations", "prior_mm");

    private SettingsFile() {
    }

    public static ReconstructionSettings read(Path file) throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new DataFormatException(file, "not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new DataFormatException(file, "expected a JSON object");
        }
        check(file, root, TOP, "");
        ReconstructionSettings d = ReconstructionSettings.DEFAULTS;
        LossWeights w = d.weights();
        JsonNode wn = root.path("weights");
        if (!wn.isMissingNode()) {
            check(file, wn, WEIGHTS, "weights.");
            w = new LossWeights(num(file, wn, "w2d", w.w2d()), num(file, wn, "w3d", w.w3d()),
                    num(file, wn, "w_torque", w.wTorque()), num(file, wn, "w_smooth", w.wSmooth()),
                    num(file, wn, "w_limit", w.wLimit()), num(file, wn, "w_residual", w.wResidual()),
                    num(file, wn, "image_scale_px", w.imageScalePx()), num(file, wn, "robust_scale_px", w.robustScalePx()),
                    num(file, wn, "reference_blend_3d", w.referenceBlend3d()));
        }
        InverseKinematics.Settings k = d.ik();
        JsonNode kn = root.path("ik");
        if (!kn.isMissingNode()) {
            check(file, kn, IK, "ik.");
            k = new InverseKinematics.Settings((int) num(file, kn, "max_iterations", k.maxIterations()),
                    num(file, kn, "tolerance", k.tolerance()), num(file, kn, "limit_weight", k.limitWeight()),
                    num(file, kn, "initial_damping", k.initialDamping()), num(file, kn, "sigma3d_mm", k.sigma3dMm()),
                    num(file, kn, "sigma2d_px", k.sigma2dPx()), num(file, kn, "robust_px", k.robustPx()));
        }
        BoneLengthFit.Settings bf = d.boneFit();
        JsonNode bn = root.path("bone_fit");
        if (!bn.isMissingNode()) {
            check(file, bn, BONE_FIT, "bone_fit.");
            try {
                bf = new BoneLengthFit.Settings((int) num(file, bn, "frame_stride", bf.frameStride()),
                        (int) num(file, bn, "iterations", bf.iterations()), num(file, bn, "prior_mm", bf.priorMm()));
            } catch (IllegalArgumentException e) {
                throw new DataFormatException(file, "bone_fit: " + e.getMessage());
            }
        }
        JsonNode g = root.get("ground_z_mm");
        double ground = g == null || g.isNull() ? Double.NaN : num(file, root, "ground_z_mm", Double.NaN);
        String optimizer = root.has("optimizer") ? root.get("optimizer").asText() : d.optimizer();
        try {
            return new ReconstructionSettings(num(file, root, "fps", d.fps()), (int) num(file, root, "window", d.window()),
                    (int) num(file, root, "overlap", d.overlap()), optimizer,
                    (int) num(file, root, "max_iterations", d.maxIterations()), num(file, root, "mass_kg", d.massKg()),
                    ground, w, k, num(file, root, "pd_kp", d.kp()), num(file, root, "pd_kd", d.kd()),
                    (int) num(file, root, "substeps", d.substeps()), bf);
        } catch (IllegalArgumentException e) {
            throw new DataFormatException(file, e.getMessage());
        }
    }

    private static void check(Path file, JsonNode n, Set<String> known, String prefix) throws DataFormatException {
        for (Iterator<String> it = n.fieldNames(); it.hasNext();) {
            String f = it.next();
            if (!known.contains(f)) {
                throw new DataFormatException(file, "field '" + prefix + f + "': unknown (known: " + known + ")");
            }
        }
    }

    private static double num(Path file, JsonNode n, String field, double fallback) throws DataFormatException {
        JsonNode v = n.get(field);
        if (v == null) {
            return fallback;
        }
        if (!v.isNumber()) {
            throw new DataFormatException(file, "field '" + field + "': expected a number, got " + v);
        }
        return v.asDouble();
    }
}
