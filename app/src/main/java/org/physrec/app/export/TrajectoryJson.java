package org.physrec.app.export;

import org.physrec.datasets.io.AtomicFiles;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON form of a {@link Trajectory} ({@code "format": "physrec-trajectory", "version": 1});
 * the schema is in docs/EVAL.md. Nested arrays keep the documented shapes: joint positions and
 * contact forces are (T x J x 3) and (T x C x 3), q and torques (T x n).
 */
public final class TrajectoryJson {

    public static final String FORMAT = "physrec-trajectory";
    public static final int VERSION = 1;

    private static final JsonFactory FACTORY = new JsonFactory();

    private TrajectoryJson() {
    }

    /** Writes {@code t} to {@code file} atomically. */
    public static void write(Path file, Trajectory t) throws IOException {
        AtomicFiles.write(file, out -> {
            try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
                g.writeStartObject();
                g.writeStringField("format", FORMAT);
                g.writeNumberField("version", VERSION);
                g.writeNumberField("fps", t.fps());
                g.writeNumberField("frames", t.frames());
                names(g, "joint_names", t.jointNames());
                rows(g, "joint_positions_mm", t.jointPositions(), t.frames(), t.jointCount(), 3, true);
                names(g, "coordinate_names", t.coordinateNames());
                rows(g, "q", t.q(), t.frames(), 1, t.coordinateNames().size(), false);
                names(g, "torque_names", t.torqueNames());
                rows(g, "torques_nm", t.torques(), t.frames(), 1, t.torqueNames().size(), false);
                names(g, "contact_names", t.contactNames());
                rows(g, "contact_forces_n", t.contactForces(), t.frames(), t.contactNames().size(), 3, true);
                g.writeArrayFieldStart("windows");
                for (WindowLoss w : t.windowLosses()) {
                    g.writeStartObject();
                    g.writeNumberField("window", w.window());
                    g.writeNumberField("start_frame", w.startFrame());
                    g.writeNumberField("frames", w.frameCount());
                    g.writeArrayFieldStart("loss_per_iteration");
                    for (double v : w.lossPerIteration()) {
                        g.writeNumber(v);
                    }
                    g.writeEndArray();
                    g.writeObjectFieldStart("final_terms");
                    for (Map.Entry<String, Double> e : w.finalTerms().entrySet()) {
                        g.writeNumberField(e.getKey(), e.getValue());
                    }
                    g.writeEndObject();
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
        });
    }

    /** Reads a trajectory file; a missing or malformed field gives an exception naming file and field. */
    public static Trajectory read(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        String where = file.toString();
        if (!FORMAT.equals(root.path("format").asText())) {
            throw new IOException(where + ": field format: expected \"" + FORMAT + "\"");
        }
        if (root.path("version").asInt(-1) != VERSION) {
            throw new IOException(where + ": field version: expected " + VERSION + ", got " + root.path("version"));
        }
        int frames = required(root, "frames", where).asInt();
        List<String> joints = readNames(root, "joint_names", where);
        List<String> coords = readNames(root, "coordinate_names", where);
        List<String> torques = readNames(root, "torque_names", where);
        List<String> contacts = readNames(root, "contact_names", where);
        List<WindowLoss> windows = new ArrayList<>();
        for (JsonNode w : required(root, "windows", where)) {
            JsonNode it = w.path("loss_per_iteration");
            double[] losses = new double[it.size()];
            for (int i = 0; i < losses.length; i++) {
                losses[i] = it.get(i).asDouble();
            }
            Map<String, Double> terms = new LinkedHashMap<>();
            w.path("final_terms").fields().forEachRemaining(e -> terms.put(e.getKey(), e.getValue().asDouble()));
            windows.add(new WindowLoss(w.path("window").asInt(), w.path("start_frame").asInt(), w.path("frames").asInt(),
                    losses, terms));
        }
        try {
            return new Trajectory(required(root, "fps", where).asDouble(), frames, joints,
                    readRows(root, "joint_positions_mm", frames, joints.size(), 3, true, where), coords,
                    readRows(root, "q", frames, 1, coords.size(), false, where), torques,
                    readRows(root, "torques_nm", frames, 1, torques.size(), false, where), contacts,
                    readRows(root, "contact_forces_n", frames, contacts.size(), 3, true, where), windows);
        } catch (IllegalArgumentException e) {
            throw new IOException(where + ": " + e.getMessage(), e);
        }
    }

    private static void names(JsonGenerator g, String field, List<String> names) throws IOException {
        g.writeArrayFieldStart(field);
        for (String n : names) {
            g.writeString(n);
        }
        g.writeEndArray();
    }

    /** Writes (frames x items x width) as nested arrays; without {@code nested}, (frames x width). */
    private static void rows(JsonGenerator g, String field, double[] a, int frames, int items, int width,
            boolean nested) throws IOException {
        g.writeArrayFieldStart(field);
        int k = 0;
        for (int t = 0; t < frames; t++) {
            g.writeStartArray();
            for (int i = 0; i < items; i++) {
                if (nested) {
                    g.writeStartArray();
                    for (int c = 0; c < width; c++) {
                        g.writeNumber(a[k++]);
                    }
                    g.writeEndArray();
                } else {
                    for (int c = 0; c < width; c++) {
                        g.writeNumber(a[k++]);
                    }
                }
            }
            g.writeEndArray();
        }
        g.writeEndArray();
    }

    private static JsonNode required(JsonNode root, String field, String where) throws IOException {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            throw new IOException(where + ": missing field " + field);
        }
        return n;
    }

    private static List<String> readNames(JsonNode root, String field, String where) throws IOException {
        List<String> out = new ArrayList<>();
        for (JsonNode n : required(root, field, where)) {
            out.add(n.asText());
        }
        return out;
    }

    private static double[] readRows(JsonNode root, String field, int frames, int items, int width, boolean nested,
            String where) throws IOException {
        JsonNode rows = required(root, field, where);
        if (rows.size() != frames) {
            throw new IOException(where + ": field " + field + ": expected " + frames + " frames, got " + rows.size());
        }
        double[] out = new double[frames * items * width];
        int k = 0;
        for (int t = 0; t < frames; t++) {
            JsonNode row = rows.get(t);
            if (row.size() != (nested ? items : width)) {
                throw new IOException(where + ": field " + field + ": frame " + t + " has " + row.size() + " entries");
            }
            for (int i = 0; i < items; i++) {
                JsonNode vec = nested ? row.get(i) : row;
                if (vec.size() != width) {
                    throw new IOException(where + ": field " + field + ": frame " + t + ", item " + i + " has "
                            + vec.size() + " values, expected " + width);
                }
                for (int c = 0; c < width; c++) {
                    JsonNode v = vec.get(c);
                    if (!v.isNumber()) {
                        throw new IOException(where + ": field " + field + ": frame " + t + ", item " + i
                                + " holds a non-number: " + v);
                    }
                    out[k++] = v.asDouble();
                }
            }
        }
        return out;
    }
}
