package org.physrec.datasets.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.physrec.datasets.DataFormatException;

/** Reads small JSON number arrays (camera matrices, vectors) into flat arrays, naming the field of any error. */
final class JsonArrays {

    private JsonArrays() {
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
