package org.physrec.app.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.physrec.datasets.io.AtomicFiles;

/**
 * Writes evaluation results: one JSON per sequence, the aggregate as CSV and JSON, and a Markdown
 * table that puts our numbers beside the published anchors. All files are written atomically.
 */
public final class ResultTables {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultTables() {
    }

    /** JSON of one sequence: scalars, per-joint and per-frame errors (joint names may be null). */
    public static void writeSequenceJson(Path file, SequenceMetrics m, List<String> jointNames) throws IOException {
        AtomicFiles.writeString(file, JSON.writeValueAsString(sequenceNode(m, jointNames)) + "\n");
    }

    static ObjectNode sequenceNode(SequenceMetrics m, List<String> jointNames) {
        if (jointNames != null && jointNames.size() != m.perJointMpjpe().length) {
            throw new IllegalArgumentException("jointNames: " + jointNames.size() + " names for "
                    + m.perJointMpjpe().length + " joints");
        }
        ObjectNode root = JSON.createObjectNode();
        root.put("id", m.id());
        root.put("frames", m.frames());
        root.put("fps", m.fps());
        ObjectNode metrics = root.putObject("metrics");
        m.scalars().forEach(metrics::put);
        ObjectNode perJoint = root.putObject("per_joint_mpjpe");
        for (int j = 0; j < m.perJointMpjpe().length; j++) {
            perJoint.put(jointNames == null ? Integer.toString(j) : jointNames.get(j), m.perJointMpjpe()[j]);
        }
        ArrayNode f = root.putArray("per_frame_mpjpe");
        for (double v : m.perFrameMpjpe()) {
            f.add(v);
        }
        ArrayNode fpa = root.putArray("per_frame_pa_mpjpe");
        for (double v : m.perFramePaMpjpe()) {
            fpa.add(v);
        }
        return root;
    }

    /** JSON of the aggregate plus the scalars of each sequence and the settings used. */
    public static void writeAggregateJson(Path file, AggregateMetrics agg, List<SequenceMetrics> perSequence,
            MetricSettings settings) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("sequences", agg.sequences());
        root.put("frames", agg.frames());
        ObjectNode w = root.putObject("frame_weighted");
        agg.frameWeighted().forEach(w::put);
        ObjectNode s = root.putObject("sequence_mean");
        agg.sequenceMean().forEach(s::put);
        ObjectNode set = root.putObject("settings");
        set.put("root_joint", settings.rootJoint());
        ArrayNode feet = set.putArray("foot_joints");
        for (int f : settings.footJoints()) {
            feet.add(f);
        }
        set.put("ground_z_mm", settings.groundZ());
        set.put("sole_offset_mm", settings.soleOffsetMm());
        set.put("contact_height_mm", settings.contactHeightMm());
        set.put("skate_mm_per_25hz_frame", settings.skateMmPer25Hz());
        set.put("pck_threshold_mm", settings.pckThresholdMm());
        set.put("anchoring", settings.anchoring().name());
        ArrayNode seqs = root.putArray("per_sequence");
        for (SequenceMetrics m : perSequence) {
            ObjectNode n = seqs.addObject();
            n.put("id", m.id());
            n.put("frames", m.frames());
            m.scalars().forEach(n::put);
        }
        AtomicFiles.writeString(file, JSON.writeValueAsString(root) + "\n");
    }

    /** CSV: one row per sequence, then rows {@code ALL (frame-weighted)} and {@code ALL (sequence mean)}. */
    public static void writeAggregateCsv(Path file, AggregateMetrics agg, List<SequenceMetrics> perSequence)
            throws IOException {
        AtomicFiles.writeString(file, aggregateCsv(agg, perSequence));
    }

    static String aggregateCsv(AggregateMetrics agg, List<SequenceMetrics> perSequence) {
        StringBuilder sb = new StringBuilder("sequence,frames");
        for (String k : SequenceMetrics.SCALAR_KEYS) {
            sb.append(',').append(k);
        }
        sb.append('\n');
        for (SequenceMetrics m : perSequence) {
            row(sb, csvField(m.id()), m.frames(), m.scalars());
        }
        row(sb, "ALL (frame-weighted)", agg.frames(), agg.frameWeighted());
        row(sb, "ALL (sequence mean)", agg.frames(), agg.sequenceMean());
        return sb.toString();
    }

    /** Markdown: our frame-weighted aggregate as the first row, then the anchors. */
    public static void writeMarkdown(Path file, String ourLabel, AggregateMetrics agg, List<Anchor> anchors)
            throws IOException {
        AtomicFiles.writeString(file, markdown(ourLabel, agg, anchors));
    }

    static String markdown(String ourLabel, AggregateMetrics agg, List<Anchor> anchors) {
        Map<String, Double> w = agg.frameWeighted();
        StringBuilder sb = new StringBuilder();
        sb.append("| Method | Physics | MPJPE | MPJPE-G | PA-MPJPE | Accel | Foot skate % | Penetration mm | Source |\n");
        sb.append("|---|---|---|---|---|---|---|---|---|\n");
        sb.append("| **").append(ourLabel).append("** | ✓ | **").append(fmt(w.get("mpjpe"))).append("** | **")
                .append(fmt(w.get("mpjpe_g"))).append("** | **").append(fmt(w.get("pa_mpjpe"))).append("** | ")
                .append(fmt(w.get("accel_error"))).append(" | ").append(fmt(w.get("foot_skate_percent")))
                .append(" | ").append(fmt(w.get("penetration_mm"))).append(" | this run, ").append(agg.sequences())
                .append(" sequences, ").append(agg.frames()).append(" frames |\n");
        for (Anchor a : anchors) {
            sb.append("| ").append(a.method()).append(" | ").append(a.physics() ? "✓" : "✗").append(" | ")
                    .append(fmt(a.mpjpe())).append(" | ").append(fmt(a.mpjpeG())).append(" | ")
                    .append(fmt(a.paMpjpe())).append(" | ").append(a.other().isEmpty() ? "–" : a.other())
                    .append(" | – | – | ").append(a.source()).append(" |\n");
        }
        sb.append("\nAll numbers in mm (accel in mm/frame²). Published rows use their own protocols and inputs;"
                + " they are context, not a like-for-like comparison.\n");
        return sb.toString();
    }

    private static void row(StringBuilder sb, String name, long frames, Map<String, Double> values) {
        sb.append(name).append(',').append(frames);
        for (String k : SequenceMetrics.SCALAR_KEYS) {
            sb.append(',').append(String.format(Locale.ROOT, "%.4f", values.get(k)));
        }
        sb.append('\n');
    }

    private static String csvField(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private static String fmt(Double v) {
        return v == null || v.isNaN() ? "–" : String.format(Locale.ROOT, "%.1f", v);
    }
}
