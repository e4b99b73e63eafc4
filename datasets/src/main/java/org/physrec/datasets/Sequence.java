package org.physrec.datasets;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One motion sequence in physrec's common form. Immutable; accessors of arrays return copies.
 *
 * <ul>
 * <li>Units: world coordinates in <b>millimetres</b>; the up axis is stated by {@link #upAxis()}.</li>
 * <li>2D keypoints per camera: (T x J x 2) pixels plus (T x J) confidences. A missing or
 *     unobserved keypoint has confidence 0 and NaN pixels: it is never zero-filled as if seen.
 *     Consumers must mask with {@code confidence > 0}.</li>
 * <li>3D keypoints (a kinematic estimate) and ground truth: (T x J x 3); a missing joint is NaN in
 *     all three coordinates (e.g. a joint with no equivalent after a {@link JointMap}).</li>
 * </ul>
 * All arrays are row-major flat: index {@code (t*J + j)*D + d}.
 */
public final class Sequence {

    private final String id;
    private final double fps;
    private final Skeleton skeleton;
    private final UpAxis upAxis;
    private final int frames;
    private final double startTime;
    private final List<Camera> cameras;
    private final double[][] points2d;     // per camera (T x J x 2) or null
    private final double[][] confidence2d; // per camera (T x J) or null
    private final double[] keypoints3d;    // (T x J x 3) or null
    private final double[] groundTruth;    // (T x J x 3) or null
    private final Map<String, String> metadata;

    private Sequence(Builder b) {
        this.id = b.id;
        this.fps = b.fps;
        this.skeleton = b.skeleton;
        this.upAxis = b.upAxis;
        this.frames = b.frames;
        this.startTime = b.startTime;
        this.cameras = List.copyOf(b.cameras);
        this.points2d = b.points2d.toArray(new double[0][]);
        this.confidence2d = b.confidence2d.toArray(new double[0][]);
        this.keypoints3d = b.keypoints3d;
        this.groundTruth = b.groundTruth;
        this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(b.metadata));
    }

    /** Starts a sequence of {@code frames} frames; units are mm. */
    public static Builder builder(String id, double fps, Skeleton skeleton, int frames, UpAxis upAxis) {
        return new Builder(id, fps, skeleton, frames, upAxis);
    }

    /** A builder holding a copy of everything in this sequence. */
    public Builder toBuilder() {
        Builder b = new Builder(id, fps, skeleton, frames, upAxis).startTime(startTime);
        for (int c = 0; c < cameras.size(); c++) {
            b.camera(cameras.get(c));
            if (points2d[c] != null) {
                b.keypoints2d(cameras.get(c).name(), points2d[c], confidence2d[c]);
            }
        }
        if (keypoints3d != null) {
            b.keypoints3d(keypoints3d);
        }
        if (groundTruth != null) {
            b.groundTruth(groundTruth);
        }
        metadata.forEach(b::metadata);
        return b;
    }

    public String id() {
        return id;
    }

    public double fps() {
        return fps;
    }

    public Skeleton skeleton() {
        return skeleton;
    }

    public int jointCount() {
        return skeleton.jointCount();
    }

    public int frames() {
        return frames;
    }

    /** Always "mm". */
    public String units() {
        return "mm";
    }

    public UpAxis upAxis() {
        return upAxis;
    }

    /** Time of frame 0 in seconds from the start of the source recording. */
    public double startTime() {
        return startTime;
    }

    public List<Camera> cameras() {
        return cameras;
    }

    public Camera camera(int c) {
        return cameras.get(c);
    }

    /** Index of the camera with this name. */
    public int cameraIndex(String name) {
        for (int c = 0; c < cameras.size(); c++) {
            if (cameras.get(c).name().equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException("camera: unknown camera id '" + name + "' in sequence " + id + " (known: "
                + cameras.stream().map(Camera::name).toList() + ")");
    }

    /** Free-form source information (format, subject, action, file...). */
    public Map<String, String> metadata() {
        return metadata;
    }

    public boolean hasKeypoints2d(int camera) {
        return points2d[camera] != null;
    }

    /** True if any camera has 2D keypoints. */
    public boolean hasAnyKeypoints2d() {
        return Arrays.stream(points2d).anyMatch(p -> p != null);
    }

    /** (T x J x 2) pixels of one camera, NaN where missing (a copy). */
    public double[] keypoints2d(int camera) {
        return require2d(camera).clone();
    }

    /** (T x J) confidences of one camera, 0 where missing (a copy). */
    public double[] confidences2d(int camera) {
        require2d(camera);
        return confidence2d[camera].clone();
    }

    private double[] require2d(int camera) {
        if (points2d[camera] == null) {
            throw new IllegalStateException("sequence " + id + ": camera " + cameras.get(camera).name()
                    + " has no 2D keypoints");
        }
        return points2d[camera];
    }

    public boolean hasKeypoints3d() {
        return keypoints3d != null;
    }

    /** (T x J x 3) kinematic 3D estimate in mm, NaN joints missing (a copy). */
    public double[] keypoints3d() {
        if (keypoints3d == null) {
            throw new IllegalStateException("sequence " + id + " has no 3D keypoints");
        }
        return keypoints3d.clone();
    }

    public boolean hasGroundTruth() {
        return groundTruth != null;
    }

    /** (T x J x 3) ground-truth joint positions in mm, NaN joints missing (a copy). */
    public double[] groundTruth() {
        if (groundTruth == null) {
            throw new IllegalStateException("sequence " + id + " has no ground truth");
        }
        return groundTruth.clone();
    }

    /** One 2D coordinate without copying: {@code axis} 0 = u, 1 = v; NaN where missing. */
    public double keypoint2d(int camera, int frame, int joint, int axis) {
        return require2d(camera)[(frame * jointCount() + joint) * 2 + axis];
    }

    /** One 2D confidence without copying; 0 where missing. */
    public double confidence2d(int camera, int frame, int joint) {
        require2d(camera);
        return confidence2d[camera][frame * jointCount() + joint];
    }

    /** One ground-truth coordinate (mm) without copying; NaN for a missing joint. */
    public double groundTruth(int frame, int joint, int axis) {
        if (groundTruth == null) {
            throw new IllegalStateException("sequence " + id + " has no ground truth");
        }
        return groundTruth[(frame * jointCount() + joint) * 3 + axis];
    }

    /** One coordinate of the kinematic 3D estimate (mm) without copying; NaN for a missing joint. */
    public double keypoint3d(int frame, int joint, int axis) {
        if (keypoints3d == null) {
            throw new IllegalStateException("sequence " + id + " has no 3D keypoints");
        }
        return keypoints3d[(frame * jointCount() + joint) * 3 + axis];
    }

    /**
     * Copies frames {@code [from, from+count)} of one camera's 2D keypoints and confidences into
     * caller-owned buffers (no allocation): {@code xyOut} (count x J x 2) at {@code xyOff},
     * {@code confOut} (count x J) at {@code confOff}.
     */
    public void copyKeypoints2d(int camera, int from, int count, double[] xyOut, int xyOff, double[] confOut, int confOff) {
        double[] xy = require2d(camera);
        if (from < 0 || count < 0 || from + count > frames) {
            throw new IllegalArgumentException("frames [" + from + ", " + (from + count) + ") outside [0, " + frames + ")");
        }
        int j = jointCount();
        System.arraycopy(xy, from * j * 2, xyOut, xyOff, count * j * 2);
        System.arraycopy(confidence2d[camera], from * j, confOut, confOff, count * j);
    }

    /** Number of 2D keypoints with confidence 0 in camera {@code c}. */
    public int missing2d(int camera) {
        require2d(camera);
        int n = 0;
        for (double v : confidence2d[camera]) {
            if (v == 0) {
                n++;
            }
        }
        return n;
    }

    /** Number of missing joints (NaN) over all frames of a 3D array, or 0 if absent. */
    public static int missing3d(double[] points) {
        int n = 0;
        if (points != null) {
            for (int i = 0; i < points.length; i += 3) {
                if (Double.isNaN(points[i])) {
                    n++;
                }
            }
        }
        return n;
    }

    /** Frames {@code [start, start+length)} as a new sequence. */
    public Sequence window(int start, int length) {
        if (start < 0 || length <= 0 || start + length > frames) {
            throw new IllegalArgumentException("window: frames [" + start + ", " + (start + length) + ") outside [0, "
                    + frames + ") of sequence " + id);
        }
        int j = jointCount();
        Builder b = new Builder(id, fps, skeleton, length, upAxis).startTime(startTime + start / fps);
        for (int c = 0; c < cameras.size(); c++) {
            b.camera(cameras.get(c));
            if (points2d[c] != null) {
                b.keypoints2d(cameras.get(c).name(),
                        Arrays.copyOfRange(points2d[c], start * j * 2, (start + length) * j * 2),
                        Arrays.copyOfRange(confidence2d[c], start * j, (start + length) * j));
            }
        }
        if (keypoints3d != null) {
            b.keypoints3d(Arrays.copyOfRange(keypoints3d, start * j * 3, (start + length) * j * 3));
        }
        if (groundTruth != null) {
            b.groundTruth(Arrays.copyOfRange(groundTruth, start * j * 3, (start + length) * j * 3));
        }
        metadata.forEach(b::metadata);
        return b.build();
    }

    /**
     * Resamples to {@code targetFps}. When the source rate is an integer multiple of the target
     * (50 to 25), every k-th frame is taken, as the Human3.6M protocol does. Otherwise (AIST++ 60
     * to 25) frames are linearly interpolated at times i/targetFps; an interpolated keypoint is
     * missing if either neighbour is, and its confidence is interpolated too.
     */
    public Sequence resample(double targetFps) {
        if (!(targetFps > 0) || !Double.isFinite(targetFps)) {
            throw new IllegalArgumentException("fps: must be finite and > 0, got " + targetFps);
        }
        if (targetFps == fps) {
            return this;
        }
        double ratio = fps / targetFps;
        long step = Math.round(ratio);
        boolean decimate = step >= 1 && Math.abs(ratio - step) < 1e-9;
        int n = decimate ? (int) ((frames + step - 1) / step) : (int) Math.floor((frames - 1) / ratio + 1e-9) + 1;
        double[] src = new double[n];
        for (int i = 0; i < n; i++) {
            src[i] = decimate ? (double) i * step : i * ratio;
        }
        Builder b = new Builder(id, targetFps, skeleton, n, upAxis).startTime(startTime);
        for (int c = 0; c < cameras.size(); c++) {
            b.camera(cameras.get(c));
            if (points2d[c] != null) {
                b.keypoints2d(cameras.get(c).name(), interpolate(points2d[c], 2, confidence2d[c], src),
                        interpolateConfidence(confidence2d[c], src));
            }
        }
        if (keypoints3d != null) {
            b.keypoints3d(interpolate(keypoints3d, 3, null, src));
        }
        if (groundTruth != null) {
            b.groundTruth(interpolate(groundTruth, 3, null, src));
        }
        metadata.forEach(b::metadata);
        return b.build();
    }

    private double[] interpolate(double[] a, int dim, double[] conf, double[] src) {
        int j = jointCount();
        double[] out = new double[src.length * j * dim];
        for (int i = 0; i < src.length; i++) {
            int t0 = (int) Math.floor(src[i]);
            int t1 = Math.min(t0 + 1, frames - 1);
            double w = src[i] - t0;
            for (int k = 0; k < j; k++) {
                boolean missing = conf != null && (conf[t0 * j + k] == 0 || (w > 0 && conf[t1 * j + k] == 0));
                for (int d = 0; d < dim; d++) {
                    double v0 = a[(t0 * j + k) * dim + d];
                    double v = w == 0 ? v0 : (1 - w) * v0 + w * a[(t1 * j + k) * dim + d];
                    out[(i * j + k) * dim + d] = missing ? Double.NaN : v;
                }
            }
        }
        return out;
    }

    private double[] interpolateConfidence(double[] conf, double[] src) {
        int j = jointCount();
        double[] out = new double[src.length * j];
        for (int i = 0; i < src.length; i++) {
            int t0 = (int) Math.floor(src[i]);
            int t1 = Math.min(t0 + 1, frames - 1);
            double w = src[i] - t0;
            for (int k = 0; k < j; k++) {
                double c0 = conf[t0 * j + k];
                double c1 = conf[t1 * j + k];
                out[i * j + k] = w == 0 ? c0 : (c0 == 0 || c1 == 0 ? 0 : (1 - w) * c0 + w * c1);
            }
        }
        return out;
    }

    /**
     * The same sequence in a z-up world: 3D keypoints, ground truth and camera extrinsics rotated
     * by {@link UpAxis#toZUp()} (pixels are unchanged: the cameras see the same scene). Returns
     * this sequence if it is z-up already.
     */
    public Sequence toZUp() {
        if (upAxis == UpAxis.Z) {
            return this;
        }
        double[] a = upAxis.toZUp();
        Builder b = new Builder(id, fps, skeleton, frames, UpAxis.Z).startTime(startTime);
        for (int c = 0; c < cameras.size(); c++) {
            b.camera(cameras.get(c).inWorld(a, 1));
            if (points2d[c] != null) {
                b.keypoints2d(cameras.get(c).name(), points2d[c], confidence2d[c]);
            }
        }
        if (keypoints3d != null) {
            b.keypoints3d(rotate(a, keypoints3d));
        }
        if (groundTruth != null) {
            b.groundTruth(rotate(a, groundTruth));
        }
        metadata.forEach(b::metadata);
        return b.build();
    }

    /** {@code a·p} for every point of (N x 3) {@code points}; NaN stays NaN. */
    private static double[] rotate(double[] a, double[] points) {
        double[] out = new double[points.length];
        for (int i = 0; i < points.length; i += 3) {
            for (int r = 0; r < 3; r++) {
                out[i + r] = a[3 * r] * points[i] + a[3 * r + 1] * points[i + 1] + a[3 * r + 2] * points[i + 2];
            }
        }
        return out;
    }

    /** The same sequence on another skeleton; joints without an equivalent become missing. */
    public Sequence mapJoints(JointMap map) {
        if (map.source() != skeleton) {
            throw new IllegalArgumentException("map: maps from " + map.source().name() + " but sequence " + id
                    + " uses " + skeleton.name());
        }
        Builder b = new Builder(id, fps, map.target(), frames, upAxis).startTime(startTime);
        for (int c = 0; c < cameras.size(); c++) {
            b.camera(cameras.get(c));
            if (points2d[c] != null) {
                b.keypoints2d(cameras.get(c).name(), map.mapPoints(points2d[c], frames, 2),
                        map.mapConfidences(confidence2d[c], frames));
            }
        }
        if (keypoints3d != null) {
            b.keypoints3d(map.mapPoints(keypoints3d, frames, 3));
        }
        if (groundTruth != null) {
            b.groundTruth(map.mapPoints(groundTruth, frames, 3));
        }
        metadata.forEach(b::metadata);
        return b.build();
    }

    @Override
    public String toString() {
        return "Sequence[" + id + ", " + frames + " frames @ " + fps + " fps, " + skeleton + ", " + cameras.size()
                + " cameras, 2D=" + hasAnyKeypoints2d() + ", 3D=" + hasKeypoints3d() + ", GT=" + hasGroundTruth()
                + ", mm, " + upAxis.id() + "-up]";
    }

    /**
     * Collects and validates a sequence. {@link #build()} checks every value and throws
     * {@link IllegalArgumentException} naming the field, frame and joint; readers add the file.
     */
    public static final class Builder {
        private final String id;
        private final double fps;
        private final Skeleton skeleton;
        private final int frames;
        private final UpAxis upAxis;
        private double startTime;
        private final List<Camera> cameras = new ArrayList<>();
        private final List<double[]> points2d = new ArrayList<>();
        private final List<double[]> confidence2d = new ArrayList<>();
        private double[] keypoints3d;
        private double[] groundTruth;
        private final Map<String, String> metadata = new LinkedHashMap<>();

        private Builder(String id, double fps, Skeleton skeleton, int frames, UpAxis upAxis) {
            if (id == null || id.isBlank()) {
                throw new IllegalArgumentException("id: must not be blank");
            }
            if (!(fps > 0) || !Double.isFinite(fps)) {
                throw new IllegalArgumentException("fps: must be finite and > 0, got " + fps);
            }
            if (skeleton == null) {
                throw new IllegalArgumentException("skeleton: must not be null");
            }
            if (frames <= 0) {
                throw new IllegalArgumentException("frames: sequence " + id + " is empty (" + frames + " frames)");
            }
            if (upAxis == null) {
                throw new IllegalArgumentException("up_axis: must be given");
            }
            this.id = id;
            this.fps = fps;
            this.skeleton = skeleton;
            this.frames = frames;
            this.upAxis = upAxis;
        }

        public Builder startTime(double seconds) {
            this.startTime = seconds;
            return this;
        }

        /** Adds a camera (names must be unique). */
        public Builder camera(Camera camera) {
            for (Camera c : cameras) {
                if (c.name().equals(camera.name())) {
                    throw new IllegalArgumentException("cameras: duplicate camera id '" + camera.name() + "'");
                }
            }
            cameras.add(camera);
            points2d.add(null);
            confidence2d.add(null);
            return this;
        }

        /**
         * 2D keypoints of an added camera.
         *
         * @param xy         (T x J x 2) pixels; entries with confidence 0 are ignored (stored as NaN)
         * @param confidence (T x J), finite and >= 0
         */
        public Builder keypoints2d(String cameraName, double[] xy, double[] confidence) {
            int c = -1;
            for (int i = 0; i < cameras.size(); i++) {
                if (cameras.get(i).name().equals(cameraName)) {
                    c = i;
                }
            }
            if (c < 0) {
                throw new IllegalArgumentException("keypoints2d: unknown camera id '" + cameraName + "' (cameras: "
                        + cameras.stream().map(Camera::name).toList() + ")");
            }
            points2d.set(c, xy.clone());
            confidence2d.set(c, confidence.clone());
            return this;
        }

        /** (T x J x 3) kinematic 3D estimate in mm. */
        public Builder keypoints3d(double[] points) {
            this.keypoints3d = points.clone();
            return this;
        }

        /** (T x J x 3) ground truth in mm. */
        public Builder groundTruth(double[] points) {
            this.groundTruth = points.clone();
            return this;
        }

        public Builder metadata(String key, String value) {
            metadata.put(key, value);
            return this;
        }

        /** Validates and builds. */
        public Sequence build() {
            int j = skeleton.jointCount();
            for (int c = 0; c < cameras.size(); c++) {
                if (points2d.get(c) != null) {
                    check2d("keypoints2d[" + cameras.get(c).name() + "]", points2d.get(c), confidence2d.get(c), j);
                }
            }
            check3d("keypoints3d", keypoints3d, j);
            check3d("ground_truth", groundTruth, j);
            if (points2d.stream().allMatch(p -> p == null) && keypoints3d == null && groundTruth == null) {
                throw new IllegalArgumentException("sequence " + id + ": holds no keypoints (no 2D, 3D or ground truth)");
            }
            double[] world = groundTruth != null ? groundTruth : keypoints3d;
            if (world != null) {
                for (Camera cam : cameras) {
                    checkInFront(cam, world, groundTruth != null ? "ground_truth" : "keypoints3d", j);
                }
            }
            return new Sequence(this);
        }

        private void check2d(String field, double[] xy, double[] conf, int j) {
            if (xy.length != frames * j * 2) {
                throw new IllegalArgumentException(field + ": expected shape (" + frames + ", " + j + ", 2) = "
                        + frames * j * 2 + " values, got " + xy.length);
            }
            if (conf.length != frames * j) {
                throw new IllegalArgumentException(field + " confidence: expected shape (" + frames + ", " + j + ") = "
                        + frames * j + " values, got " + conf.length);
            }
            for (int t = 0; t < frames; t++) {
                for (int k = 0; k < j; k++) {
                    int i = t * j + k;
                    double cv = conf[i];
                    if (!Double.isFinite(cv) || cv < 0) {
                        throw new IllegalArgumentException(DataFormatException.at(field + " confidence", t, k, skeleton)
                                + ": confidence must be finite and >= 0, got " + cv);
                    }
                    if (cv == 0) {
                        xy[2 * i] = Double.NaN;
                        xy[2 * i + 1] = Double.NaN;
                    } else if (!Double.isFinite(xy[2 * i]) || !Double.isFinite(xy[2 * i + 1])) {
                        throw new IllegalArgumentException(DataFormatException.at(field, t, k, skeleton)
                                + ": non-finite pixel (" + xy[2 * i] + ", " + xy[2 * i + 1] + ") with confidence " + cv
                                + " (mark missing keypoints with confidence 0)");
                    }
                }
            }
        }

        private void check3d(String field, double[] p, int j) {
            if (p == null) {
                return;
            }
            if (p.length != frames * j * 3) {
                throw new IllegalArgumentException(field + ": expected shape (" + frames + ", " + j + ", 3) = "
                        + frames * j * 3 + " values, got " + p.length);
            }
            for (int t = 0; t < frames; t++) {
                for (int k = 0; k < j; k++) {
                    int i = 3 * (t * j + k);
                    int nan = (Double.isNaN(p[i]) ? 1 : 0) + (Double.isNaN(p[i + 1]) ? 1 : 0) + (Double.isNaN(p[i + 2]) ? 1 : 0);
                    boolean inf = Double.isInfinite(p[i]) || Double.isInfinite(p[i + 1]) || Double.isInfinite(p[i + 2]);
                    if (inf || (nan != 0 && nan != 3)) {
                        throw new IllegalArgumentException(DataFormatException.at(field, t, k, skeleton) + ": invalid point ("
                                + p[i] + ", " + p[i + 1] + ", " + p[i + 2] + ") (a missing joint is NaN in all 3 coordinates)");
                    }
                }
            }
        }

        private void checkInFront(Camera cam, double[] p, String field, int j) {
            for (int t = 0; t < frames; t++) {
                for (int k = 0; k < j; k++) {
                    int i = 3 * (t * j + k);
                    if (Double.isNaN(p[i])) {
                        continue;
                    }
                    double z = cam.depth(p, i);
                    if (!(z > Camera.MIN_DEPTH)) {
                        throw new IllegalArgumentException("camera " + cam.name() + ": " + DataFormatException.at(field, t, k, skeleton)
                                + " is behind the camera (depth " + z + " mm); check R, t and units");
                    }
                }
            }
        }
    }
}
