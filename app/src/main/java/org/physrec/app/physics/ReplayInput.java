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
 * per-frame configurations q (T x nq; row 0 is the initial state), per-frame torques (T x nu;
 * row t acts from frame t to frame t+1, held over the substeps; the last row is unused) and
 * the reconstructed joints (T x 17 x 3, mm). An optional {@code "physics"} object adds
 * {@code substeps}, {@code total_mass_kg}, {@code bone_lengths_m} (16, H36M order),
 * {@code v0} (nv) and {@code ground_z_m}. Missing ones fall back to the given defaults, the
 * median bone lengths of the joints, v0 = (q1 ⊖ q0)·fps and ground z = 0.
 *
 * @param model           the character from the bone lengths and mass
 * @param fps             frame rate (Hz)
 * @param substeps        physics steps per frame
 * @param frames          T
 * @param q               (T x nq) configurations
 * @param v0              (nv) initial velocity
 * @param torques         (T x nu) joint torques (N·m)
 * @param jointsMetres    (T x 17 x 3) reconstructed joints (m)
 * @param groundZ         ground height (m)
 * @param boneLengths     (16) bone lengths used (m)
 * @param totalMass       body mass used (kg)
 */
public record ReplayInput(Model model, double fps, int substeps, int frames, double[] q, double[] v0,
                          double[] torques, double[] jointsMetres, double groundZ, double[] boneLengths,
                          double totalMass) {

    /**
     * @param defaultSubsteps substeps when the file has none
     * @param defaultMass     mass (kg) when the file has none
     */
    public static ReplayInput read(Path file, int defaultSubsteps, double defaultMass) throws IOException {
        Trajectory t = TrajectoryJson.read(file);
        JsonNode physics = new ObjectMapper().readTree(file.toFile()).path("physics");
        String where = file.toString();
        int frames = t.frames();
        if (frames < 2) {
            throw new IOException(where + ": field frames: a replay needs at least 2 frames, got " + frames);
        }
        if (t.jointCount() != H36m.JOINT_COUNT) {
            throw new IOException(where + ": field joint_names: expected the " + H36m.JOINT_COUNT
                    + " H36M joints, got " + t.jointCount());
        }
        int substeps = physics.has("substeps") ? physics.get("substeps").asInt() : defaultSubsteps;
        if (substeps < 1) {
            throw new IOException(where + ": field physics.substeps: must be >= 1, got " + substeps);
        }
        double mass = physics.has("total_mass_kg") ? physics.get("total_mass_kg").asDouble() : defaultMass;
        double[] joints = t.jointPositions().clone();
        for (int i = 0; i < joints.length; i++) {
            joints[i] /= 1000;
        }
        double[] bones = physics.has("bone_lengths_m") ? numbers(physics.get("bone_lengths_m"), 16,
                where + ": field physics.bone_lengths_m") : medianBones(joints, frames);
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
        double ground = physics.has("ground_z_m") ? physics.get("ground_z_m").asDouble() : 0;
        if (!Double.isFinite(ground)) {
            throw new IOException(where + ": field physics.ground_z_m: not finite");
        }
        return new ReplayInput(model, t.fps(), substeps, frames, q.clone(), v0, t.torques().clone(), joints, ground,
                bones, mass);
    }

    /** The initial configuration (row 0 of q). */
    public double[] q0() {
        return Arrays.copyOfRange(q, 0, model.nq());
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

    /** Per-bone median over frames of the joint distances (m). */
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
