package org.physrec.datasets.h36m;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.physrec.datasets.Camera;
import org.physrec.datasets.DataFormatException;
import org.physrec.datasets.Sequence;
import org.physrec.datasets.Skeleton;
import org.physrec.datasets.UpAxis;
import uk.ac.bristol.star.cdf.CdfContent;
import uk.ac.bristol.star.cdf.CdfReader;
import uk.ac.bristol.star.cdf.Variable;

/**
 * Reads the original Human3.6M release: {@code <root>/S<n>/MyPoseFeatures/D3_Positions/<Action>.cdf}
 * (world 3D, 32 joints, mm, z up) and {@code D2_Positions/<Action>.<cameraId>.cdf} (pixels), through
 * the jcdf CDF reader. The CDF variable {@code Pose} holds the frames (cdflib shows it as
 * (1, N, 96) or (1, N, 64)); all its records are read and reshaped to (N, 32, 3|2). Sequences:
 * H36M-17, mm, z up, 50 FPS, the subject's 4 calibrated cameras, 2D keypoints (confidence 1) for
 * every camera with a D2 file.
 */
public final class H36mReleaseReader {

    private final Path root;

    /** @param root the folder holding S1, S5, ... */
    public H36mReleaseReader(Path root) {
        this.root = root;
    }

    /** Subject folders with a D3_Positions folder. */
    public List<String> subjects() throws IOException {
        if (!Files.isDirectory(root)) {
            throw new NoSuchFileException(root.toString());
        }
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(p -> p.getFileName().toString().matches("S\\d+"))
                    .filter(p -> Files.isDirectory(d3Dir(p)))
                    .map(p -> p.getFileName().toString())
                    .sorted(java.util.Comparator.comparingInt(x -> Integer.parseInt(x.substring(1)))).toList();
        }
    }

    /** Action file stems of a subject as spelled in the release (e.g. "Walking 1", "TakingPhoto"). */
    public List<String> actions(String subject) throws IOException {
        Path d3 = d3Dir(root.resolve(subject));
        if (!Files.isDirectory(d3)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(d3)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".cdf"))
                    .map(n -> n.substring(0, n.length() - 4)).sorted().toList();
        }
    }

    /** The release's file stem for a requested action (aliases and sub-action numbering resolved). */
    public java.util.Optional<String> resolve(String subject, String action) throws IOException {
        return H36mAction.resolve(action, actions(subject));
    }

    private static Path d3Dir(Path subjectDir) {
        return subjectDir.resolve("MyPoseFeatures").resolve("D3_Positions");
    }

    /** Loads one sequence with all 2D files that exist for it. */
    public Sequence load(String subject, String action) throws IOException {
        Path subjectDir = root.resolve(subject);
        String stem = resolve(subject, action).orElseThrow(() -> new NoSuchFileException(d3Dir(subjectDir).resolve(action
                + ".cdf").toString(), null, "no D3_Positions file for action '" + action + "' (has " + safeActions(subject) + ")"));
        Path d3 = d3Dir(subjectDir).resolve(stem + ".cdf");
        double[] p32 = readPose(d3, 3);
        int frames = p32.length / 96;
        if (frames == 0) {
            throw new DataFormatException(d3, "variable 'Pose': empty (0 frames)");
        }
        checkFinite(d3, p32, 3);
        List<Camera> cams;
        try {
            cams = H36mCameras.of(subject);
        } catch (IllegalArgumentException e) {
            throw new DataFormatException(d3, "subject '" + subject + "': no camera calibration (" + e.getMessage() + ")");
        }
        Sequence.Builder b = Sequence.builder(subject + "/" + stem, VideoPose3dReader.FPS, Skeleton.H36M_17, frames, UpAxis.Z)
                .groundTruth(H36mJoints.select17(p32, frames, 3)).metadata("format", "h36m-cdf")
                .metadata("subject", subject).metadata("action", stem);
        cams.forEach(b::camera);
        Path d2dir = subjectDir.resolve("MyPoseFeatures").resolve("D2_Positions");
        checkCameraIds(d2dir, stem, cams);
        Path lastFile = d3;
        for (Camera c : cams) {
            Path d2 = d2dir.resolve(stem + "." + c.name() + ".cdf");
            if (!Files.isRegularFile(d2)) {
                continue;
            }
            lastFile = d2;
            double[] u32 = readPose(d2, 2);
            if (u32.length / 64 != frames) {
                throw new DataFormatException(d2, "variable 'Pose': " + u32.length / 64 + " frames, but D3_Positions has " + frames);
            }
            checkFinite(d2, u32, 2);
            double[] conf = new double[frames * 17];
            java.util.Arrays.fill(conf, 1.0);
            b.keypoints2d(c.name(), H36mJoints.select17(u32, frames, 2), conf);
        }
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new DataFormatException(lastFile, e.getMessage(), e);
        }
    }

    private List<String> safeActions(String subject) {
        try {
            return actions(subject);
        } catch (IOException e) {
            return List.of();
        }
    }

    /** D2 files named after a camera id that is not one of the subject's calibrated cameras are an error. */
    private static void checkCameraIds(Path d2dir, String stem, List<Camera> cams) throws IOException {
        if (!Files.isDirectory(d2dir)) {
            return;
        }
        try (Stream<Path> s = Files.list(d2dir)) {
            for (Path p : s.toList()) {
                String n = p.getFileName().toString();
                if (n.startsWith(stem + ".") && n.endsWith(".cdf")) {
                    String id = n.substring(stem.length() + 1, n.length() - 4);
                    if (id.matches("\\d+") && cams.stream().noneMatch(c -> c.name().equals(id))) {
                        throw new DataFormatException(p, "unknown camera id '" + id + "' (Human3.6M cameras: "
                                + H36mCameras.CAMERA_IDS + ")");
                    }
                }
            }
        }
    }

    /**
     * All values of the {@code Pose} variable of a release CDF file.
     *
     * @param dim 3 for D3_Positions, 2 for D2_Positions
     * @return (N x 32 x dim), row major
     */
    public static double[] readPose(Path file, int dim) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString());
        }
        try {
            CdfContent content = new CdfContent(new CdfReader(file.toFile()));
            Variable pose = null;
            List<String> names = new ArrayList<>();
            for (Variable v : content.getVariables()) {
                names.add(v.getName());
                if (v.getName().equals("Pose")) {
                    pose = v;
                }
            }
            if (pose == null) {
                throw new DataFormatException(file, "variable 'Pose': missing (variables: " + names + ")");
            }
            int per = pose.getShaper().getRawItemCount();
            int recs = pose.getRecordCount();
            long total = (long) per * recs;
            int row = H36mJoints.RELEASE_JOINTS * dim;
            if (total % row != 0) {
                throw new DataFormatException(file, "variable 'Pose': " + total + " values (record shape "
                        + java.util.Arrays.toString(pose.getShaper().getDimSizes()) + " x " + recs + " records) is not a multiple of "
                        + row + " (32 joints x " + dim + ")");
            }
            double[] out = new double[(int) total];
            Object work = pose.createRawValueArray();
            for (int r = 0; r < recs; r++) {
                Object rec = pose.readShapedRecord(r, true, work);
                copy(file, rec, out, r * per, per);
            }
            return out;
        } catch (DataFormatException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new DataFormatException(file, "not a readable CDF file (truncated or corrupt?): " + e, e);
        }
    }

    private static void copy(Path file, Object rec, double[] out, int at, int n) throws DataFormatException {
        if (rec instanceof float[] f && f.length == n) {
            for (int i = 0; i < n; i++) {
                out[at + i] = f[i];
            }
        } else if (rec instanceof double[] d && d.length == n) {
            System.arraycopy(d, 0, out, at, n);
        } else {
            throw new DataFormatException(file, "variable 'Pose': expected float or double records of " + n + " values, got "
                    + (rec == null ? "none" : rec.getClass().getSimpleName()));
        }
    }

    private static void checkFinite(Path file, double[] p, int dim) throws DataFormatException {
        for (int i = 0; i < p.length; i++) {
            if (!Double.isFinite(p[i])) {
                int joint = (i / dim) % H36mJoints.RELEASE_JOINTS;
                throw new DataFormatException(file, "variable 'Pose' frame " + i / (dim * H36mJoints.RELEASE_JOINTS)
                        + " joint " + joint + " (of 32): value is " + p[i]);
            }
        }
    }
}
