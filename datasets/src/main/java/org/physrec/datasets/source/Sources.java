package org.physrec.datasets.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.physrec.datasets.DataFormatException;
import org.physrec.datasets.Sequence;
import org.physrec.datasets.aist.AistppReader;
import org.physrec.datasets.h36m.H36mReleaseReader;
import org.physrec.datasets.h36m.VideoPose3dReader;
import org.physrec.datasets.io.PhysrecCsv;
import org.physrec.datasets.io.PhysrecJson;
import org.physrec.datasets.openpose.OpenPoseReader;

/** Recognises inputs by their layout and opens them. */
public final class Sources {

    private Sources() {
    }

    /**
     * Opens a file or folder:
     * <ul>
     * <li>{@code *.json} physrec JSON; {@code *.csv} physrec CSV;</li>
     * <li>{@code *.npz} VideoPose3D 3D file (with the 2D file from the options or beside it);</li>
     * <li>a folder with {@code S*}/MyPoseFeatures: Human3.6M release;</li>
     * <li>a folder with keypoints3d/ or keypoints2d/ and cameras/: AIST++;</li>
     * <li>a folder of {@code *_keypoints.json}: OpenPose (needs fps and camera to load).</li>
     * </ul>
     */
    public static SequenceSource open(Path path, SourceOptions options) throws IOException {
        if (!Files.exists(path)) {
            throw new NoSuchFileException(path.toString());
        }
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (Files.isRegularFile(path)) {
            if (name.endsWith(".json")) {
                return single("physrec-json", path, () -> PhysrecJson.read(path));
            }
            if (name.endsWith(".csv")) {
                return single("physrec-csv", path, () -> PhysrecCsv.read(path));
            }
            if (name.endsWith(".npz")) {
                return videoPose3d(path, options);
            }
            throw new DataFormatException(path, "unknown file type (physrec reads .json, .csv, VideoPose3D .npz and dataset folders)");
        }
        if (Files.isDirectory(path.resolve("keypoints3d")) || Files.isDirectory(path.resolve("keypoints2d"))) {
            return aist(path, options);
        }
        try (Stream<Path> s = Files.list(path)) {
            if (s.anyMatch(p -> p.getFileName().toString().matches("S\\d+") && Files.isDirectory(p.resolve("MyPoseFeatures")))) {
                return h36m(path);
            }
        }
        if (Files.isRegularFile(path.resolve("data_3d_h36m.npz"))) {
            return videoPose3d(path.resolve("data_3d_h36m.npz"), options);
        }
        if (OpenPoseReader.isOpenPoseFolder(path)) {
            return openPose(path, options);
        }
        throw new DataFormatException(path, "folder not recognised as Human3.6M (S*/MyPoseFeatures), VideoPose3D "
                + "(data_3d_h36m.npz), AIST++ (keypoints3d/, cameras/) or OpenPose (*_keypoints.json)");
    }

    /** A loader of one sequence. */
    @FunctionalInterface
    private interface Loader {
        Sequence load() throws IOException;
    }

    private static SequenceSource single(String format, Path path, Loader loader) {
        String id = stem(path);
        return new SequenceSource() {
            @Override
            public String format() {
                return format;
            }

            @Override
            public Path path() {
                return path;
            }

            @Override
            public List<String> ids() {
                return List.of(id);
            }

            @Override
            public Sequence load(String want) throws IOException {
                if (!want.equals(id)) {
                    throw new IllegalArgumentException("sequence: '" + want + "' not in " + path + " (has " + id + ")");
                }
                return loader.load();
            }
        };
    }

    private static SequenceSource videoPose3d(Path data3d, SourceOptions o) throws IOException {
        Path d2 = o.data2d();
        if (d2 == null) {
            Path beside = data3d.resolveSibling("data_2d_h36m_gt.npz");
            d2 = Files.isRegularFile(beside) ? beside : null;
        }
        VideoPose3dReader r = VideoPose3dReader.open(data3d, d2);
        return new SequenceSource() {
            @Override
            public String format() {
                return "videopose3d";
            }

            @Override
            public Path path() {
                return data3d;
            }

            @Override
            public List<String> ids() {
                return r.subjects().stream().flatMap(s -> r.actions(s).stream().map(a -> s + "/" + a)).toList();
            }

            @Override
            public Sequence load(String id) throws IOException {
                String[] sa = splitId(id);
                return r.load(sa[0], sa[1]);
            }
        };
    }

    private static SequenceSource h36m(Path root) {
        H36mReleaseReader r = new H36mReleaseReader(root);
        return new SequenceSource() {
            @Override
            public String format() {
                return "h36m-cdf";
            }

            @Override
            public Path path() {
                return root;
            }

            @Override
            public List<String> ids() throws IOException {
                java.util.List<String> out = new java.util.ArrayList<>();
                for (String s : r.subjects()) {
                    for (String a : r.actions(s)) {
                        out.add(s + "/" + a);
                    }
                }
                return out;
            }

            @Override
            public Sequence load(String id) throws IOException {
                String[] sa = splitId(id);
                return r.load(sa[0], sa[1]);
            }
        };
    }

    private static SequenceSource aist(Path root, SourceOptions o) {
        AistppReader r = new AistppReader(root);
        return new SequenceSource() {
            @Override
            public String format() {
                return "aist++";
            }

            @Override
            public Path path() {
                return root;
            }

            @Override
            public List<String> ids() throws IOException {
                return r.sequences();
            }

            @Override
            public Sequence load(String id) throws IOException {
                return o.aistSetting() != null ? r.load(id, o.aistSetting()) : r.load(id);
            }
        };
    }

    private static SequenceSource openPose(Path dir, SourceOptions o) {
        return single("openpose", dir, () -> {
            if (o.camera() == null || !(o.fps() > 0)) {
                throw new DataFormatException(dir, "OpenPose output has no frame rate and no calibration: give fps (> 0) and a camera");
            }
            return OpenPoseReader.read(dir, o.fps(), o.camera(), o.upAxis());
        });
    }

    private static String[] splitId(String id) {
        int slash = id.indexOf('/');
        if (slash <= 0) {
            throw new IllegalArgumentException("sequence: expected SUBJECT/ACTION (e.g. S9/Walking 1), got '" + id + "'");
        }
        return new String[] {id.substring(0, slash), id.substring(slash + 1)};
    }

    private static String stem(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 && Files.isRegularFile(p) ? n.substring(0, dot) : n;
    }
}
