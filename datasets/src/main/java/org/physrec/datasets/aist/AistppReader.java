package org.physrec.datasets.aist;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.physrec.datasets.Camera;
import org.physrec.datasets.DataFormatException;
import org.physrec.datasets.Distortion;
import org.physrec.datasets.Sequence;
import org.physrec.datasets.Skeleton;
import org.physrec.datasets.UpAxis;
import org.physrec.datasets.numpy.NdArray;
import org.physrec.datasets.numpy.NumpyPickle;

/**
 * Reads AIST++ annotations. Sequences come out in COCO-17, millimetres, <b>z up</b> (the release's
 * y-up world rotated by (x, y, z) -&gt; (x, -z, y); cameras transformed with it), 60 FPS.
 * Ground truth is {@code keypoints3d_optim} when present, else {@code keypoints3d}. 2D keypoints
 * ({@code keypoints2d}, views c01..c09) carry their detection score as confidence; a keypoint
 * with a NaN coordinate or score is the release's "not detected" and becomes missing (confidence 0).
 */
public final class AistppReader {

    /** AIST++ frame rate. */
    public static final double FPS = 60.0;

    private final Path root;

    /** @param root the AIST++ annotation folder (holding keypoints3d/, cameras/, ...) */
    public AistppReader(Path root) {
        this.root = root;
    }

    /** Sequence names ({@code cAll} names) found in keypoints3d/ or keypoints2d/. */
    public List<String> sequences() throws IOException {
        java.util.TreeSet<String> names = new java.util.TreeSet<>();
        for (String sub : new String[] {"keypoints3d", "keypoints2d"}) {
            Path dir = root.resolve(sub);
            if (Files.isDirectory(dir)) {
                try (var s = Files.list(dir)) {
                    s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".pkl"))
                            .forEach(n -> names.add(n.substring(0, n.length() - 4)));
                }
            }
        }
        return List.copyOf(names);
    }

    /** The camera setting of a sequence from {@code cameras/mapping.txt}, if listed. */
    public Optional<String> settingOf(String sequence) throws IOException {
        Path mapping = root.resolve("cameras").resolve("mapping.txt");
        if (!Files.isRegularFile(mapping)) {
            return Optional.empty();
        }
        int lineNo = 0;
        for (String line : Files.readAllLines(mapping)) {
            lineNo++;
            String[] parts = line.trim().split("\\s+");
            if (parts.length == 0 || parts[0].isEmpty()) {
                continue;
            }
            if (parts.length != 2) {
                throw new DataFormatException(mapping, "line " + lineNo + ": expected '<sequence> <setting>', got '" + line + "'");
            }
            if (parts[0].equals(sequence) || parts[0].equals(cAll(sequence))) {
                return Optional.of(parts[1]);
            }
        }
        return Optional.empty();
    }

    /** Turns a video name (gBR_sBM_c06_d06_...) into its annotation name (gBR_sBM_cAll_d06_...). */
    public static String cAll(String name) {
        return name.replaceFirst("_c\\d\\d_", "_cAll_");
    }

    /** The camera view of a video name ("c06"), if it names one. */
    public static Optional<String> view(String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("_(c\\d\\d)_").matcher(name);
        return m.find() && !m.group(1).equals("cAll") ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** Loads a sequence with the setting from mapping.txt. */
    public Sequence load(String sequence) throws IOException {
        String setting = settingOf(sequence).orElseThrow(() -> new DataFormatException(
                root.resolve("cameras").resolve("mapping.txt"), "no camera setting listed for sequence '" + cAll(sequence)
                        + "' (file missing or sequence not listed); pass the setting explicitly"));
        return load(sequence, setting);
    }

    /**
     * Loads a sequence (annotation or video name) with an explicit camera setting (e.g. "setting1").
     * Whatever of keypoints3d/ and keypoints2d/ exists is read; at least one must.
     */
    public Sequence load(String sequence, String setting) throws IOException {
        String name = cAll(sequence);
        List<Camera> cams = byViewName(readCameras(root.resolve("cameras").resolve(setting + ".json")));
        Path p3 = root.resolve("keypoints3d").resolve(name + ".pkl");
        Path p2 = root.resolve("keypoints2d").resolve(name + ".pkl");
        if (!Files.isRegularFile(p3) && !Files.isRegularFile(p2)) {
            throw new NoSuchFileException(p3 + " (nor " + p2 + ")");
        }
        double[] gt = null;
        int frames = -1;
        if (Files.isRegularFile(p3)) {
            gt = readKeypoints3d(p3);
            frames = gt.length / 51;
        }
        double[][] xy = null;
        double[][] conf = null;
        if (Files.isRegularFile(p2)) {
            Object o = NumpyPickle.load(p2);
            NdArray k2 = array(p2, o, "keypoints2d");
            if (!k2.hasShape(-1, -1, 17, 3)) {
                throw new DataFormatException(p2, "field 'keypoints2d': expected shape (views, frames, 17, 3), got "
                        + java.util.Arrays.toString(k2.shape()));
            }
            if (k2.dim(0) != cams.size()) {
                throw new DataFormatException(p2, "field 'keypoints2d': " + k2.dim(0) + " views but camera " + setting
                        + " has " + cams.size() + " cameras");
            }
            if (frames >= 0 && k2.dim(1) != frames) {
                throw new DataFormatException(p2, "field 'keypoints2d': " + k2.dim(1) + " frames but keypoints3d has " + frames);
            }
            frames = k2.dim(1);
            xy = new double[cams.size()][];
            conf = new double[cams.size()][];
            for (int v = 0; v < cams.size(); v++) {
                double[] raw = k2.slice(v);
                xy[v] = new double[frames * 34];
                conf[v] = new double[frames * 17];
                for (int i = 0; i < frames * 17; i++) {
                    double x = raw[3 * i], y = raw[3 * i + 1], s = raw[3 * i + 2];
                    if (Double.isInfinite(x) || Double.isInfinite(y) || Double.isInfinite(s) || s < 0) {
                        throw new DataFormatException(p2, DataFormatException.at("keypoints2d[" + cams.get(v).name() + "]",
                                i / 17, i % 17, Skeleton.COCO_17) + ": invalid value (" + x + ", " + y + ", score " + s + ")");
                    }
                    boolean missing = Double.isNaN(x) || Double.isNaN(y) || Double.isNaN(s);
                    xy[v][2 * i] = x;
                    xy[v][2 * i + 1] = y;
                    conf[v][i] = missing ? 0 : s;
                }
            }
        }
        if (frames == 0) {
            throw new DataFormatException(gt != null ? p3 : p2, "sequence '" + name + "' is empty (0 frames)");
        }
        double[] a = UpAxis.Y.toZUp();
        try {
            Sequence.Builder b = Sequence.builder(sequence, FPS, Skeleton.COCO_17, frames, UpAxis.Z);
            for (int v = 0; v < cams.size(); v++) {
                b.camera(cams.get(v).inWorld(a, 10));
                if (xy != null) {
                    b.keypoints2d(cams.get(v).name(), xy[v], conf[v]);
                }
            }
            if (gt != null) {
                b.groundTruth(toZUpMm(gt));
            }
            b.metadata("format", "aist++").metadata("setting", setting).metadata("annotation", name);
            view(sequence).ifPresent(c -> b.metadata("view", c));
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new DataFormatException(gt != null ? p3 : p2, e.getMessage(), e);
        }
    }

    /** Orders cameras c01, c02, ... so that view v of keypoints2d is camera "c(v+1)"; other names keep file order. */
    private static List<Camera> byViewName(List<Camera> cams) {
        if (cams.stream().allMatch(c -> c.name().matches("c\\d\\d"))) {
            List<Camera> sorted = new ArrayList<>(cams);
            sorted.sort(java.util.Comparator.comparing(Camera::name));
            return sorted;
        }
        return cams;
    }

    /** {@code keypoints3d_optim} (else {@code keypoints3d}) of a keypoints3d pkl: (N x 17 x 3), cm, y up, release frame. */
    public static double[] readKeypoints3d(Path file) throws IOException {
        Object o = NumpyPickle.load(file);
        String field = o instanceof Map<?, ?> m && m.containsKey("keypoints3d_optim") ? "keypoints3d_optim" : "keypoints3d";
        NdArray k3 = array(file, o, field);
        if (!k3.hasShape(-1, 17, 3)) {
            throw new DataFormatException(file, "field '" + field + "': expected shape (frames, 17, 3) (COCO-17), got "
                    + java.util.Arrays.toString(k3.shape()));
        }
        double[] d = k3.data();
        for (int i = 0; i < d.length; i++) {
            if (!Double.isFinite(d[i])) {
                throw new DataFormatException(file, DataFormatException.at(field, i / 51, (i / 3) % 17, Skeleton.COCO_17)
                        + ": value is " + d[i]);
            }
        }
        return d;
    }

    private static NdArray array(Path file, Object o, String field) throws DataFormatException {
        if (!(o instanceof Map<?, ?> m)) {
            throw new DataFormatException(file, "expected a pickled dict, got " + (o == null ? "None" : o.getClass().getSimpleName()));
        }
        Object v = m.get(field);
        if (!(v instanceof NdArray a)) {
            throw new DataFormatException(file, "field '" + field + "': " + (v == null ? "missing (keys: " + m.keySet() + ")"
                    : "expected a numpy array, got " + v.getClass().getSimpleName()));
        }
        return a;
    }

    private static double[] toZUpMm(double[] cmYUp) {
        double[] out = new double[cmYUp.length];
        for (int i = 0; i < out.length; i += 3) {
            out[i] = 10 * cmYUp[i];
            out[i + 1] = -10 * cmYUp[i + 2];
            out[i + 2] = 10 * cmYUp[i + 1];
        }
        return out;
    }

    /**
     * Reads a camera setting: a JSON list of {name, size [w, h], matrix K, distortions
     * [k1, k2, p1, p2, k3] (OpenCV), rotation (Rodrigues, world to camera), translation (cm)}.
     * Cameras are in the release frame (cm, y up).
     */
    public static List<Camera> readCameras(Path file) throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new DataFormatException(file, "not valid JSON (truncated or corrupt?): " + e.getOriginalMessage(), e);
        } catch (java.io.FileNotFoundException e) {
            throw new NoSuchFileException(file.toString(), null, "camera setting not found");
        }
        if (root == null || !root.isArray() || root.isEmpty()) {
            throw new DataFormatException(file, "expected a non-empty JSON list of cameras");
        }
        List<Camera> cams = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (int i = 0; i < root.size(); i++) {
            JsonNode c = root.get(i);
            String name = c.path("name").asText(null);
            String f = "[" + i + "]" + (name == null ? "" : " (" + name + ")");
            if (name == null) {
                throw new DataFormatException(file, "camera " + f + ": field 'name' missing");
            }
            if (seen.put(name, i) != null) {
                throw new DataFormatException(file, "camera " + f + ": duplicate camera id '" + name + "'");
            }
            try {
                double[] k = nums(file, c.get("matrix"), f + ".matrix", 9);
                double[] size = nums(file, c.get("size"), f + ".size", 2);
                double[] dist = nums(file, c.get("distortions"), f + ".distortions", -1);
                double[] rvec = nums(file, c.get("rotation"), f + ".rotation", 3);
                double[] t = nums(file, c.get("translation"), f + ".translation", 3);
                cams.add(Camera.fromK(name, (int) size[0], (int) size[1], k, Distortion.opencv(dist), Camera.rodrigues(rvec), t));
            } catch (IllegalArgumentException e) {
                throw new DataFormatException(file, "camera " + f + ": " + e.getMessage(), e);
            }
        }
        return cams;
    }

    private static double[] nums(Path file, JsonNode n, String field, int count) throws DataFormatException {
        if (n == null || !n.isArray()) {
            throw new DataFormatException(file, "field '" + field + "': missing or not a list");
        }
        List<Double> v = new ArrayList<>();
        for (JsonNode x : n) {
            if (x.isArray()) {
                for (JsonNode y : x) {
                    v.add(num(file, y, field));
                }
            } else {
                v.add(num(file, x, field));
            }
        }
        if (count >= 0 && v.size() != count) {
            throw new DataFormatException(file, "field '" + field + "': expected " + count + " numbers, got " + v.size());
        }
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double num(Path file, JsonNode x, String field) throws DataFormatException {
        if (!x.isNumber() || !Double.isFinite(x.asDouble())) {
            throw new DataFormatException(file, "field '" + field + "': expected a finite number, got " + x);
        }
        return x.asDouble();
    }
}
