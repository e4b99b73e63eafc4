package org.physrec.datasets.io;

import com.fasterxml.jackson.core.io.NumberInput;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.physrec.datasets.Camera;
import org.physrec.datasets.DataFormatException;
import org.physrec.datasets.Sequence;
import org.physrec.datasets.Skeleton;

/**
 * physrec's CSV sequence format (docs/DATA.md): {@code #} header lines with {@code key=value}
 * settings and one {@code camera=} JSON object per camera, then one row per frame and joint:
 * {@code frame,joint,gt_x,gt_y,gt_z,k3d_x,k3d_y,k3d_z,<cam>_u,<cam>_v,<cam>_c,...}. Column groups
 * appear only when the sequence has that data; an empty cell is a missing value.
 */
public final class PhysrecCsv {

    /** First line of every physrec CSV file. */
    public static final String MAGIC = "# physrec-sequence-csv 1";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PhysrecCsv() {
    }

    /** Writes atomically. */
    public static void write(Sequence seq, Path file) throws IOException {
        AtomicFiles.write(file, os -> {
            Writer w = new OutputStreamWriter(os, StandardCharsets.UTF_8);
            w.write(MAGIC + "\n");
            w.write("# name=" + seq.id().replace('\n', ' ') + "\n");
            w.write("# fps=" + seq.fps() + "\n");
            w.write("# skeleton=" + seq.skeleton().name() + "\n");
            w.write("# units=mm\n");
            w.write("# up_axis=" + seq.upAxis().id() + "\n");
            if (seq.startTime() != 0) {
                w.write("# start_time=" + seq.startTime() + "\n");
            }
            for (Camera c : seq.cameras()) {
                w.write("# camera=" + cameraJson(c) + "\n");
            }
            StringBuilder head = new StringBuilder("frame,joint");
            if (seq.hasGroundTruth()) {
                head.append(",gt_x,gt_y,gt_z");
            }
            if (seq.hasKeypoints3d()) {
                head.append(",k3d_x,k3d_y,k3d_z");
            }
            List<double[]> xy = new ArrayList<>();
            List<double[]> conf = new ArrayList<>();
            for (int c = 0; c < seq.cameras().size(); c++) {
                if (seq.hasKeypoints2d(c)) {
                    String n = seq.camera(c).name();
                    head.append(',').append(n).append("_u,").append(n).append("_v,").append(n).append("_c");
                    xy.add(seq.keypoints2d(c));
                    conf.add(seq.confidences2d(c));
                }
            }
            w.write(head.append('\n').toString());
            double[] gt = seq.hasGroundTruth() ? seq.groundTruth() : null;
            double[] k3 = seq.hasKeypoints3d() ? seq.keypoints3d() : null;
            int j = seq.jointCount();
            StringBuilder row = new StringBuilder(256);
            for (int t = 0; t < seq.frames(); t++) {
                for (int k = 0; k < j; k++) {
                    row.setLength(0);
                    row.append(t).append(',').append(k);
                    int i = t * j + k;
                    if (gt != null) {
                        cells(row, gt, 3 * i, 3);
                    }
                    if (k3 != null) {
                        cells(row, k3, 3 * i, 3);
                    }
                    for (int c = 0; c < xy.size(); c++) {
                        cells(row, xy.get(c), 2 * i, 2);
                        row.append(',').append(conf.get(c)[i]);
                    }
                    w.write(row.append('\n').toString());
                }
            }
            w.flush();
        });
    }

    private static void cells(StringBuilder row, double[] a, int at, int n) {
        for (int d = 0; d < n; d++) {
            row.append(',');
            if (!Double.isNaN(a[at + d])) {
                row.append(a[at + d]);
            }
        }
    }

    private static String cameraJson(Camera c) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("name", c.name()).put("width", c.width()).put("height", c.height());
        o.set("K", matrix(c.k()));
        o.put("distortion_model", c.distortion().model().id());
        ArrayNode d = o.putArray("dist");
        for (double v : c.distortion().asK1K2P1P2K3()) {
            d.add(v);
        }
        o.set("R", matrix(c.rotation()));
        ArrayNode t = o.putArray("t");
        for (double v : c.translation()) {
            t.add(v);
        }
        return o.toString();
    }

    private static ArrayNode matrix(double[] m) {
        ArrayNode a = MAPPER.createArrayNode();
        for (int i = 0; i < 3; i++) {
            a.addArray().add(m[3 * i]).add(m[3 * i + 1]).add(m[3 * i + 2]);
        }
        return a;
    }

    /**
     * Reads a physrec CSV by building the equivalent physrec JSON tree, so both formats share one
     * set of checks.
     */
    public static Sequence read(Path file) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode cams = root.putArray("cameras");
        int lineNo = 0;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = r.readLine();
            lineNo++;
            if (line == null || !line.trim().equals(MAGIC)) {
                throw new DataFormatException(file, "line 1: expected '" + MAGIC + "' (not a physrec CSV file)");
            }
            String header = null;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.startsWith("#")) {
                    String kv = line.substring(1).trim();
                    int eq = kv.indexOf('=');
                    if (eq < 0) {
                        continue;
                    }
                    String key = kv.substring(0, eq).trim();
                    String value = kv.substring(eq + 1).trim();
                    if (key.equals("camera")) {
                        try {
                            cams.add(MAPPER.readTree(value));
                        } catch (IOException e) {
                            throw new DataFormatException(file, "line " + lineNo + ": camera is not valid JSON: " + e.getMessage());
                        }
                    } else if (key.equals("fps") || key.equals("start_time")) {
                        try {
                            root.put(key, Double.parseDouble(value));
                        } catch (NumberFormatException e) {
                            throw new DataFormatException(file, "line " + lineNo + ": field '" + key + "': not a number: '" + value + "'");
                        }
                    } else {
                        root.put(key, value);
                    }
                } else {
                    header = line;
                    break;
                }
            }
            if (header == null) {
                throw new DataFormatException(file, "no column header line: empty sequence");
            }
            Skeleton sk;
            try {
                sk = Skeleton.named(root.path("skeleton").asText(""));
            } catch (IllegalArgumentException e) {
                throw new DataFormatException(file, "field 'skeleton': " + e.getMessage().replaceFirst("^skeleton: ", ""));
            }
            String[] cols = header.split(",", -1);
            Map<String, Integer> col = new LinkedHashMap<>();
            for (int i = 0; i < cols.length; i++) {
                col.put(cols[i].trim(), i);
            }
            if (!col.containsKey("frame") || !col.containsKey("joint")) {
                throw new DataFormatException(file, "line " + lineNo + ": header must start with frame,joint");
            }
            List<String> camNames = new ArrayList<>();
            for (String c : cols) {
                if (c.endsWith("_c") && col.containsKey(c.substring(0, c.length() - 2) + "_u")) {
                    camNames.add(c.substring(0, c.length() - 2));
                }
            }
            int j = sk.jointCount();
            List<double[]> rows = new ArrayList<>();
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                double[] v = parseRow(file, lineNo, line, cols);
                int expectFrame = rows.size() / j;
                int expectJoint = rows.size() % j;
                if (v[col.get("frame")] != expectFrame || v[col.get("joint")] != expectJoint) {
                    throw new DataFormatException(file, "line " + lineNo + ": expected frame " + expectFrame + " joint "
                            + expectJoint + " (rows in frame, joint order), got " + v[col.get("frame")] + ","
                            + v[col.get("joint")]);
                }
                rows.add(v);
            }
            if (rows.isEmpty()) {
                throw new DataFormatException(file, "no data rows: empty sequence");
            }
            if (rows.size() % j != 0) {
                throw new DataFormatException(file, "truncated: the last frame has " + rows.size() % j + " of " + j + " joints");
            }
            int frames = rows.size() / j;
            PhysrecJson.Parsed parsed = new PhysrecJson.Parsed(root);
            if (col.containsKey("gt_x")) {
                parsed.gt = grid("gt", rows, frames, j, col.get("gt_x"), 3);
            }
            if (col.containsKey("k3d_x")) {
                parsed.k3 = grid("k3d", rows, frames, j, col.get("k3d_x"), 3);
            }
            for (String c : camNames) {
                NumberGrid conf = grid(c + "_c", rows, frames, j, col.get(c + "_c"), 0);
                for (int i = 0; i < conf.data.length; i++) {
                    if (Double.isNaN(conf.data[i])) {
                        throw new DataFormatException(file, DataFormatException.at(c + "_c", i / j, i % j, sk)
                                + ": empty confidence (write 0 for a missing keypoint)");
                    }
                }
                parsed.k2.put(c, new NumberGrid[] {grid(c + "_uv", rows, frames, j, col.get(c + "_u"), 2), conf});
            }
            return PhysrecJson.build(file, parsed);
        }
    }

    /** Splits one data row and parses its cells (empty: NaN) without per-cell substrings for the split. */
    private static double[] parseRow(Path file, int lineNo, String line, String[] cols) throws DataFormatException {
        double[] v = new double[cols.length];
        int start = 0;
        for (int i = 0; i < cols.length; i++) {
            int end = line.indexOf(',', start);
            if ((end < 0) != (i == cols.length - 1)) {
                throw new DataFormatException(file, "line " + lineNo + ": " + (line.split(",", -1).length) + " cells, header has "
                        + cols.length);
            }
            if (end < 0) {
                end = line.length();
            }
            String s = line.substring(start, end).trim();
            start = end + 1;
            if (s.isEmpty()) {
                v[i] = Double.NaN;
                continue;
            }
            try {
                v[i] = NumberInput.parseDouble(s, true);
            } catch (NumberFormatException e) {
                throw new DataFormatException(file, "line " + lineNo + " column '" + cols[i] + "': not a number: '" + s + "'");
            }
            if (!Double.isFinite(v[i])) {
                throw new DataFormatException(file, "line " + lineNo + " column '" + cols[i] + "': value is " + s
                        + " (leave the cell empty for a missing value)");
            }
        }
        return v;
    }

    /** Columns {@code at .. at+dim-1} (one column when dim is 0) of all rows as a grid; a row with all cells empty is missing. */
    private static NumberGrid grid(String field, List<double[]> rows, int frames, int j, int at, int dim) {
        int w = Math.max(dim, 1);
        double[] out = new double[frames * j * w];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), at, out, i * w, w);
        }
        return new NumberGrid(field, frames, j, dim, out, -1);
    }
}
