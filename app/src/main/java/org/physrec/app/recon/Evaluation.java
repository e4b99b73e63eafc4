package org.physrec.app.recon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.physrec.app.eval.AggregateMetrics;
import org.physrec.app.eval.Anchors;
import org.physrec.app.eval.MetricSettings;
import org.physrec.app.eval.ResultTables;
import org.physrec.app.eval.SequenceMetrics;
import org.physrec.datasets.io.AtomicFiles;
import org.physrec.datasets.Sequence;
import org.physrec.physics.Model;

/**
 * Reconstructs every sequence of an {@link EvaluationTable} on a thread pool and aggregates
 * the metrics. Resumable: each finished sequence leaves {@code results/<id>.json} (written
 * atomically after its output folder {@code sequences/<id>/}); a rerun skips those and
 * recomputes the rest. Sequences are independent and each runs on one thread, so the
 * results do not depend on the thread count.
 */
public final class Evaluation {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Per-sequence outcome: the reconstruction's and the kinematic input's metrics, stage seconds. */
    public record Row(String id, SequenceMetrics reconstruction, SequenceMetrics kinematic, Map<String, Double> seconds,
                      boolean resumed) {
    }

    private Evaluation() {
    }

    /**
     * @param frames   input frame range a:b applied to every sequence (null for all)
     * @return rows in table order
     */
    public static List<Row> run(EvaluationTable table, ReconstructionSettings settings, Path out, int threads,
                                String frames, boolean video, Function<Model, WindowSimulation> simulations,
                                Consumer<String> log) throws Exception {
        ReconstructionJob.checkWritable(out);
        Path results = out.resolve("results");
        Path sequences = out.resolve("sequences");
        Files.createDirectories(results);
        Files.createDirectories(sequences);
        cleanPartials(sequences);
        int n = table.files().size();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Row>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int idx = i;
                futures.add(pool.submit(() -> one(table, idx, settings, results, sequences, frames, video, simulations,
                        log)));
            }
            List<Row> rows = new ArrayList<>();
            for (Future<Row> f : futures) {
                rows.add(f.get());
            }
            writeAggregate(out, table, rows);
            return rows;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Row one(EvaluationTable table, int i, ReconstructionSettings settings, Path results, Path sequences,
                           String frames, boolean video, Function<Model, WindowSimulation> simulations,
                           Consumer<String> log) throws Exception {
        String id = table.id(i);
        Path marker = results.resolve(id + ".json");
        if (Files.isRegularFile(marker)) {
            log.accept(id + ": already done, kept (" + marker + ")");
            return readRow(marker, true);
        }
        long t0 = System.nanoTime();
        Sequence s = CameraSelection.frames(table.load(i), frames);
        ReconstructionJob.Result r = ReconstructionJob.run(s, settings, table.cameras(), sequences.resolve(id), video,
                simulations, line -> log.accept(id + ": " + line));
        if (r.metrics() == null) {
            throw new IllegalArgumentException("sequence " + id + ": no ground truth to evaluate against");
        }
        ObjectNode root = JSON.createObjectNode();
        root.put("id", id);
        root.put("table", table.name());
        root.set("reconstruction", JSON.valueToTree(sequenceNode(r.metrics().reconstruction())));
        root.set("kinematic_input", JSON.valueToTree(sequenceNode(r.metrics().kinematic())));
        ObjectNode sec = root.putObject("stage_seconds");
        r.reconstruction().seconds().forEach(sec::put);
        root.put("windows_retried", r.reconstruction().retriedWindows());
        root.put("mean_residual_force_n", r.reconstruction().meanResidualForce());
        AtomicFiles.writeString(marker, JSON.writeValueAsString(root) + "\n");
        log.accept(String.format(java.util.Locale.ROOT, "%s: done in %.1f s: MPJPE %.1f (input %.1f) mm, PA %.1f (%.1f),"
                        + " skate %.1f %%, penetration %.1f mm", id, (System.nanoTime() - t0) * 1e-9,
                r.metrics().reconstruction().mpjpe(), r.metrics().kinematic().mpjpe(),
                r.metrics().reconstruction().paMpjpe(), r.metrics().kinematic().paMpjpe(),
                r.metrics().reconstruction().footSkatePercent(), r.metrics().reconstruction().penetrationMm()));
        return new Row(id, r.metrics().reconstruction(), r.metrics().kinematic(), r.reconstruction().seconds(), false);
    }

    private static JsonNode sequenceNode(SequenceMetrics m) throws IOException {
        Path tmp = Files.createTempFile("physrec-metrics", ".json");
        try {
            ResultTables.writeSequenceJson(tmp, m, List.of(org.physrec.physics.character.H36m.JOINTS));
            return JSON.readTree(tmp.toFile());
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    static Row readRow(Path marker, boolean resumed) throws IOException {
        JsonNode root = JSON.readTree(marker.toFile());
        Map<String, Double> sec = new java.util.LinkedHashMap<>();
        root.path("stage_seconds").fields().forEachRemaining(e -> sec.put(e.getKey(), e.getValue().asDouble()));
        return new Row(root.path("id").asText(), metrics(marker, root.path("reconstruction")),
                metrics(marker, root.path("kinematic_input")), sec, resumed);
    }

    private static SequenceMetrics metrics(Path file, JsonNode n) throws IOException {
        if (!n.isObject()) {
            throw new IOException(file + ": missing metrics object");
        }
        JsonNode m = n.path("metrics");
        double[] perJoint = new double[n.path("per_joint_mpjpe").size()];
        int j = 0;
        for (Iterator<JsonNode> it = n.path("per_joint_mpjpe").elements(); it.hasNext();) {
            perJoint[j++] = it.next().asDouble();
        }
        double[] perFrame = doubles(n.path("per_frame_mpjpe"));
        double[] perFramePa = doubles(n.path("per_frame_pa_mpjpe"));
        return new SequenceMetrics(n.path("id").asText(), n.path("frames").asInt(), n.path("fps").asDouble(),
                m.path("mpjpe").asDouble(), m.path("pa_mpjpe").asDouble(), m.path("mpjpe_g").asDouble(),
                m.path("pck_percent").asDouble(), m.path("grp").asDouble(), m.path("accel_error").asDouble(),
                m.path("foot_skate_percent").asDouble(), m.path("penetration_mm").asDouble(),
                m.path("gt_foot_skate_percent").asDouble(), m.path("gt_penetration_mm").asDouble(), perJoint, perFrame,
                perFramePa);
    }

    private static double[] doubles(JsonNode a) {
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).asDouble();
        }
        return out;
    }

    private static void writeAggregate(Path out, EvaluationTable table, List<Row> rows) throws IOException {
        List<SequenceMetrics> rec = rows.stream().map(Row::reconstruction).toList();
        List<SequenceMetrics> kin = rows.stream().map(Row::kinematic).toList();
        AggregateMetrics a = AggregateMetrics.of(rec);
        AggregateMetrics k = AggregateMetrics.of(kin);
        MetricSettings ms = MetricSettings.h36m17();
        ResultTables.writeAggregateJson(out.resolve("aggregate.json"), a, rec, ms);
        ResultTables.writeAggregateCsv(out.resolve("aggregate.csv"), a, rec);
        ResultTables.writeAggregateJson(out.resolve("aggregate_kinematic_input.json"), k, kin, ms);
        ResultTables.writeAggregateCsv(out.resolve("aggregate_kinematic_input.csv"), k, kin);
        ResultTables.writeMarkdown(out.resolve("table.md"), "physrec (" + table.name() + ")", a, Anchors.h36m());
        StringBuilder sb = new StringBuilder();
        sb.append("| sequence | frames | MPJPE in → out | PA-MPJPE in → out | MPJPE-G in → out | skate % in → out |"
                + " penetration mm in → out | wall s | CPU s |\n|---|---|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            sb.append(String.format(java.util.Locale.ROOT, "| %s | %d | %.1f → %.1f | %.1f → %.1f | %.1f → %.1f |"
                            + " %.1f → %.1f | %.1f → %.1f | %.0f | %.0f |%n", r.id(), r.reconstruction().frames(),
                    r.kinematic().mpjpe(), r.reconstruction().mpjpe(), r.kinematic().paMpjpe(), r.reconstruction().paMpjpe(),
                    r.kinematic().mpjpeG(), r.reconstruction().mpjpeG(), r.kinematic().footSkatePercent(),
                    r.reconstruction().footSkatePercent(), r.kinematic().penetrationMm(), r.reconstruction().penetrationMm(),
                    total(r.seconds(), false), total(r.seconds(), true)));
        }
        var w = a.frameWeighted();
        var kw = k.frameWeighted();
        sb.append(String.format(java.util.Locale.ROOT, "| **all (frame-weighted)** | %d | %.1f → %.1f | %.1f → %.1f |"
                        + " %.1f → %.1f | %.1f → %.1f | %.1f → %.1f | | |%n", a.frames(), kw.get("mpjpe"), w.get("mpjpe"),
                kw.get("pa_mpjpe"), w.get("pa_mpjpe"), kw.get("mpjpe_g"), w.get("mpjpe_g"), kw.get("foot_skate_percent"),
                w.get("foot_skate_percent"), kw.get("penetration_mm"), w.get("penetration_mm")));
        sb.append(String.format(java.util.Locale.ROOT, "%nMPJPE ratio reconstruction / kinematic input: %.3f%n",
                w.get("mpjpe") / kw.get("mpjpe")));
        AtomicFiles.writeString(out.resolve("sequences.md"), sb.toString());
    }

    private static double total(Map<String, Double> seconds, boolean cpu) {
        return seconds.entrySet().stream().filter(e -> e.getKey().endsWith("_cpu") == cpu)
                .mapToDouble(Map.Entry::getValue).sum();
    }

    private static void cleanPartials(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(p -> p.getFileName().toString().contains(".partial-")).toList()) {
                try (Stream<Path> walk = Files.walk(p)) {
                    for (Path q : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(q);
                    }
                }
            }
        }
    }
}
