package org.physrec.datasets.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.physrec.datasets.Camera;
import org.physrec.datasets.DataFormatException;
import org.physrec.datasets.Distortion;
import org.physrec.datasets.Sequence;
import org.physrec.datasets.Skeleton;
import org.physrec.datasets.UpAxis;

/**
 * physrec's JSON sequence format (docs/DATA.md), a superset of the files in
 * {@code shared/data/motion}. Top-level fields: {@code name} (or {@code id}), {@code fps},
 * {@code skeleton} (a built-in name) or {@code joint_names} + {@code parents}, {@code units}
 * (mm, cm or m; converted to mm), {@code up_axis}, {@code cameras}, {@code keypoints2d},
 * {@code keypoints3d}, {@code joints} (ground truth), {@code start_time}, {@code metadata}.
 */
public final class PhysrecJson {

    /** Value of the "format" field written by {@link #write}. */
    public static final String FORMAT = "physrec-sequence";

    /** Pixels a camera's {@code projection_check} may differ from the projected ground truth (the shared
     *  files round joints to 0.1 mm and pixels to 0.001 px, which moves a projection by up to ~0.03 px). */
    public static final double PROJECTION_CHECK_TOLERANCE_PX = 0.05;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(com.fasterxml.jackson.core.StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .enable(com.fasterxml.jackson.core.StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();

    private PhysrecJson() {
    }

    /** Reads one sequence; throws {@link DataFormatException} naming file, field, frame and joint. */
    public static Sequence read(Path file) throws IOException {
        Parsed parsed = new Parsed(MAPPER.createObjectNode());
        try (JsonParser p = MAPPER.getFactory().createParser(file.toFile())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new DataFormatException(file, "expected a JSON object at the top level");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if (t == JsonToken.START_ARRAY && (name.equals("joints") || name.equals("ground_truth"))) {
                    parsed.gt = NumberGrid.parse(p, file, name, 3);
                } else if (t == JsonToken.START_ARRAY && name.equals("keypoints3d")) {
                    parsed.k3 = NumberGrid.parse(p, file, name, 3);
                } else if (t == JsonToken.START_OBJECT && name.equals("keypoints2d")) {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String cam = p.currentName();
                        if (p.nextToken() != JsonToken.START_OBJECT) {
                            throw new DataFormatException(file, "field 'keypoints2d." + cam + "': expected {xy, confidence}");
                        }
                        NumberGrid[] obs = new NumberGrid[2];
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String f = p.currentName();
                            p.nextToken();
                            if (f.equals("xy")) {
                                obs[0] = NumberGrid.parse(p, file, "keypoints2d." + cam + ".xy", 2);
                            } else if (f.equals("confidence")) {
                                obs[1] = NumberGrid.parse(p, file, "keypoints2d." + cam + ".confidence", 0);
                            } else {
                                p.skipChildren();
                            }
                        }
                        parsed.k2.put(cam, obs);
                    }
                } else {
                    parsed.meta.set(name, MAPPER.readTree(p));
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT) {
                throw new DataFormatException(file, "unexpected " + p.currentToken() + " at the top level");
            }
        } catch (JsonProcessingException e) {
            throw new DataFormatException(file, "not valid JSON (truncated or corrupt?): " + e.getOriginalMessage()
                    + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr(), e);
        } catch (java.io.FileNotFoundException e) {
            throw new NoSuchFileException(file.toString());
        }
        return build(file, parsed);
    }

    /** A physrec sequence as parsed, before validation: small fields as a tree, big arrays as grids. */
    static final class Parsed {
        final ObjectNode meta;
        NumberGrid gt;
        NumberGrid k3;
        final Map<String, NumberGrid[]> k2 = new java.util.LinkedHashMap<>();

        Parsed(ObjectNode meta) {
            this.meta = meta;
        }
    }

    /**
     * Only the cameras of a physrec JSON file (translations converted to mm by its {@code units}),
     * e.g. a calibration file for inputs without one (OpenPose).
     */
    public static List<Camera> readCameras(Path file) throws IOException {
        JsonNode root;
        try {
            root = MAPPER.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new DataFormatException(file, "not valid JSON (truncated or corrupt?): " + e.getOriginalMessage(), e);
        } catch (java.io.FileNotFoundException e) {
            throw new NoSuchFileException(file.toString());
        }
        if (root == null || !root.isObject()) {
            throw new DataFormatException(file, "expected a JSON object at the top level");
        }
        List<Camera> cams = cameras(file, root.get("cameras"), unitScale(file, text(root, "units", null)));
        if (cams.isEmpty()) {
            throw new DataFormatException(file, "field 'cameras': missing or empty");
        }
        return cams;
    }

    static Sequence build(Path file, Parsed parsed) throws DataFormatException {
        ObjectNode root = parsed.meta;
        String id = text(root, "name", text(root, "id", fileStem(file)));
        JsonNode fpsNode = root.get("fps");
        if (fpsNode == null) {
            throw new DataFormatException(file, "field 'fps': missing");
        }
        double fps = JsonArrays.number(file, fpsNode, "field 'fps'");
        if (!(fps > 0)) {
            throw new DataFormatException(file, "field 'fps': must be > 0, got " + fps);
        }
        Skeleton sk = skeleton(file, root);
        double scale = unitScale(file, text(root, "units", null));
        UpAxis up;
        try {
            up = UpAxis.parse(text(root, "up_axis", null));
        } catch (IllegalArgumentException e) {
            throw new DataFormatException(file, "field 'up_axis': " + e.getMessage().replaceFirst("^up_axis: ", ""));
        }
        double[] gt = null;
        double[] k3 = null;
        int frames = -1;
        for (NumberGrid g : new NumberGrid[] {parsed.gt, parsed.k3}) {
            if (g != null) {
                g.checkShape(file, sk, frames);
                g.checkFinite(file, sk);
                frames = g.frames;
            }
        }
        if (parsed.gt != null) {
            gt = scaled(parsed.gt.data, scale);
        }
        if (parsed.k3 != null) {
            k3 = scaled(parsed.k3.data, scale);
        }
        List<Camera> cams = cameras(file, root.get("cameras"), scale);
        List<Object[]> obs = new ArrayList<>();
        for (Map.Entry<String, NumberGrid[]> e : parsed.k2.entrySet()) {
            String cam = e.getKey();
            if (cams.stream().noneMatch(c -> c.name().equals(cam))) {
                throw new DataFormatException(file, "field 'keypoints2d." + cam + "': unknown camera id '" + cam
                        + "' (cameras: " + cams.stream().map(Camera::name).toList() + ")");
            }
            String f = "keypoints2d." + cam;
            NumberGrid xyGrid = e.getValue()[0];
            NumberGrid confGrid = e.getValue()[1];
            if (xyGrid == null) {
                throw new DataFormatException(file, "field '" + f + ".xy': missing");
            }
            if (confGrid == null) {
                throw new DataFormatException(file, "field '" + f + ".confidence': missing (use 1 for certain, 0 for missing)");
            }
            xyGrid.checkShape(file, sk, frames);
            xyGrid.checkFinite(file, sk);
            frames = xyGrid.frames;
            confGrid.checkShape(file, sk, frames);
            confGrid.checkFinite(file, sk);
            double[] xy = xyGrid.data;
            double[] conf = confGrid.data;
            for (int i = 0; i < conf.length; i++) {
                if (Double.isNaN(xy[2 * i]) && conf[i] != 0) {
                    throw new DataFormatException(file, DataFormatException.at(f + ".xy", i / sk.jointCount(),
                            i % sk.jointCount(), sk) + ": null keypoint with confidence " + conf[i] + " (must be 0)");
                }
            }
            obs.add(new Object[] {cam, xy, conf});
        }
        if (frames == 0) {
            throw new DataFormatException(file, "sequence '" + id + "' is empty (0 frames)");
        }
        if (frames < 0) {
            throw new DataFormatException(file, "holds no keypoints: none of 'joints', 'keypoints3d', 'keypoints2d'");
        }
        try {
            Sequence.Builder b = Sequence.builder(id, fps, sk, frames, up);
            if (root.has("start_time")) {
                b.startTime(JsonArrays.number(file, root.get("start_time"), "field 'start_time'"));
            }
            cams.forEach(b::camera);
            for (Object[] o : obs) {
                b.keypoints2d((String) o[0], (double[]) o[1], (double[]) o[2]);
            }
            if (k3 != null) {
                b.keypoints3d(k3);
            }
            if (gt != null) {
                b.groundTruth(gt);
            }
            b.metadata("format", "physrec-json");
            b.metadata("file", file.toString());
            JsonNode md = root.get("metadata");
            if (md != null && md.isObject()) {
                md.fields().forEachRemaining(e -> b.metadata(e.getKey(), e.getValue().asText()));
            }
            Sequence seq = b.build();
            checkProjection(file, root.get("cameras"), seq, scale);
            return seq;
        } catch (IllegalArgumentException e) {
            throw new DataFormatException(file, e.getMessage(), e);
        }
    }

    private static void checkProjection(Path file, JsonNode camsNode, Sequence seq, double scale) throws DataFormatException {
        if (camsNode == null || !seq.hasGroundTruth()) {
            return;
        }
        double[] gt = null;
        for (int c = 0; c < camsNode.size(); c++) {
            JsonNode check = camsNode.get(c).get("projection_check");
            if (check == null || check.isNull()) {
                continue;
            }
            gt = gt == null ? seq.groundTruth() : gt;
            int frame = check.path("frame").asInt(0);
            String f = "cameras[" + c + "].projection_check";
            if (frame < 0 || frame >= seq.frames()) {
                throw new DataFormatException(file, "field '" + f + ".frame': " + frame + " outside the sequence");
            }
            int j = seq.jointCount();
            double[] uv = JsonArrays.vector(file, check.get("uv"), f + ".uv", j, 2);
            double[] p = new double[2];
            for (int k = 0; k < j; k++) {
                if (!seq.camera(c).project(gt, 3 * (frame * j + k), p, 0)) {
                    continue;
                }
                double err = Math.hypot(p[0] - uv[2 * k], p[1] - uv[2 * k + 1]);
                if (!(err <= PROJECTION_CHECK_TOLERANCE_PX)) {
                    throw new DataFormatException(file, DataFormatException.at(f, frame, k, seq.skeleton())
                            + ": ground truth projects to (" + p[0] + ", " + p[1] + ") but the file says (" + uv[2 * k]
                            + ", " + uv[2 * k + 1] + "); the camera does not match the data");
                }
            }
        }
    }

    private static Skeleton skeleton(Path file, JsonNode root) throws DataFormatException {
        JsonNode s = root.get("skeleton");
        if (s != null && s.isTextual()) {
            try {
                return Skeleton.named(s.asText());
            } catch (IllegalArgumentException e) {
                throw new DataFormatException(file, "field 'skeleton': " + e.getMessage().replaceFirst("^skeleton: ", ""));
            }
        }
        JsonNode names = root.get("joint_names");
        if (names == null || !names.isArray()) {
            throw new DataFormatException(file, "field 'skeleton': missing (give a built-in name or joint_names + parents)");
        }
        List<String> n = new ArrayList<>();
        names.forEach(x -> n.add(x.asText()));
        JsonNode pn = root.get("parents");
        int[] parents = null;
        if (pn != null) {
            double[] p = JsonArrays.vector(file, pn, "parents", n.size(), 0);
            parents = new int[p.length];
            for (int i = 0; i < p.length; i++) {
                parents[i] = (int) p[i];
            }
        }
        java.util.Optional<Skeleton> builtIn = Skeleton.matching(n, parents);
        if (builtIn.isPresent()) {
            return builtIn.get();
        }
        if (parents == null) {
            throw new DataFormatException(file, "field 'parents': missing for custom joint_names " + n);
        }
        int[] mirror = new int[n.size()];
        JsonNode mn = root.get("mirror");
        for (int i = 0; i < mirror.length; i++) {
            mirror[i] = mn == null ? i : mn.path(i).asInt(-1);
        }
        try {
            return new Skeleton(text(root, "skeleton_name", "custom"), n, parents, mirror);
        } catch (IllegalArgumentException e) {
            throw new DataFormatException(file, "custom skeleton: " + e.getMessage());
        }
    }

    private static double unitScale(Path file, String units) throws DataFormatException {
        if (units == null) {
            throw new DataFormatException(file, "field 'units': missing (mm, cm or m)");
        }
        switch (units.toLowerCase(Locale.ROOT)) {
            case "mm": return 1;
            case "cm": return 10;
            case "m": return 1000;
            default: throw new DataFormatException(file, "field 'units': unknown unit '" + units + "' (mm, cm or m)");
        }
    }

    private static List<Camera> cameras(Path file, JsonNode node, double scale) throws DataFormatException {
        List<Camera> cams = new ArrayList<>();
        if (node == null || node.isNull()) {
            return cams;
        }
        if (!node.isArray()) {
            throw new DataFormatException(file, "field 'cameras': expected an array");
        }
        for (int c = 0; c < node.size(); c++) {
            JsonNode cn = node.get(c);
            String f = "cameras[" + c + "]";
            String name = text(cn, "name", null);
            if (name == null) {
                throw new DataFormatException(file, "field '" + f + ".name': missing");
            }
            f = "cameras[" + c + "] (" + name + ")";
            try {
                double[] k = JsonArrays.vector(file, cn.get("K"), f + ".K", 3, 3);
                double[] r = JsonArrays.vector(file, cn.get("R"), f + ".R", 3, 3);
                double[] t = JsonArrays.vector(file, cn.get("t"), f + ".t", 3, 0);
                for (int i = 0; i < 3; i++) {
                    t[i] *= scale;
                }
                JsonNode dn = cn.get("dist");
                double[] dist = dn == null || dn.isNull() ? new double[5] : JsonArrays.vector(file, dn, f + ".dist", dn.size(), 0);
                Distortion.Model model = Distortion.Model.parse(text(cn, "distortion_model", "opencv"));
                Distortion d = Distortion.opencv(dist);
                d = new Distortion(model, d.k1(), d.k2(), d.k3(), d.p1(), d.p2());
                int w = cn.path("width").asInt(-1);
                int h = cn.path("height").asInt(-1);
                cams.add(Camera.fromK(name, w, h, k, d, r, t));
            } catch (IllegalArgumentException e) {
                throw new DataFormatException(file, "field '" + f + "': " + e.getMessage(), e);
            }
        }
        return cams;
    }

    private static double[] scaled(double[] a, double s) {
        if (s != 1) {
            for (int i = 0; i < a.length; i++) {
                a[i] *= s;
            }
        }
        return a;
    }

    private static String text(JsonNode n, String field, String def) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? def : v.asText();
    }

    static String fileStem(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    /** Writes a sequence (mm, its own up axis) atomically: temp file in the same folder, then move. */
    public static void write(Sequence seq, Path file) throws IOException {
        AtomicFiles.write(file, out -> writeTo(seq, out));
    }

    private static void writeTo(Sequence seq, OutputStream os) throws IOException {
        int j = seq.jointCount();
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(os)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            g.writeNumberField("version", 1);
            g.writeStringField("name", seq.id());
            g.writeNumberField("fps", seq.fps());
            g.writeStringField("skeleton", seq.skeleton().name());
            g.writeArrayFieldStart("joint_names");
            for (String n : seq.skeleton().jointNames()) {
                g.writeString(n);
            }
            g.writeEndArray();
            g.writeFieldName("parents");
            g.writeArray(seq.skeleton().parents(), 0, j);
            g.writeStringField("units", "mm");
            g.writeStringField("up_axis", seq.upAxis().id());
            g.writeNumberField("frames", seq.frames());
            if (seq.startTime() != 0) {
                g.writeNumberField("start_time", seq.startTime());
            }
            g.writeArrayFieldStart("cameras");
            for (Camera c : seq.cameras()) {
                g.writeStartObject();
                g.writeStringField("name", c.name());
                g.writeNumberField("width", c.width());
                g.writeNumberField("height", c.height());
                writeMatrix(g, "K", c.k());
                g.writeStringField("distortion_model", c.distortion().model().id());
                g.writeFieldName("dist");
                double[] d = c.distortion().asK1K2P1P2K3();
                g.writeArray(d, 0, d.length);
                writeMatrix(g, "R", c.rotation());
                g.writeFieldName("t");
                g.writeArray(c.translation(), 0, 3);
                g.writeEndObject();
            }
            g.writeEndArray();
            if (seq.hasAnyKeypoints2d()) {
                g.writeObjectFieldStart("keypoints2d");
                for (int c = 0; c < seq.cameras().size(); c++) {
                    if (!seq.hasKeypoints2d(c)) {
                        continue;
                    }
                    g.writeObjectFieldStart(seq.camera(c).name());
                    g.writeFieldName("xy");
                    writePoints(g, seq.keypoints2d(c), seq.frames(), j, 2);
                    g.writeFieldName("confidence");
                    double[] conf = seq.confidences2d(c);
                    g.writeStartArray();
                    for (int t = 0; t < seq.frames(); t++) {
                        g.writeArray(conf, t * j, j);
                    }
                    g.writeEndArray();
                    g.writeEndObject();
                }
                g.writeEndObject();
            }
            if (seq.hasKeypoints3d()) {
                g.writeFieldName("keypoints3d");
                writePoints(g, seq.keypoints3d(), seq.frames(), j, 3);
            }
            if (seq.hasGroundTruth()) {
                g.writeFieldName("joints");
                writePoints(g, seq.groundTruth(), seq.frames(), j, 3);
            }
            g.writeObjectFieldStart("metadata");
            for (Map.Entry<String, String> e : seq.metadata().entrySet()) {
                g.writeStringField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeEndObject();
        }
    }

    private static void writeMatrix(JsonGenerator g, String name, double[] m) throws IOException {
        g.writeArrayFieldStart(name);
        for (int i = 0; i < 3; i++) {
            g.writeArray(m, 3 * i, 3);
        }
        g.writeEndArray();
    }

    private static void writePoints(JsonGenerator g, double[] p, int frames, int joints, int dim) throws IOException {
        g.writeStartArray();
        for (int t = 0; t < frames; t++) {
            g.writeStartArray();
            for (int k = 0; k < joints; k++) {
                int o = (t * joints + k) * dim;
                if (Double.isNaN(p[o])) {
                    g.writeNull();
                } else {
                    g.writeArray(p, o, dim);
                }
            }
            g.writeEndArray();
        }
        g.writeEndArray();
    }

}
