package org.physrec.datasets.h36m;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.physrec.datasets.Camera;
import org.physrec.datasets.Distortion;

/**
 * The public Human3.6M calibration of every subject and camera, shipped as a resource
 * ({@code h36m-cameras.json}, numbers from VideoPose3D {@code common/h36m_dataset.py}). Cameras use
 * the {@link Distortion.Model#VIDEOPOSE3D} distortion convention, world in mm, z up.
 */
public final class H36mCameras {

    /** Camera ids in the order of VideoPose3D's {@code positions_2d} lists. */
    public static final List<String> CAMERA_IDS = List.of("54138969", "55011271", "58860488", "60457274");

    private static final Map<String, List<Camera>> BY_SUBJECT = load();

    private H36mCameras() {
    }

    /** The 4 cameras of a subject (S1, S5, ..., S11), in {@link #CAMERA_IDS} order. */
    public static List<Camera> of(String subject) {
        List<Camera> cams = BY_SUBJECT.get(subject);
        if (cams == null) {
            throw new IllegalArgumentException("subject: unknown Human3.6M subject '" + subject + "' (known: "
                    + BY_SUBJECT.keySet() + ")");
        }
        return cams;
    }

    /** One camera of a subject by id (e.g. "60457274"). */
    public static Camera of(String subject, String cameraId) {
        for (Camera c : of(subject)) {
            if (c.name().equals(cameraId)) {
                return c;
            }
        }
        throw new IllegalArgumentException("camera: unknown Human3.6M camera id '" + cameraId + "' (known: " + CAMERA_IDS + ")");
    }

    /** Subjects with a full calibration: S1, S5, S6, S7, S8, S9, S11. */
    public static List<String> subjects() {
        return List.copyOf(BY_SUBJECT.keySet());
    }

    private static Map<String, List<Camera>> load() {
        try (InputStream in = H36mCameras.class.getResourceAsStream("h36m-cameras.json")) {
            if (in == null) {
                throw new IllegalStateException("resource h36m-cameras.json missing from the classpath");
            }
            JsonNode root = new ObjectMapper().readTree(in);
            Map<String, JsonNode> intr = new LinkedHashMap<>();
            root.get("intrinsics").forEach(n -> intr.put(n.get("id").asText(), n));
            Map<String, List<Camera>> out = new LinkedHashMap<>();
            root.get("extrinsics").fields().forEachRemaining(e -> {
                List<Camera> cams = new ArrayList<>();
                for (JsonNode ex : e.getValue()) {
                    if (!ex.has("orientation")) {
                        continue; // S2-S4: intrinsics only, no published extrinsics
                    }
                    JsonNode in0 = intr.get(ex.get("id").asText());
                    double[] f = vec(in0.get("focal_length"));
                    double[] c = vec(in0.get("center"));
                    double[] k = vec(in0.get("radial_distortion"));
                    double[] p = vec(in0.get("tangential_distortion"));
                    cams.add(Camera.fromOrientation(ex.get("id").asText(), in0.get("res_w").asInt(),
                            in0.get("res_h").asInt(), f[0], f[1], c[0], c[1],
                            new Distortion(Distortion.Model.VIDEOPOSE3D, k[0], k[1], k[2], p[0], p[1]),
                            vec(ex.get("orientation")), vec(ex.get("translation"))));
                }
                if (!cams.isEmpty()) {
                    out.put(e.getKey(), List.copyOf(cams));
                }
            });
            return Collections.unmodifiableMap(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double[] vec(JsonNode n) {
        double[] v = new double[n.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = n.get(i).asDouble();
        }
        return v;
    }
}
