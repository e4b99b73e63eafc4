package org.physrec.app.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.physrec.app.cli.Main;
import org.physrec.app.export.Trajectory;
import org.physrec.app.export.TrajectoryJson;
import org.physrec.physics.Kinematics;
import org.physrec.physics.Model;
import org.physrec.physics.State;
import org.physrec.physics.bullet.BulletSettings;
import org.physrec.physics.character.CharacterBuilder;
import org.physrec.physics.character.H36m;
import org.physrec.physics.sim.Rollout;
import org.physrec.physics.sim.SimSettings;
import org.physrec.physics.sim.Simulator;
import picocli.CommandLine;

/** The replay's input contract, its self-consistency on a trajectory our engine produced, and the CLI. */
class TrajectoryReplayTest {
    private static final int FRAMES = 6;

    @TempDir
    Path dir;

    /** Floor height of the written joints' data frame (mm), as a reconstruction's SceneFrame. */
    private static final double GROUND_MM = 150;

    /** Writes a trajectory simulated by our engine (standing start, small random torques). */
    private Path simulatedTrajectory(boolean physicsBlock) throws IOException {
        return simulatedTrajectory(physicsBlock, null);
    }

    /** As above; with {@code wrench} (FRAMES x 6) the simulation also pushes the root, and the file says so. */
    private Path simulatedTrajectory(boolean physicsBlock, double[] wrench) throws IOException {
        Model m = CharacterBuilder.standard();
        Simulator sim = new Simulator(m, SimSettings.DEFAULTS.withRootResidual(wrench != null));
        Rollout rollout = new Rollout(sim, FRAMES - 1);
        State x0 = StandingStart.of(m);
        Random rng = new Random(4);
        double[] torques = new double[FRAMES * m.nu()];
        for (int i = 0; i < (FRAMES - 1) * m.nu(); i++) {
            torques[i] = 3 * rng.nextGaussian();
        }
        int nc = sim.controlDim();
        double[] controls = new double[(FRAMES - 1) * nc];
        for (int t = 0; t < FRAMES - 1; t++) {
            System.arraycopy(torques, t * m.nu(), controls, t * nc, m.nu());
            if (wrench != null) {
                System.arraycopy(wrench, t * 6, controls, t * nc + m.nu(), 6);
            }
        }
        rollout.run(x0, controls, null, FRAMES - 1, null);
        int kp = 3 * m.keypointCount();
        double[] q = new double[FRAMES * m.nq()];
        double[] joints = new double[FRAMES * kp];
        double[] k = new double[kp];
        State s = x0.copy();
        for (int t = 0; t < FRAMES; t++) {
            if (t > 0) {
                rollout.frameState(t - 1, s);
            }
            System.arraycopy(s.q, 0, q, t * m.nq(), m.nq());
            Kinematics.keypoints(m, m.newWorkspace(), s.q, k);
            for (int i = 0; i < kp; i++) {
                joints[t * kp + i] = 1000 * k[i] + (i % 3 == 2 ? GROUND_MM : 0);
            }
        }
        List<String> coords = new ArrayList<>();
        for (int i = 0; i < m.nq(); i++) {
            coords.add("q" + i);
        }
        List<String> dofs = new ArrayList<>();
        for (int i = 0; i < m.nu(); i++) {
            dofs.add("u" + i);
        }
        Trajectory t = new Trajectory(25, FRAMES, List.of(H36m.JOINTS), joints, coords, q, dofs, torques, List.of(),
                new double[0], List.of());
        Path file = dir.resolve("trajectory.json");
        TrajectoryJson.write(file, t);
        if (physicsBlock) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode root = (ObjectNode) mapper.readTree(file.toFile());
            ObjectNode p = root.putObject("physics");
            p.put("substeps", SimSettings.DEFAULTS.substeps());
            p.put("total_mass_kg", 70.0);
            ArrayNode bones = p.putArray("bone_lengths_m");
            for (double b : H36m.meanBoneLengths()) {
                bones.add(b);
            }
            p.put("ground_z_mm", GROUND_MM);
            if (wrench != null) {
                ArrayNode rows = p.putArray("residual_wrench");
                for (int f = 0; f < FRAMES; f++) {
                    ArrayNode r = rows.addArray();
                    for (int c = 0; c < 6; c++) {
                        r.add(wrench[6 * f + c]);
                    }
                }
            }
            ArrayNode v0 = p.putArray("v0");
            for (double x : x0.v) {
                v0.add(x);
            }
            mapper.writeValue(file.toFile(), root);
        }
        return file;
    }

    @Test
    void oursReplaysItsOwnTrajectoryExactlyAndJbulletStaysFinite() throws IOException {
        ReplayInput in = ReplayInput.read(simulatedTrajectory(true), 99, 99);
        assertEquals(SimSettings.DEFAULTS.substeps(), in.substeps());
        TrajectoryReplay.Deviation ours = TrajectoryReplay.ours(in, SimSettings.DEFAULTS);
        assertNull(ours.failure());
        assertTrue(ours.maxMm() < 1e-6, "our replay of our own trajectory: " + ours.maxMm() + " mm");
        TrajectoryReplay.Deviation bullet = TrajectoryReplay.bullet(in, BulletSettings.DEFAULTS);
        assertEquals(0, bullet.maxErrorMm()[0], 1e-3, "frame 0 is the shared initial state");
        // jbullet has no joint damping or soft limits and only approximates armature, so under these random
        // torques it drifts by about a decimetre within 0.2 s (docs/PHYSICS.md); here: finite, no gross divergence
        assertTrue(Double.isFinite(bullet.maxMm()) && bullet.maxMm() < 300,
                "jbullet over 0.2 s from a standing start: " + bullet.maxMm() + " mm");
        assertTrue(bullet.maxErrorMm()[1] > 0 && bullet.maxErrorMm()[1] < bullet.maxErrorMm()[FRAMES - 1],
                "drift grows over the frames");
    }

    @Test
    void residualWrenchIsReplayedOnTheRoot() throws IOException {
        double[] wrench = new double[6 * FRAMES];
        Random rng = new Random(8);
        for (int i = 0; i < wrench.length; i++) {
            wrench[i] = (i % 6 == 2 ? 300 : 0) + 20 * rng.nextGaussian();
        }
        Path file = simulatedTrajectory(true, wrench);
        ReplayInput in = ReplayInput.read(file, 10, 70);
        TrajectoryReplay.Deviation ours = TrajectoryReplay.ours(in, SimSettings.DEFAULTS);
        assertTrue(ours.maxMm() < 1e-6, "with the wrench: " + ours.maxMm() + " mm");
        // the same file without the wrench must not match: the check can fail
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = (ObjectNode) mapper.readTree(file.toFile());
        ((ObjectNode) root.get("physics")).remove("residual_wrench");
        mapper.writeValue(file.toFile(), root);
        TrajectoryReplay.Deviation without = TrajectoryReplay.ours(ReplayInput.read(file, 10, 70), SimSettings.DEFAULTS);
        assertTrue(without.maxMm() > 1, "without the wrench: " + without.maxMm() + " mm");
        TrajectoryReplay.Deviation bullet = TrajectoryReplay.bullet(in, BulletSettings.DEFAULTS);
        assertTrue(Double.isFinite(bullet.maxMm()), "jbullet with the wrench: " + bullet.maxMm());
    }

    @Test
    void fallsBackToBonesFromTheJointsAndFiniteDifferenceVelocity() throws IOException {
        ReplayInput in = ReplayInput.read(simulatedTrajectory(false), 7, 65);
        assertEquals(7, in.substeps());
        assertEquals(65, in.totalMass());
        assertEquals(GROUND_MM, in.groundZmm(), 1e-9, "floor estimated from frame 0");
        assertTrue(in.groundSource().contains("estimated"));
        double[] mean = H36m.meanBoneLengths();
        for (int b = 0; b < mean.length; b++) {
            assertEquals(mean[b], in.boneLengths()[b], 1e-9, "bone " + b);
        }
    }

    @Test
    void readsTheReconstructionsReportNextToTheFile() throws IOException {
        Path file = simulatedTrajectory(false);
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode report = mapper.createObjectNode();
        report.put("ground_z_mm", 42.0);
        report.put("body_mass_kg", 80.0);
        report.putObject("settings").put("substeps", 12);
        ArrayNode bones = report.putArray("bone_lengths_m");
        for (double b : H36m.meanBoneLengths()) {
            bones.addObject().put("bone", "x").put("length", 1.1 * b);
        }
        mapper.writeValue(dir.resolve("report.json").toFile(), report);
        ReplayInput in = ReplayInput.read(file, 7, 65);
        assertEquals(12, in.substeps());
        assertEquals(80, in.totalMass());
        assertEquals(42, in.groundZmm());
        assertEquals(1.1 * H36m.meanBoneLengths()[3], in.boneLengths()[3], 1e-12);
    }

    @Test
    void badInputNamesFileAndField() throws IOException {
        Path file = simulatedTrajectory(true);
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = (ObjectNode) mapper.readTree(file.toFile());
        ((ObjectNode) root.get("physics")).putArray("v0").add(1.0);
        Path bad = dir.resolve("bad.json");
        mapper.writeValue(bad.toFile(), root);
        IOException e = assertThrows(IOException.class, () -> ReplayInput.read(bad, 10, 70));
        assertTrue(e.getMessage().contains("bad.json") && e.getMessage().contains("physics.v0"), e.getMessage());
    }

    @Test
    void commandWritesPerFrameErrors() throws IOException {
        Path file = simulatedTrajectory(true);
        Path out = dir.resolve("replay.json");
        CommandLine cl = Main.commandLine();
        StringWriter text = new StringWriter();
        cl.setOut(new PrintWriter(text));
        int code = cl.execute("physics", "replay", file.toString(), "--json", out.toString());
        assertEquals(0, code, text.toString());
        JsonNode json = new ObjectMapper().readTree(out.toFile());
        assertEquals(FRAMES, json.path("engines").path("jbullet").path("max_error_mm_per_frame").size());
        assertTrue(json.path("engines").path("ours").path("max_mm").asDouble() < 1e-6);
        assertTrue(text.toString().contains("jbullet: max"), text.toString());
        CommandLine bad = Main.commandLine();
        StringWriter err = new StringWriter();
        bad.setErr(new PrintWriter(err));
        assertEquals(2, bad.execute("physics", "replay", file.toString(), "--engine", "nope"));
        assertTrue(err.toString().contains("--engine"), err.toString());
        assertTrue(Files.exists(out));
    }
}
