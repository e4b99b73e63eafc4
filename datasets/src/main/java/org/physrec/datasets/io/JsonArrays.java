package org.physrec.datasets.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.physrec.datasets.DataFormatException;
import org.physrec.datasets.Skeleton;

/** Reads nested JSON number arrays of a known shape into flat arrays, naming the place of any error. */
final class JsonArrays {

    private JsonArrays() {
    }

    /**
     * Reads a (T x J x D) array whose (J x D) leaves may be {@code null} (missing: NaN).
     *
     * @return flat (T x J x D)
     */
    static double[] points(Path file, JsonNode node, String field, int frames, Skeleton sk, int dim) throws DataFormatException {
        int joints = sk.jointCount();
        if (node == null || !node.isArray()) {
            throw new DataFormatException(file, "field '" + field + "': expected an array of frames");
        }
        if (frames >= 0 && node.size() != frames) {
            throw new DataFormatException(file, "field '" + field + "': expected " + frames + " frames, got " + node.size());
        }
        int n = node.size();
        double[] out = new double[n * joints * dim];
        for (int t = 0; t < n; t++) {
            JsonNode frame = node.get(t);
            if (!frame.isArray() || frame.size() != joints) {
                throw new DataFormatException(file, DataFormatException.at(field, t, -1, null) + ": expected " + joints
                        + " joints (" + sk.name() + "), got " + (frame.isArray() ? frame.size() : frame.getNodeType()));
            }
            for (int j = 0; j < joints; j++) {
                JsonNode p = frame.get(j);
                int o = (t * joints + j) * dim;
                if (p.isNull()) {
                    for (int d = 0; d < dim; d++) {
                        out[o + d] = Double.NaN;
                    }
                    continue;
                }
                if (!p.isArray() || p.size() != dim) {
                    throw new DataFormatException(file, DataFormatException.at(field, t, j, sk) + ": expected " + dim
                            + " numbers or null, got " + p);
                }
                for (int d = 0; d < dim; d++) {
                    out[o + d] = number(file, p.get(d), DataFormatException.at(field, t, j, sk));
                }
            }
        }
        return out;
    }

    /** Reads a (T x J) array of numbers. */
    static double[] matrix(Path file, JsonNode node, String field, int frames, Skeleton sk) throws DataFormatException {
        int joints = sk.jointCount();
        if (node == null || !node.isArray() || node.size() != frames) {
            throw new DataFormatException(file, "field '" + field + "': expected an array of " + frames + " frames, got "
                    + (node == null ? "nothing" : node.isArray() ? node.size() + " frames" : node.getNodeType()));
        }
        double[] out = new double[frames * joints];
        for (int t = 0; t < frames; t++) {
            JsonNode frame = node.get(t);
            if (!frame.isArray() || frame.size() != joints) {
                throw new DataFormatException(file, DataFormatException.at(field, t, -1, null) + ": expected " + joints
                        + " values, got " + (frame.isArray() ? frame.size() : frame.getNodeType()));
            }
            for (int j = 0; j < joints; j++) {
                out[t * joints + j] = number(file, frame.get(j), DataFormatException.at(field, t, j, sk));
            }
        }
        return out;
    }

    /** A flat vector of exactly {@code n} numbers (or a nested n1 x n2 matrix when {@code cols > 0}). */
    static double[] vector(Path file, JsonNode node, String field, int rows, int cols) throws DataFormatException {
        if (node == null || node.isMissingNode() || node.isNull()) {
            throw new DataFormatException(file, "field '" + field + "': missing");
        }
        if (!node.isArray() || node.size() != rows) {
            throw new DataFormatException(file, "field '" + field + "': expected " + rows + (cols > 0 ? "x" + cols : "")
                    + " numbers, got " + node);
        }
        double[] out = new double[rows * Math.max(cols, 1)];
        for (int i = 0; i < rows; i++) {
            if (cols > 0) {
                JsonNode row = node.get(i);
                if (!row.isArray() || row.size() != cols) {
                    throw new DataFormatException(file, "field '" + field + "' row " + i + ": expected " + cols + " numbers, got " + row);
                }
                for (int k = 0; k < cols; k++) {
                    out[i * cols + k] = number(file, row.get(k), "field '" + field + "'");
                }
            } else {
                out[i] = number(file, node.get(i), "field '" + field + "'");
            }
        }
        return out;
    }

    static double number(Path file, JsonNode v, String where) throws DataFormatException {
        if (v == null || !v.isNumber()) {
            throw new DataFormatException(file, where + ": expected a number, got " + (v == null ? "nothing" : v));
        }
        double d = v.asDouble();
        if (!Double.isFinite(d)) {
            throw new DataFormatException(file, where + ": value is " + d + " (write null for a missing joint)");
        }
        return d;
    }
}
