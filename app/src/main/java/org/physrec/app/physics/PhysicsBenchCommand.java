package org.physrec.app.physics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.physrec.datasets.io.AtomicFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code physrec bench physics}: speed of our dynamics and gradients, jbullet for comparison. */
@Command(name = "physics", mixinStandardHelpOptions = true,
        description = {"Times, on the full character at the default substeps and single-threaded: one forward-dynamics"
                + " call, one simulation step with contact, an 8-frame window forward and forward + adjoint, a"
                + " 200-frame rollout forward and forward + adjoint, the jbullet ragdoll's step (ratio reported); then"
                + " checks the adjoint of an 8-frame window with ground contact against central finite differences."
                + " Median and spread (p10..p90) of wall and thread CPU time over repeated samples after a warm-up.",
                "Example: physrec bench physics --json out/bench-physics.json"})
public final class PhysicsBenchCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--long",
            description = "Long mode: 4 s warm-up, 41 samples of >= 100 ms (default: quick, 1 s, 15 x 20 ms).")
    boolean longMode;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the results as JSON (atomically).")
    Path json;

    @Option(names = "--seed", description = "Seed of the random states and torques (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Override
    public Integer call() throws IOException {
        PhysicsBenchmark.Settings base = longMode ? PhysicsBenchmark.Settings.LONG : PhysicsBenchmark.Settings.QUICK;
        PhysicsBenchmark.Settings s = new PhysicsBenchmark.Settings(base.warmupMillis(), base.samples(),
                base.minSampleMillis(), seed);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String load = loadAverage();
        PhysicsBenchmark.Result r = PhysicsBenchmark.run(s, what -> err.println("bench physics: " + what + "..."));
        out.printf(Locale.ROOT, "character nq=%d nv=%d nu=%d, %d substeps (dt = %.4f s), %s mode; load average %s%n",
                r.nq(), r.nv(), r.nu(), r.substeps(), r.dt(), longMode ? "long" : "quick", load);
        out.printf(Locale.ROOT, "%-52s %12s %12s %12s %12s %12s%n", "operation (µs per call)", "wall median",
                "wall p10", "wall p90", "CPU median", "CPU p10-p90");
        for (Timing t : r.timings()) {
            out.printf(Locale.ROOT, "%-52s %12.1f %12.1f %12.1f %12.1f %5.0f-%-6.0f%n", t.name(), t.median(), t.p10(),
                    t.p90(), t.cpuMedian(), t.cpuP10(), t.cpuP90());
        }
        out.printf(Locale.ROOT, "jbullet step / our step with contact (CPU medians): %.2f%n",
                r.bulletToOursStepRatio());
        PhysicsBenchmark.GradientCheck g = r.gradientCheck();
        out.printf(Locale.ROOT, "gradient check (8 frames, peak contact force %.0f N): %d entries, max relative"
                        + " error %.2e, max absolute error %.2e (max |gradient| %.2e), central differences h = %.0e%n",
                g.contactForceN(), g.entries(), g.maxRelError(), g.maxAbsError(), g.maxAbsGradient(), g.step());
        if (json != null) {
            AtomicFiles.writeString(json, toJson(r, s, load));
            out.println("wrote " + json);
        }
        out.flush();
        return 0;
    }

    private String toJson(PhysicsBenchmark.Result r, PhysicsBenchmark.Settings s, String load) throws IOException {
        ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = m.createObjectNode();
        root.put("benchmark", "physics");
        root.put("mode", longMode ? "long" : "quick");
        ObjectNode machine = root.putObject("machine");
        machine.put("processors", Runtime.getRuntime().availableProcessors());
        machine.put("java", System.getProperty("java.version"));
        machine.put("load_average_at_start", load);
        machine.put("note", "2-core machine, shared with other jobs: wall times are upper bounds; cpu_* is the"
                + " benchmark thread's CPU time");
        ObjectNode settings = root.putObject("settings");
        settings.put("warmup_ms", s.warmupMillis());
        settings.put("samples", s.samples());
        settings.put("min_sample_ms", s.minSampleMillis());
        settings.put("seed", s.seed());
        ObjectNode model = root.putObject("model");
        model.put("nq", r.nq());
        model.put("nv", r.nv());
        model.put("nu", r.nu());
        model.put("substeps", r.substeps());
        model.put("dt_s", r.dt());
        ArrayNode timings = root.putArray("timings_us");
        for (Timing t : r.timings()) {
            ObjectNode o = timings.addObject();
            o.put("name", t.name());
            o.put("median", t.median());
            o.put("min", t.min());
            o.put("p10", t.p10());
            o.put("p90", t.p90());
            o.put("max", t.max());
            o.put("cpu_median", t.cpuMedian());
            o.put("cpu_p10", t.cpuP10());
            o.put("cpu_p90", t.cpuP90());
            o.put("samples", t.samples());
            o.put("calls_per_sample", t.batch());
        }
        root.put("jbullet_to_ours_step_ratio", r.bulletToOursStepRatio());
        PhysicsBenchmark.GradientCheck g = r.gradientCheck();
        ObjectNode gc = root.putObject("gradient_check");
        gc.put("frames", 8);
        gc.put("entries", g.entries());
        gc.put("fd_step", g.step());
        gc.put("max_relative_error", g.maxRelError());
        gc.put("relative_error_floor", "denominator max(|fd|, 1e-3 * max|fd|)");
        gc.put("max_absolute_error", g.maxAbsError());
        gc.put("max_abs_gradient", g.maxAbsGradient());
        gc.put("peak_contact_force_n", g.contactForceN());
        return m.writeValueAsString(root) + "\n";
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+", 4)[0];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
