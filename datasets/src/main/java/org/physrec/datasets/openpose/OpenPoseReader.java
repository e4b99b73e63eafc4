package org.physrec.datasets.openpose;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.physrec.datasets.Camera;
import org.physrec.datasets.DataFormatException;
import org.physrec.datasets.Sequence;
import org.physrec.datasets.Skeleton;
import org.physrec.datasets.UpAxis;

/**
 * Reads an OpenPose {@code --write_json} folder: files {@code <name>_<12-digit frame>_keypoints.json}
 * each holding {@code people[].pose_keypoints_2d} as flat (x, y, c) triples: 25 for BODY_25, 18 for
 * COCO. One person is kept per frame: the one with the largest summed confidence (OpenPose gives
 * no identity across frames without tracking). A frame without people and keypoints OpenPose
 * reports as (0, 0, 0) are missing (confidence 0). Frame numbers must be consecutive.
 */
public final class OpenPoseReader {

    private static final Pattern FILE = Pattern.compile("^(.*?)_?(\\d{12})_keypoints\\.json$");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Keypoints of one camera as read: skeleton, frame count, (T x J x 2) pixels (NaN where missing), (T x J) confidences. */
    public record Keypoints(Skeleton skeleton, int frames, double[] xy, double[] confidence, int framesWithoutPeople,
            int maxPeople) {
    }

    private OpenPoseReader() {
    }

    /** True if the folder holds OpenPose keypoint files. */
    public static boolean isOpenPoseFolder(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.anyMatch(p -> FILE.matcher(p.getFileName().toString()).matches());
        }
    }

    /** Reads all frames of a folder. */
    public static Keypoints readKeypoints(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new NoSuchFileException(dir.toString());
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> FILE.matcher(p.getFileName().toString()).matches()).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new DataFormatException(dir, "no OpenPose '*_keypoints.json' files: empty sequence");
        }
        long first = frameNumber(files.get(0));
        Skeleton sk = null;
        double[] xy = null;
        double[] conf = null;
        int empty = 0;
        int maxPeople = 0;
        for (int t = 0; t < files.size(); t++) {
            Path f = files.get(t);
            if (frameNumber(f) != first + t) {
                throw new DataFormatException(f, "frame number " + frameNumber(f) + " follows " + (first + t - 1)
                        + ": frames are missing from the folder");
            }
            JsonNode root;
            try {
                root = MAPPER.readTree(f.toFile());
            } catch (JsonProcessingException e) {
                throw new DataFormatException(f, "not valid JSON (truncated or corrupt?): " + e.getOriginalMessage(), e);
            }
            JsonNode people = root == null ? null : root.get("people");
            if (people == null || !people.isArray()) {
                throw new DataFormatException(f, "field 'people': missing or not a list");
            }
            maxPeople = Math.max(maxPeople, people.size());
            double[] best = null;
            double bestScore = -1;
            for (int p = 0; p < people.size(); p++) {
                JsonNode k = people.get(p).get("pose_keypoints_2d");
                String field = "people[" + p + "].pose_keypoints_2d";
                if (k == null || !k.isArray()) {
                    throw new DataFormatException(f, "field '" + field + "': missing");
                }
                Skeleton s = k.size() == 75 ? Skeleton.OPENPOSE_BODY_25 : k.size() == 54 ? Skeleton.OPENPOSE_COCO_18 : null;
                if (s == null) {
                    throw new DataFormatException(f, "field '" + field + "': " + k.size() + " values; expected 75 (BODY_25) or 54 (COCO)");
                }
                if (sk != null && s != sk) {
                    throw new DataFormatException(f, "field '" + field + "': " + s.name() + " keypoints after " + sk.name() + " frames");
                }
                sk = s;
                double[] v = new double[k.size()];
                double score = 0;
                for (int i = 0; i < v.length; i++) {
                    JsonNode n = k.get(i);
                    if (!n.isNumber() || !Double.isFinite(n.asDouble())) {
                        throw new DataFormatException(f, "field '" + field + "' joint " + i / 3 + " (" + s.jointName(i / 3)
                                + "): expected a finite number, got " + n);
                    }
                    v[i] = n.asDouble();
                    if (i % 3 == 2) {
                        if (v[i] < 0) {
                            throw new DataFormatException(f, "field '" + field + "' joint " + i / 3 + " (" + s.jointName(i / 3)
                                    + "): negative confidence " + v[i]);
                        }
                        score += v[i];
                    }
                }
                if (score > bestScore) {
                    bestScore = score;
                    best = v;
                }
            }
            if (people.isEmpty()) {
                empty++;
            }
            if (best == null) {
                continue; // nobody in this frame: stays missing (confidence 0)
            }
            if (xy == null) { // first person seen: the skeleton is known now
                xy = new double[files.size() * sk.jointCount() * 2];
                conf = new double[files.size() * sk.jointCount()];
                java.util.Arrays.fill(xy, Double.NaN);
            }
            int j = sk.jointCount();
            for (int k = 0; k < j; k++) {
                double c = best[3 * k + 2];
                xy[(t * j + k) * 2] = c == 0 ? Double.NaN : best[3 * k];
                xy[(t * j + k) * 2 + 1] = c == 0 ? Double.NaN : best[3 * k + 1];
                conf[t * j + k] = c;
            }
        }
        if (sk == null) {
            throw new DataFormatException(dir, "no person detected in any of " + files.size() + " frames");
        }
        return new Keypoints(sk, files.size(), xy, conf, empty, maxPeople);
    }

    /**
     * Reads a folder as a sequence seen by {@code camera} (OpenPose has no calibration: the caller
     * supplies it) at {@code fps}, in OpenPose's own skeleton. The world up axis is that of the camera's world.
     */
    public static Sequence read(Path dir, double fps, Camera camera, UpAxis upAxis) throws IOException {
        if (camera == null) {
            throw new IllegalArgumentException("camera: OpenPose output has no calibration; a camera is required");
        }
        Keypoints k = readKeypoints(dir);
        try {
            return Sequence.builder(dir.getFileName().toString(), fps, k.skeleton(), k.frames(), upAxis).camera(camera)
                    .keypoints2d(camera.name(), k.xy(), k.confidence()).metadata("format", "openpose")
                    .metadata("folder", dir.toString()).build();
        } catch (IllegalArgumentException e) {
            throw new DataFormatException(dir, e.getMessage(), e);
        }
    }

    private static long frameNumber(Path f) {
        Matcher m = FILE.matcher(f.getFileName().toString());
        if (!m.matches()) {
            throw new IllegalStateException(f.toString());
        }
        return Long.parseLong(m.group(2));
    }
}
