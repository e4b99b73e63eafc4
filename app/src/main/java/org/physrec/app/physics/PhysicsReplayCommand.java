package org.physrec.app.physics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.physrec.datasets.io.AtomicFiles;
import org.physrec.physics.bullet.BulletSettings;
import org.physrec.physics.sim.SimSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code physrec physics replay}: re-simulates a trajectory's torques and reports the drift. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Re-simulates the torques of a physrec trajectory JSON open loop from its first frame, in the"
                + " independent jbullet engine and in ours, and reports the joint position error against the"
                + " reconstructed joints per frame (mm, max and mean over the 17 joints). Torque row t drives frame t"
                + " to t+1. See docs/PHYSICS.md (jbullet cross-check) for the input contract.",
                "Example: physrec physics replay out/recon/S9_walking.json --json out/replay.json"})
public final class PhysicsReplayCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TRAJECTORY", description = "physrec trajectory JSON.")
    Path input;

    @Option(names = "--substeps",
            description = "Substeps per frame when the file has none (default: ${DEFAULT-VALUE}).")
    int substeps = SimSettings.DEFAULTS.substeps();

    @Option(names = "--mass", paramLabel = "KG",
            description = "Body mass when the file has none (default: ${DEFAULT-VALUE}).")
    double mass = 70;

    @Option(names = "--engine", description = "Engines to run: jbullet, ours or both (default: ${DEFAULT-VALUE}).")
    String engine = "both";

    @Option(names = "--joint-limits", description = "Hard joint limits in jbullet (default: off).")
    boolean jointLimits;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the per-frame errors as JSON (atomically).")
    Path json;

    @Override
    public Integer call() throws IOException {
        if (!List.of("jbullet", "ours", "both").contains(engine)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--engine: expected jbullet, ours or both, got " + engine);
        }
        if (substeps < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--substeps: must be >= 1, got " + substeps);
        }
        ReplayInput in = ReplayInput.read(input, substeps, mass);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%s: %d frames at %.1f fps, %d substeps, %.1f kg, floor at z = %.1f mm (%s)%n", input,
                in.frames(), in.fps(), in.substeps(), in.totalMass(), in.groundZmm(), in.groundSource());
        java.util.List<TrajectoryReplay.Deviation> results = new java.util.ArrayList<>();
        if (!engine.equals("ours")) {
            results.add(TrajectoryReplay.bullet(in, BulletSettings.DEFAULTS.withJointLimits(jointLimits)));
        }
        if (!engine.equals("jbullet")) {
            results.add(TrajectoryReplay.ours(in, SimSettings.DEFAULTS));
        }
        out.printf(Locale.ROOT, "%6s", "frame");
        for (TrajectoryReplay.Deviation d : results) {
            out.printf(Locale.ROOT, " %14s %14s", d.engine() + " max mm", d.engine() + " mean mm");
        }
        out.println();
        for (int t = 0; t < in.frames(); t++) {
            out.printf(Locale.ROOT, "%6d", t);
            for (TrajectoryReplay.Deviation d : results) {
                out.printf(Locale.ROOT, " %14.1f %14.1f", d.maxErrorMm()[t], d.meanErrorMm()[t]);
            }
            out.println();
        }
        for (TrajectoryReplay.Deviation d : results) {
            out.printf(Locale.ROOT, "%s: max %.1f mm, mean %.1f mm over frames and joints%s%n", d.engine(), d.maxMm(),
                    d.meanMm(), d.failure() == null ? "" : " (stopped: " + d.failure() + ")");
        }
        if (json != null) {
            AtomicFiles.writeString(json, toJson(in, results));
            out.println("wrote " + json);
        }
        out.flush();
        return 0;
    }

    private String toJson(ReplayInput in, java.util.List<TrajectoryReplay.Deviation> results) throws IOException {
        ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = m.createObjectNode();
        root.put("input", input.toString());
        root.put("frames", in.frames());
        root.put("fps", in.fps());
        root.put("substeps", in.substeps());
        root.put("total_mass_kg", in.totalMass());
        root.put("ground_z_mm", in.groundZmm());
        root.put("ground_source", in.groundSource());
        ArrayNode bones = root.putArray("bone_lengths_m");
        for (double b : in.boneLengths()) {
            bones.add(b);
        }
        ObjectNode engines = root.putObject("engines");
        for (TrajectoryReplay.Deviation d : results) {
            ObjectNode e = engines.putObject(d.engine());
            e.put("max_mm", d.maxMm());
            e.put("mean_mm", d.meanMm());
            e.put("failure", d.failure());
            ArrayNode max = e.putArray("max_error_mm_per_frame");
            ArrayNode mean = e.putArray("mean_error_mm_per_frame");
            for (int t = 0; t < in.frames(); t++) {
                max.add(d.maxErrorMm()[t]);
                mean.add(d.meanErrorMm()[t]);
            }
        }
        return m.writeValueAsString(root) + "\n";
    }
}
