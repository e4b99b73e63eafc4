package org.physrec.app.physics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.physrec.app.export.Trajectory;
import org.physrec.app.export.TrajectoryJson;
import org.physrec.physics.ConfigSpace;
import org.physrec.physics.Model;
import org.physrec.physics.character.CharacterBuilder;
import org.physrec.physics.character.CharacterSettings;
import org.physrec.physics.character.H36m;

/**
 * What a replay needs, read from a physrec trajectory JSON ({@link TrajectoryJson}): fps, the
 * per-frame configurations q (T x nq, physics frame: metres, floor at z = 0; row 0 is the
 * initial state), per-frame torques (T x nu; row t acts from frame t to frame t+1, held over
 * the substeps; the last row is unused) and the reconstructed joints (T x 17 x 3, mm, data
 * frame: floor at z = ground_z_mm). Optional physics parameters come from a {@code "physics"}
 * object in the file ({@code substeps}, {@code total_mass_kg}, {@code bone_lengths_m} (16,
 * H36M order), {@code v0} (nv), {@code ground_z_mm}, {@code residual_wrench} (T x 6: world
 * force at the root origin (N), world moment (N·m), row t acting as the torques do)), else from the reconstruction's
 * {@code report.json} next to it ({@code settings.substeps}, {@code body_mass_kg},
 * {@code bone_lengths_m[].length}, {@code ground_z_mm}), else: the given defaults, the median
 * bone lengths of the joints, v0 = (q1 ⊖ q0)·fps, and the floor height that maps frame 0's
 * simulated joints onto the file's (mean z offset).
 *
 * @param model           the character from the bone lengths and mass
 * @param fps             frame rate (Hz)
 * @param substeps        physics steps per frame
 * @param frames          T
 * @param q               (T x nq) configurations
 * @param v0              (nv) initial velocity
 * @param torques         (T x nu) joint torques (N·m)
 * @param jointsMetres    (T x 17 x 3) reconstructed joints in the physics frame (m)
 * @param groundZmm       floor height of the data frame (mm)
 * @param groundSource    where groundZmm came from
 * @param residualWrench  (T x 6) residual root wrench, or null when the file has none
 * @param boneLengths     (16) bone lengths used (m)
 * @param totalMass       body mass used (kg)
 */
public record ReplayInput(Model model, double fps, int substeps, int frames, double[] q, double[] v0,
                          double[] torques, double[] jointsMetres, double groundZmm, String groundSource,
                          double[] residualWrench, double[] boneLengths, double totalMass) {

    /**
     * @param defaultSubsteps substeps when the file has none
     * @param defaultMass     mass (kg) when the file has none
     */
    public static ReplayInput read(Path file, int defaultSubsteps, double defaultMass) throws IOException {
        Trajectory t = TrajectoryJson.read(file);
        String where = file.toString();
        JsonNode physics = new ObjectMapper().readTree(file.toFile()).path("physics");
        JsonNode report = readReport(file);
        int frames = t.frames();
        if (frames < 2) {
            throw new IOException(where + ": field frames: a replay needs at least 2 frames, got " + frames);
        }
        if (t.jointCount() != H36m.JOINT_COUNT) {
            throw new IOException(where + ": field joint_names: expected the " + H36m.JOINT_COUNT
                    + " H36M joints, got " + t.jointCount());
        }
        int substeps = physics.has("substeps") ? physics.get("substeps").asInt()
                : report.path("settings").has("substeps") ? report.path("settings").get("substeps").asInt()
                : defaultSubsteps;
        if (substeps < 1) {
            throw new IOException(where + ": field physics.substeps: must be >= 1, got " + substeps);
        }
        double mass = physics.has("total_mass_kg") ? physics.get("total_mass_kg").asDouble()
                : report.has("body_mass_kg") ? report.get("body_mass_kg").asDouble() : defaultMass;
        double[] jointsMm = t.jointPositions();
        double[] bones;
        if (physics.has("bone_lengths_m")) {
            bones = numbers(physics.get("bone_lengths_m"), 16, where + ": field physics.bone_lengths_m");
        } else if (report.has("bone_lengths_m")) {
            JsonNode b = report.get("bone_lengths_m");
            if (b.size() != H36m.BONE_COUNT) {
                throw new IOException(where + ": report.json field bone_lengths_m: expected 16 bones, got " + b.size());
            }
            bones = new double[H36m.BONE_COUNT];
            for (int i = 0; i < bones.length; i++) {
                bones[i] = b.get(i).path("length").asDouble(Double.NaN);
            }
        } else {
            bones = medianBones(jointsMm, frames);
            for (int i = 0; i < bones.length; i++) {
                bones[i] /= 1000;
            }
        }
        Model model;
        try {
            model = CharacterBuilder.build(bones, CharacterSettings.DEFAULTS.withTotalMass(mass));
        } catch (IllegalArgumentException e) {
            throw new IOException(where + ": " + e.getMessage(), e);
        }
        if (t.coordinateNames().size() != model.nq()) {
            throw new IOException(where + ": field coordinate_names: expected nq = " + model.nq()
                    + " coordinates of the character, got " + t.coordinateNames().size());
        }
        if (t.torqueNames().size() != model.nu()) {
            throw new IOException(where + ": field torque_names: expected nu = " + model.nu()
                    + " actuated dofs, got " + t.torqueNames().size());
        }
        double[] q = t.q();
        double[] row = new double[model.nq()];
        for (int f = 0; f < frames; f++) {
            System.arraycopy(q, f * model.nq(), row, 0, model.nq());
            try {
                org.physrec.physics.Checks.state(model, "q", row, "v", null);
            } catch (IllegalArgumentException e) {
                throw new IOException(where + ": field q, frame " + f + ": " + e.getMessage(), e);
            }
        }
        double[] v0;
        if (physics.has("v0")) {
            v0 = numbers(physics.get("v0"), model.nv(), where + ": field physics.v0");
        } else {
            double[] q0 = Arrays.copyOfRange(q, 0, model.nq());
            double[] q1 = Arrays.copyOfRange(q, model.nq(), 2 * model.nq());
            v0 = new double[model.nv()];
            ConfigSpace.difference(model, q0, q1, v0);
            for (int k = 0; k < v0.length; k++) {
                v0[k] *= t.fps();
            }
        }
        double groundMm;
        String groundSource;
        if (physics.has("ground_z_mm")) {
            groundMm = physics.get("ground_z_mm").asDouble();
            groundSource = "physics.ground_z_mm";
        } else if (report.has("ground_z_mm")) {
            groundMm = report.get("ground_z_mm").asDouble();
            groundSource = "report.json ground_z_mm";
        } else {
            groundMm = frameZeroOffsetMm(model, q, jointsMm);
            groundSource = "estimated from frame 0";
        }
        if (!Double.isFinite(groundMm)) {
            throw new IOException(where + ": ground_z_mm (" + groundSource + "): not finite");
        }
        double[] joints = new double[jointsMm.length];
        for (int i = 0; i < joints.length; i += 3) {
            joints[i] = jointsMm[i] / 1000;
            joints[i + 1] = jointsMm[i + 1] / 1000;
            joints[i + 2] = (jointsMm[i + 2] - groundMm) / 1000;
        }
        double[] wrench = null;
        if (physics.has("residual_wrench")) {
            JsonNode rows = physics.get("residual_wrench");
            if (!rows.isArray() || rows.size() != frames) {
                throw new IOException(where + ": field physics.residual_wrench: expected " + frames + " rows of 6");
            }
            wrench = new double[6 * frames];
            for (int f = 0; f < frames; f++) {
                System.arraycopy(numbers(rows.get(f), 6, where + ": field physics.residual_wrench, frame " + f), 0,
                        wrench, 6 * f, 6);
            }
        }
        return new ReplayInput(model, t.fps(), substeps, frames, q.clone(), v0, t.torques().clone(), joints, groundMm,
                groundSource, wrench, bones, mass);
    }

    /** The reconstruction's report.json next to the file, or an empty node. */
    private static JsonNode readReport(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path report = dir == null ? null : dir.resolve("report.json");
        if (report == null || !java.nio.file.Files.isRegularFile(report)) {
            return new ObjectMapper().createObjectNode();
        }
        return new ObjectMapper().readTree(report.toFile());
    }

    /** Mean z of frame 0's joints (mm) minus that of the character's keypoints at q0 (m → mm). */
    private static double frameZeroOffsetMm(Model model, double[] q, double[] jointsMm) {
        double[] k = new double[3 * model.keypointCount()];
        org.physrec.physics.Kinematics.keypoints(model, model.newWorkspace(), Arrays.copyOfRange(q, 0, model.nq()), k);
        double s = 0;
        for (int j = 0; j < model.keypointCount(); j++) {
            s += jointsMm[3 * j + 2] - 1000 * k[3 * j + 2];
        }
        return s / model.keypointCount();
    }

    /** The initial configuration (row 0 of q). */
    public double[] q0() {
        return Arrays.copyOfRange(q, 0, model.nq());
    }

    /** Residual wrenches of frames 0..T-2 ((T-1) x 6), or null. */
    public double[] drivingWrench() {
        return residualWrench == null ? null : Arrays.copyOfRange(residualWrench, 0, (frames - 1) * 6);
    }

    /** Torques of frames 0..T-2, the ones that move frame t to t+1 ((T-1) x nu). */
    public double[] drivingTorques() {
        return Arrays.copyOfRange(torques, 0, (frames - 1) * model.nu());
    }

    private static double[] numbers(JsonNode node, int n, String where) throws IOException {
        if (!node.isArray() || node.size() != n) {
            throw new IOException(where + ": expected an array of " + n + " numbers");
        }
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            if (!node.get(i).isNumber() || !Double.isFinite(node.get(i).asDouble())) {
                throw new IOException(where + "[" + i + "]: not a finite number: " + node.get(i));
            }
            r[i] = node.get(i).asDouble();
        }
        return r;
    }

    /** Per-bone median over frames of the joint distances (unit of the joints). */
    private static double[] medianBones(double[] joints, int frames) {
        int per = 3 * H36m.JOINT_COUNT;
        double[][] lengths = new double[H36m.BONE_COUNT][frames];
        for (int f = 0; f < frames; f++) {
            double[] b = H36m.boneLengths(Arrays.copyOfRange(joints, f * per, (f + 1) * per));
            for (int k = 0; k < b.length; k++) {
                lengths[k][f] = b[k];
            }
        }
        double[] r = new double[H36m.BONE_COUNT];
        for (int k = 0; k < r.length; k++) {
            Arrays.sort(lengths[k]);
            r[k] = frames % 2 == 1 ? lengths[k][frames / 2]
                    : 0.5 * (lengths[k][frames / 2 - 1] + lengths[k][frames / 2]);
        }
        return r;
    }
}
