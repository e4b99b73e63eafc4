package org.physrec.app.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.physrec.datasets.DataRoot;

/** Test helper: a real motion file of /work/shared/data/motion read with Jackson (until the datasets reader is wired). */
public record MotionClip(String name, double fps, int frames, List<String> jointNames, int[] parents, double[] joints) {

    public static final int J = 17;

    /** All motion files, or a skipped test when the data folder is absent. */
    public static List<Path> files() throws IOException {
        Optional<Path> dir = DataRoot.motion();
        Assumptions.assumeTrue(dir.isPresent(), "shared motion data folder absent");
        try (Stream<Path> s = Files.list(dir.get())) {
            return s.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .filter(p -> !p.getFileName().toString().equals("index.json")).sorted().toList();
        }
    }

    /** The clip whose file name starts with {@code prefix}. */
    public static MotionClip load(String prefix) throws IOException {
        for (Path p : files()) {
            if (p.getFileName().toString().startsWith(prefix)) {
                return read(p);
            }
        }
        throw new IllegalArgumentException("no motion file starting with " + prefix);
    }

    public static MotionClip read(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        JsonNode frames = root.get("joints");
        int t = frames.size();
        double[] joints = new double[t * J * 3];
        for (int f = 0; f < t; f++) {
            for (int j = 0; j < J; j++) {
                for (int c = 0; c < 3; c++) {
                    joints[(f * J + j) * 3 + c] = frames.get(f).get(j).get(c).asDouble();
                }
            }
        }
        List<String> names = new ArrayList<>();
        root.get("joint_names").forEach(n -> names.add(n.asText()));
        int[] parents = new int[J];
        for (int j = 0; j < J; j++) {
            parents[j] = root.get("parents").get(j).asInt();
        }
        return new MotionClip(root.get("name").asText(), root.get("fps").asDouble(), t, names, parents, joints);
    }

    /** First {@code n} frames of every {@code step}-th frame. */
    public MotionClip subsample(int step, int n) {
        int count = Math.min(n, (frames + step - 1) / step);
        double[] out = new double[count * J * 3];
        for (int f = 0; f < count; f++) {
            System.arraycopy(joints, f * step * J * 3, out, f * J * 3, J * 3);
        }
        return new MotionClip(name, fps / step, count, jointNames, parents, out);
    }
}
