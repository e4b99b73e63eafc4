package org.physrec.datasets.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.physrec.datasets.DataFormatException;

/**
 * A list of evaluation sequences. Tables either list entries ({@code sequences:}) or describe a
 * protocol ({@code subjects}, {@code actions}, {@code sub_actions}, {@code camera}) that expands to
 * entries: each action as "X" and "X_1", ... (first and second recording).
 *
 * @param name      table name, e.g. "h36m-validation"
 * @param dataset   "h36m" or "aist++"
 * @param fps       evaluation frame rate, NaN if the table does not fix one
 * @param frameBase index of the first frame in the table's frame ranges (0 or 1)
 * @param entries   the sequences
 */
public record ValidationTable(String name, String dataset, double fps, int frameBase, List<Entry> entries) {

    /** Built-in tables. */
    public static final List<String> BUILT_IN = List.of("h36m-validation", "h36m-test", "aist-test");

    /**
     * One sequence of a table.
     *
     * @param sequence   action (Human3.6M, as the paper writes it) or video name (AIST++)
     * @param subject    Human3.6M subject, null for AIST++
     * @param camera     camera id to evaluate on, null for all / the video's view
     * @param setting    AIST++ camera setting, null for Human3.6M
     * @param firstFrame first frame (in the table's numbering), -1 for the whole sequence
     * @param lastFrame  last frame, inclusive, -1 for the whole sequence
     */
    public record Entry(String sequence, String subject, String camera, String setting, int firstFrame, int lastFrame) {

        /** "S9 Walking_1 cam 58860488 frames 400-599" style label. */
        public String label() {
            StringBuilder sb = new StringBuilder();
            if (subject != null) {
                sb.append(subject).append(' ');
            }
            sb.append(sequence);
            if (camera != null) {
                sb.append(" cam ").append(camera);
            }
            if (setting != null) {
                sb.append(" (").append(setting).append(')');
            }
            if (firstFrame >= 0) {
                sb.append(" frames ").append(firstFrame).append('-').append(lastFrame);
            }
            return sb.toString();
        }
    }

    /** A built-in table by name, or a YAML file by path. */
    public static ValidationTable load(String nameOrPath) throws IOException {
        Path p = Path.of(nameOrPath);
        if (Files.isRegularFile(p)) {
            return parse(p, Files.readAllBytes(p));
        }
        String res = "/org/physrec/datasets/validation/" + nameOrPath + ".yaml";
        try (InputStream in = ValidationTable.class.getResourceAsStream(res)) {
            if (in == null) {
                throw new IllegalArgumentException("table: unknown table '" + nameOrPath + "' (built-in: " + BUILT_IN
                        + ", or a path to a YAML file)");
            }
            return parse(Path.of(nameOrPath + ".yaml"), in.readAllBytes());
        }
    }

    static ValidationTable parse(Path file, byte[] yaml) throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        } catch (IOException e) {
            throw new DataFormatException(file, "not valid YAML: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new DataFormatException(file, "expected a YAML mapping");
        }
        String name = root.path("name").asText(file.getFileName().toString());
        String dataset = root.path("dataset").asText("");
        if (!dataset.equals("h36m") && !dataset.equals("aist++")) {
            throw new DataFormatException(file, "field 'dataset': expected h36m or aist++, got '" + dataset + "'");
        }
        double fps = root.has("fps") ? root.get("fps").asDouble() : Double.NaN;
        int base = root.path("frame_base").asInt(0);
        List<Entry> entries = new ArrayList<>();
        if (root.has("sequences")) {
            int i = 0;
            for (JsonNode e : root.get("sequences")) {
                String f = "sequences[" + i++ + "]";
                String seq = e.path("sequence").asText(null);
                if (seq == null) {
                    throw new DataFormatException(file, "field '" + f + ".sequence': missing");
                }
                JsonNode fr = e.get("frames");
                int a = -1;
                int b = -1;
                if (fr != null) {
                    if (!fr.isArray() || fr.size() != 2 || fr.get(0).asInt() > fr.get(1).asInt() || fr.get(0).asInt() < base) {
                        throw new DataFormatException(file, "field '" + f + ".frames': expected [first, last] with "
                                + base + " <= first <= last, got " + fr);
                    }
                    a = fr.get(0).asInt();
                    b = fr.get(1).asInt();
                }
                entries.add(new Entry(seq, text(e, "subject"), text(e, "camera"), text(e, "setting"), a, b));
            }
        } else {
            int sub = root.path("sub_actions").asInt(1);
            String camera = text(root, "camera");
            for (JsonNode s : root.path("subjects")) {
                for (JsonNode a : root.path("actions")) {
                    for (int k = 0; k < sub; k++) {
                        entries.add(new Entry(a.asText() + (k == 0 ? "" : "_" + k), s.asText(), camera, null, -1, -1));
                    }
                }
            }
        }
        if (entries.isEmpty()) {
            throw new DataFormatException(file, "no sequences: give 'sequences' or 'subjects' + 'actions'");
        }
        return new ValidationTable(name, dataset, fps, base, List.copyOf(entries));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
