package org.physrec.datasets.h36m;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.physrec.datasets.Camera;
import org.physrec.datasets.DataFormatException;
import org.physrec.datasets.JointMap;
import org.physrec.datasets.Sequence;
import org.physrec.datasets.Skeleton;
import org.physrec.datasets.UpAxis;
import org.physrec.datasets.numpy.NdArray;
import org.physrec.datasets.numpy.Npy;

/**
 * Reads VideoPose3D's Human3.6M files: {@code data_3d_h36m.npz} ({@code positions_3d}: pickled
 * {subject: {action: float32 (N, 32, 3)}}, metres, world, 50 Hz) and {@code data_2d_h36m_*.npz}
 * ({@code positions_2d}: {subject: {action: [4 x (N, 17, 2)]}} pixels, cameras in
 * {@link H36mCameras#CAMERA_IDS} order; {@code metadata} with {@code keypoints_symmetry}).
 * Sequences: H36M-17, mm, z up, 50 FPS, with the subject's 4 calibrated cameras. 2D files have no
 * confidences, so every 2D keypoint gets confidence 1; a 2D file in COCO order (detected by its
 * keypoint symmetry) is mapped to H36M-17 with Spine missing.
 */
public final class VideoPose3dReader {

    /** Human3.6M video / mocap rate. */
    public static final double FPS = 50.0;

    private static final List<List<Integer>> COCO_SYMMETRY = List.of(List.of(1, 3, 5, 7, 9, 11, 13, 15),
            List.of(2, 4, 6, 8, 10, 12, 14, 16));

    private final Path data3d;
    private final Map<String, Map<String, NdArray>> positions3d;
    private final Path data2d;
    private final Map<String, Map<String, List<NdArray>>> positions2d;
    private final Skeleton skeleton2d;

    private VideoPose3dReader(Path data3d, Map<String, Map<String, NdArray>> p3, Path data2d,
            Map<String, Map<String, List<NdArray>>> p2, Skeleton sk2) {
        this.data3d = data3d;
        this.positions3d = p3;
        this.data2d = data2d;
        this.positions2d = p2;
        this.skeleton2d = sk2;
    }

    /** Opens the 3D file and, if not null, a 2D file; both are read fully and checked here. */
    public static VideoPose3dReader open(Path data3d, Path data2d) throws IOException {
        Map<String, Object> npz = Npy.readNpz(data3d);
        Map<String, Map<String, NdArray>> p3 = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, Object>> s : dictOfDicts(data3d, npz.get("positions_3d"), "positions_3d").entrySet()) {
            Map<String, NdArray> actions = new LinkedHashMap<>();
            for (Map.Entry<String, Object> a : s.getValue().entrySet()) {
                String f = "positions_3d['" + s.getKey() + "']['" + a.getKey() + "']";
                if (!(a.getValue() instanceof NdArray arr) || !arr.hasShape(-1, H36mJoints.RELEASE_JOINTS, 3)) {
                    throw new DataFormatException(data3d, "field '" + f + "': expected a (frames, 32, 3) array, got "
                            + describe(a.getValue()));
                }
                checkFinite(data3d, f, arr, H36mJoints.RELEASE_JOINTS, 3);
                actions.put(a.getKey(), arr);
            }
            p3.put(s.getKey(), actions);
        }
        if (data2d == null) {
            return new VideoPose3dReader(data3d, p3, null, Map.of(), null);
        }
        Map<String, Object> npz2 = Npy.readNpz(data2d);
        Skeleton sk2 = skeleton2d(data2d, npz2.get("metadata"));
        Map<String, Map<String, List<NdArray>>> p2 = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, Object>> s : dictOfDicts(data2d, npz2.get("positions_2d"), "positions_2d").entrySet()) {
            Map<String, List<NdArray>> actions = new LinkedHashMap<>();
            for (Map.Entry<String, Object> a : s.getValue().entrySet()) {
                String f = "positions_2d['" + s.getKey() + "']['" + a.getKey() + "']";
                if (!(a.getValue() instanceof List<?> views) || views.size() != H36mCameras.CAMERA_IDS.size()) {
                    throw new DataFormatException(data2d, "field '" + f + "': expected a list of 4 camera arrays, got "
                            + describe(a.getValue()));
                }
                List<NdArray> arrays = new ArrayList<>();
                for (int v = 0; v < views.size(); v++) {
                    Object o = views.get(v);
                    String fv = f + "[" + v + "]";
                    if (!(o instanceof NdArray arr) || !(arr.hasShape(-1, 17, 2) || arr.hasShape(-1, 17, 3))) {
                        throw new DataFormatException(data2d, "field '" + fv + "': expected a (frames, 17, 2) array, got " + describe(o));
                    }
                    checkFinite(data2d, fv, arr, 17, arr.dim(2));
                    arrays.add(arr);
                }
                actions.put(a.getKey(), arrays);
            }
            p2.put(s.getKey(), actions);
        }
        return new VideoPose3dReader(data3d, p3, data2d, p2, sk2);
    }

    /** Subjects in the 3D file, in numeric order (S1, S5, ..., S9, S11): unpickled dicts lose their order. */
    public List<String> subjects() {
        return positions3d.keySet().stream().sorted(java.util.Comparator
                .comparingInt((String x) -> x.matches("S\\d+") ? Integer.parseInt(x.substring(1)) : Integer.MAX_VALUE)
                .thenComparing(x -> x)).toList();
    }

    /** Action keys of a subject, as spelled in the file. */
    public List<String> actions(String subject) {
        Map<String, NdArray> a = positions3d.get(subject);
        return a == null ? List.of() : a.keySet().stream().sorted().toList();
    }

    /** The file's key for a requested action (aliases and sub-action numbering resolved), if present. */
    public java.util.Optional<String> resolve(String subject, String action) {
        return H36mAction.resolve(action, actions(subject));
    }

    /** Loads one sequence: all 4 cameras, with 2D keypoints when a 2D file was opened. */
    public Sequence load(String subject, String action) throws IOException {
        Map<String, NdArray> acts = positions3d.get(subject);
        if (acts == null) {
            throw new DataFormatException(data3d, "field 'positions_3d': no subject '" + subject + "' (has " + subjects() + ")");
        }
        String key = resolve(subject, action).orElseThrow(() -> new DataFormatException(data3d, "field 'positions_3d['"
                + subject + "']': no action '" + action + "' (has " + acts.keySet() + ")"));
        NdArray a3 = acts.get(key);
        int frames = a3.dim(0);
        if (frames == 0) {
            throw new DataFormatException(data3d, "field 'positions_3d['" + subject + "']['" + key + "']': empty (0 frames)");
        }
        double[] gt = H36mJoints.select17(a3.data(), frames, 3);
        for (int i = 0; i < gt.length; i++) {
            gt[i] *= 1000; // metres -> mm
        }
        List<Camera> cams;
        try {
            cams = H36mCameras.of(subject);
        } catch (IllegalArgumentException e) {
            throw new DataFormatException(data3d, "subject '" + subject + "': no camera calibration (" + e.getMessage() + ")");
        }
        try {
            Sequence.Builder b = Sequence.builder(subject + "/" + key, FPS, Skeleton.H36M_17, frames, UpAxis.Z)
                    .groundTruth(gt).metadata("format", "videopose3d").metadata("subject", subject)
                    .metadata("action", key);
            cams.forEach(b::camera);
            if (data2d != null) {
                add2d(b, subject, key, frames, cams);
            }
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new DataFormatException(data2d != null ? data2d : data3d, subject + "/" + key + ": " + e.getMessage(), e);
        }
    }

    private void add2d(Sequence.Builder b, String subject, String key, int frames, List<Camera> cams) throws DataFormatException {
        Map<String, List<NdArray>> acts = positions2d.get(subject);
        List<NdArray> views = acts == null ? null : acts.get(key);
        if (views == null) {
            throw new DataFormatException(data2d, "field 'positions_2d': no entry for " + subject + " / " + key
                    + " that the 3D file has");
        }
        for (int v = 0; v < views.size(); v++) {
            NdArray a = views.get(v);
            if (a.dim(0) < frames) {
                throw new DataFormatException(data2d, "field 'positions_2d['" + subject + "']['" + key + "'][" + v + "]': "
                        + a.dim(0) + " frames, fewer than the " + frames + " mocap frames");
            }
            int dim = a.dim(2);
            double[] raw = a.data();
            double[] xy = new double[frames * 34];
            double[] conf = new double[frames * 17];
            for (int i = 0; i < frames * 17; i++) { // VideoPose3D trims longer 2D tracks to the mocap length
                xy[2 * i] = raw[dim * i];
                xy[2 * i + 1] = raw[dim * i + 1];
                conf[i] = dim == 3 ? raw[dim * i + 2] : 1.0;
            }
            if (skeleton2d == Skeleton.COCO_17) {
                xy = JointMap.COCO17_TO_H36M17.mapPoints(xy, frames, 2);
                conf = JointMap.COCO17_TO_H36M17.mapConfidences(conf, frames);
            }
            b.keypoints2d(cams.get(v).name(), xy, conf);
        }
    }

    private static Skeleton skeleton2d(Path file, Object metadata) throws DataFormatException {
        if (!(metadata instanceof Map<?, ?> m)) {
            return Skeleton.H36M_17; // older files carry no metadata; VideoPose3D's gt files are H36M-ordered
        }
        Object nj = m.get("num_joints");
        if (nj instanceof Number n && n.intValue() != 17) {
            throw new DataFormatException(file, "field 'metadata.num_joints': " + n + " joints, physrec reads 17-joint files");
        }
        Object sym = m.get("keypoints_symmetry");
        if (sym instanceof List<?> l && l.size() == 2) {
            List<List<Integer>> s = new ArrayList<>();
            for (Object side : l) {
                List<Integer> ints = new ArrayList<>();
                if (side instanceof List<?> sl) {
                    sl.forEach(x -> ints.add(((Number) x).intValue()));
                } else if (side instanceof NdArray arr) {
                    for (double d : arr.data()) {
                        ints.add((int) d);
                    }
                }
                s.add(ints);
            }
            if (s.equals(COCO_SYMMETRY)) {
                return Skeleton.COCO_17;
            }
        }
        return Skeleton.H36M_17;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> dictOfDicts(Path file, Object o, String field) throws DataFormatException {
        if (!(o instanceof Map<?, ?> m)) {
            throw new DataFormatException(file, "field '" + field + "': " + (o == null ? "missing" : "expected a pickled dict, got "
                    + describe(o)));
        }
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (!(e.getKey() instanceof String) || !(e.getValue() instanceof Map<?, ?>)) {
                throw new DataFormatException(file, "field '" + field + "': expected {subject: {action: ...}}, got key "
                        + e.getKey() + " -> " + describe(e.getValue()));
            }
        }
        return (Map<String, Map<String, Object>>) o;
    }

    private static void checkFinite(Path file, String field, NdArray a, int joints, int dim) throws DataFormatException {
        double[] d = a.data();
        for (int i = 0; i < d.length; i++) {
            if (!Double.isFinite(d[i])) {
                int jointIdx = (i / dim) % joints;
                throw new DataFormatException(file, DataFormatException.at(field, i / (dim * joints), jointIdx, null)
                        + ": value is " + d[i]);
            }
        }
    }

    static String describe(Object o) {
        if (o == null) {
            return "None";
        }
        if (o instanceof NdArray a) {
            return a.toString();
        }
        if (o instanceof List<?> l) {
            return "a list of " + l.size();
        }
        return o.getClass().getSimpleName();
    }
}
