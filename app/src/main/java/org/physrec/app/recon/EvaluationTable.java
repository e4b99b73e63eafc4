package org.physrec.app.recon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.physrec.app.synth.SynthSettings;
import org.physrec.app.synth.Synthesizer;
import org.physrec.datasets.Sequence;
import org.physrec.datasets.io.PhysrecJson;

/**
 * The sequences of an evaluation: a named table over the real motion files of the data root
 * (ground truth turned into inputs by {@link Synthesizer} with the documented defaults), or a
 * folder of physrec JSON files used as they are.
 *
 * <ul>
 * <li>{@code motion-synth}: one camera's 2D keypoints + the noisy 3D estimate (the paper's setting)</li>
 * <li>{@code motion-synth-multiview}: every camera's 2D keypoints + the 3D estimate</li>
 * <li>{@code motion-synth-3d}: the 3D estimate alone</li>
 * </ul>
 *
 * @param name     table name (or "folder")
 * @param files    input files, sorted
 * @param synth    whether inputs are synthesized from ground truth
 * @param cameras  camera selection for {@link CameraSelection}
 * @param seed     synth seed (per-file seeds derive from it and the file name)
 */
public record EvaluationTable(String name, List<Path> files, boolean synth, String cameras, long seed) {

    public static final List<String> NAMES = List.of("motion-synth", "motion-synth-multiview", "motion-synth-3d");

    /**
     * @param root the data root holding {@code motion/index.json}
     * @throws IllegalArgumentException for an unknown table name
     */
    public static EvaluationTable named(String name, Path root, long seed) throws IOException {
        String cameras = switch (name) {
            case "motion-synth" -> "first";
            case "motion-synth-multiview" -> "all";
            case "motion-synth-3d" -> "none";
            default -> throw new IllegalArgumentException("unknown table '" + name + "'; known: " + String.join(", ", NAMES));
        };
        Path motion = root.resolve("motion");
        Path index = motion.resolve("index.json");
        if (!Files.isRegularFile(index)) {
            throw new IOException("table " + name + ": " + index + " not found (is --root the shared data folder?)");
        }
        List<Path> files = new ArrayList<>();
        for (JsonNode n : new ObjectMapper().readTree(index.toFile()).path("sequences")) {
            files.add(motion.resolve(n.path("file").asText()));
        }
        if (files.isEmpty()) {
            throw new IOException(index + ": field 'sequences' lists no files");
        }
        return new EvaluationTable(name, files, true, cameras, seed);
    }

    /** Every *.json file of a folder, used as is. */
    public static EvaluationTable folder(Path dir, String cameras) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("inputs: " + dir + " is not a folder");
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".json")
                    && !p.getFileName().toString().equals("index.json")).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new IOException("inputs: no .json files in " + dir);
        }
        return new EvaluationTable("folder", files, false, cameras, 0);
    }

    /** Loads file i and, for synth tables, synthesizes its inputs. */
    public Sequence load(int i) throws IOException {
        Path f = files.get(i);
        Sequence s = PhysrecJson.read(f);
        if (!synth) {
            return s;
        }
        long fileSeed = seed * 1_000_003L + f.getFileName().toString().hashCode();
        return Synthesizer.synthesize(s, SynthSettings.defaults(fileSeed));
    }

    /** A stable id for file i (its name without .json). */
    public String id(int i) {
        String n = files.get(i).getFileName().toString();
        return n.endsWith(".json") ? n.substring(0, n.length() - 5) : n;
    }
}
