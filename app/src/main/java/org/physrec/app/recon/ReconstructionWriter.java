package org.physrec.app.recon;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.physrec.app.eval.ResultTables;
import org.physrec.datasets.io.AtomicFiles;
import org.physrec.app.export.CameraView;
import org.physrec.app.export.H36mBvh;
import org.physrec.app.export.OverlayVideo;
import org.physrec.app.export.Plots;
import org.physrec.app.export.Trajectory;
import org.physrec.app.export.TrajectoryCsv;
import org.physrec.app.export.TrajectoryJson;
import org.physrec.app.export.WindowLoss;
import org.physrec.datasets.Camera;
import org.physrec.physics.JointType;
import org.physrec.physics.Model;
import org.physrec.physics.character.H36m;

/**
 * Writes a reconstruction's files into an output folder, each atomically: trajectory.json and
 * trajectory.csv (app.export), motion.bvh, report.json (settings, floor, bones, windows, stage
 * times), losses.csv and loss plots, metrics*.json when ground truth exists, and optionally
 * an MP4 overlay in the first camera.
 */
public final class ReconstructionWriter {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** Trajectory files stay compact (T x 17 x 3 numbers). */
    private static final ObjectMapper COMPACT = new ObjectMapper();

    private ReconstructionWriter() {
    }

    /** The reconstruction as an app.export trajectory. */
    public static Trajectory trajectory(Reconstruction r) {
        Model m = r.model();
        List<String> coords = new ArrayList<>();
        List<String> torques = new ArrayList<>();
        String[] axis = {"x", "y", "z"};
        for (int b = 0; b < m.bodyCount(); b++) {
            String n = m.bodyName(b);
            JointType j = m.joint(b);
            if (j == JointType.FREE) {
                coords.addAll(List.of(n + ".x_m", n + ".y_m", n + ".z_m", n + ".qw", n + ".qx", n + ".qy", n + ".qz"));
            } else if (j == JointType.BALL) {
                coords.addAll(List.of(n + ".qw", n + ".qx", n + ".qy", n + ".qz"));
                for (String a : axis) {
                    torques.add(n + "." + a);
                }
            } else if (j == JointType.HINGE) {
                coords.add(n + ".angle_rad");
                torques.add(n + ".hinge");
            }
        }
        List<String> contacts = new ArrayList<>();
        int c = r.contactForces().length / (3 * r.frames());
        for (int k = 0; k < c; k++) {
            contacts.add(k < m.contactCount() ? m.bodyName(m.contactBody(k)) + "#" + k : "contact#" + k);
        }
        List<WindowLoss> losses = new ArrayList<>();
        for (WindowReport w : r.windows()) {
            Map<String, Double> terms = new LinkedHashMap<>();
            terms.put("total", w.finalLoss());
            terms.put("initial", w.initialLoss());
            losses.add(new WindowLoss(w.index(), w.start(), w.length(), w.lossPerIteration(), terms));
        }
        return new Trajectory(r.fps(), r.frames(), List.of(H36m.JOINTS), r.jointsMm(), coords, r.q(), torques,
                r.torques(), contacts, r.contactForces(), losses);
    }

    /**
     * @param camera  camera for the overlay video, or null for none
     * @param pixels  that camera's input 2D keypoints (T x 17 x 2) or null
     * @param confidences its confidences (T x 17) or null
     */
    public static void write(Path dir, Reconstruction r, ReconstructionMetrics metrics, ReconstructionSettings settings,
                             Camera camera, double[] pixels, double[] confidences) throws IOException {
        Files.createDirectories(dir);
        Trajectory t = trajectory(r);
        TrajectoryJson.write(dir.resolve("trajectory.json"), t);
        addPhysicsBlock(dir.resolve("trajectory.json"), r, settings);
        TrajectoryCsv.writeFrames(dir.resolve("trajectory.csv"), t);
        TrajectoryCsv.writeLosses(dir.resolve("losses.csv"), t.windowLosses());
        H36mBvh.fromJoints(r.fps(), r.jointsMm(), r.frames()).write(dir.resolve("motion.bvh"), 3);
        Plots.lossCurves(dir.resolve("loss_curves.png"), t.windowLosses());
        if (!t.contactNames().isEmpty()) {
            Plots.contactForces(dir.resolve("contact_forces.png"), t);
        }
        if (metrics != null) {
            ResultTables.writeSequenceJson(dir.resolve("metrics.json"), metrics.reconstruction(), metrics.joints());
            ResultTables.writeSequenceJson(dir.resolve("metrics_kinematic_input.json"), metrics.kinematic(),
                    metrics.joints());
            Plots.perJointErrors(dir.resolve("per_joint_mpjpe.png"), r.id() + ": MPJPE per joint (mm)",
                    metrics.joints(), metrics.reconstruction().perJointMpjpe());
        }
        if (camera != null) {
            Camera cam = camera;
            CameraView view = new CameraView(cam.name(), (pts, off, n, out) -> {
                for (int i = 0; i < n; i++) {
                    cam.project(pts, off + 3 * i, out, 2 * i);
                }
            }, cam.width(), cam.height());
            OverlayVideo.cameraOverlay(dir.resolve("overlay_" + cam.name() + ".mp4"), view, r.fps(), H36m.PARENTS,
                    r.jointsMm(), pixels, confidences);
        }
        AtomicFiles.writeString(dir.resolve("report.json"), JSON.writeValueAsString(report(r, metrics, settings)) + "\n");
    }

    /**
     * Adds the {@code "physics"} object that {@code physrec physics replay} reads (see
     * app.physics.ReplayInput) to a written trajectory file, so that a replay starts from the
     * simulation's own initial velocity and applies its residual root wrench (T x 6).
     */
    static void addPhysicsBlock(Path file, Reconstruction r, ReconstructionSettings s) throws IOException {
        ObjectNode root = (ObjectNode) COMPACT.readTree(file.toFile());
        ObjectNode p = root.putObject("physics");
        p.put("substeps", s.substeps());
        p.put("total_mass_kg", r.model().totalMass());
        p.put("ground_z_mm", r.groundZmm());
        ArrayNode bones = p.putArray("bone_lengths_m");
        for (double b : r.boneLengths()) {
            bones.add(b);
        }
        ArrayNode v0 = p.putArray("v0");
        for (double x : r.v0()) {
            v0.add(x);
        }
        ArrayNode wrench = p.putArray("residual_wrench");
        for (int t = 0; t < r.frames(); t++) {
            ArrayNode row = wrench.addArray();
            for (int k = 0; k < 6; k++) {
                row.add(r.residualWrench()[6 * t + k]);
            }
        }
        AtomicFiles.writeString(file, COMPACT.writeValueAsString(root) + "\n");
    }

    static ObjectNode report(Reconstruction r, ReconstructionMetrics metrics, ReconstructionSettings s) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", r.id());
        root.put("frames", r.frames());
        root.put("fps", r.fps());
        root.put("ground_z_mm", r.groundZmm());
        root.put("body_mass_kg", r.model().totalMass());
        ArrayNode bones = root.putArray("bone_lengths_m");
        for (int b = 0; b < H36m.BONE_COUNT; b++) {
            ObjectNode n = bones.addObject();
            n.put("bone", H36m.JOINTS[H36m.PARENTS[b + 1]] + "-" + H36m.JOINTS[b + 1]);
            n.put("length", r.boneLengths()[b]);
        }
        ObjectNode st = root.putObject("settings");
        st.put("optimizer", s.optimizer());
        st.put("max_iterations", s.maxIterations());
        st.put("window", s.window());
        st.put("overlap", s.overlap());
        st.put("substeps", s.substeps());
        st.put("weights", s.weights().toString());
        st.put("pd_kp", s.kp());
        st.put("pd_kd", s.kd());
        st.put("bone_fit", s.boneFit().toString());
        root.put("windows_retried", r.retriedWindows());
        root.put("mean_residual_force_n", r.meanResidualForce());
        ArrayNode ws = root.putArray("windows");
        for (WindowReport w : r.windows()) {
            ObjectNode n = ws.addObject();
            n.put("index", w.index());
            n.put("first_frame", w.start() + 1);
            n.put("frames", w.length());
            n.put("optimizer", w.optimizer());
            n.put("iterations", w.iterations());
            n.put("evaluations", w.evaluations());
            n.put("initial_loss", w.initialLoss());
            n.put("final_loss", w.finalLoss());
            n.put("status", w.status());
            n.put("attempts", w.attempts());
            n.put("note", w.note());
            n.put("seconds", w.seconds());
        }
        ObjectNode times = root.putObject("stage_seconds");
        r.seconds().forEach(times::put);
        if (metrics != null) {
            root.put("metrics_ground_z_mm", metrics.groundZmm());
            metrics.reconstruction().scalars().forEach(root.putObject("metrics")::put);
            metrics.kinematic().scalars().forEach(root.putObject("metrics_kinematic_input")::put);
            metrics.reference().scalars().forEach(root.putObject("metrics_ik_reference")::put);
        }
        return root;
    }
}
