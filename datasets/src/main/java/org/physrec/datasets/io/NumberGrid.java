package org.physrec.datasets.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.physrec.datasets.DataFormatException;
import org.physrec.datasets.Skeleton;

/**
 * A (frames x joints x dim) block of numbers (dim 0: a (frames x joints) matrix), parsed
 * straight from a JSON stream without building a tree. {@code null} leaves become NaN. The first
 * non-finite number is remembered, not thrown, so the error can name the joint once the skeleton
 * is known ({@link #checkFinite}).
 */
final class NumberGrid {

    final String field;
    final int frames;
    final int joints;
    final int dim;
    /** (frames x joints x max(dim,1)), row-major. */
    final double[] data;
    private final int badIndex;

    NumberGrid(String field, int frames, int joints, int dim, double[] data, int badIndex) {
        this.field = field;
        this.frames = frames;
        this.joints = joints;
        this.dim = dim;
        this.data = data;
        this.badIndex = badIndex;
    }

    /** Values per (frame, joint) cell. */
    int width() {
        return Math.max(dim, 1);
    }

    /**
     * Parses the array at the parser's current token (START_ARRAY).
     *
     * @param dim 2 or 3 for point leaves ({@code [x, y(, z)]} or null), 0 for number leaves
     */
    static NumberGrid parse(JsonParser p, Path file, String field, int dim) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw new DataFormatException(file, "field '" + field + "': expected an array of frames, got " + p.currentToken());
        }
        int w = Math.max(dim, 1);
        double[] buf = new double[1 << 12];
        int n = 0;
        int frames = 0;
        int joints = -1;
        int bad = -1;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t != JsonToken.START_ARRAY) {
                throw new DataFormatException(file, DataFormatException.at(field, frames, -1, null)
                        + ": expected an array of joints, got " + t + location(p));
            }
            int j = 0;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (n + w > buf.length) {
                    buf = Arrays.copyOf(buf, buf.length * 2);
                }
                if (dim == 0) {
                    if (!t.isNumeric()) {
                        throw new DataFormatException(file, DataFormatException.at(field, frames, j, null)
                                + ": expected a number, got " + p.getText() + location(p));
                    }
                    double v = p.getDoubleValue();
                    if (!Double.isFinite(v) && bad < 0) {
                        bad = n;
                    }
                    buf[n++] = v;
                } else if (t == JsonToken.VALUE_NULL) {
                    for (int d = 0; d < dim; d++) {
                        buf[n++] = Double.NaN;
                    }
                } else if (t == JsonToken.START_ARRAY) {
                    int d = 0;
                    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                        if (!t.isNumeric() || d >= dim) {
                            throw new DataFormatException(file, DataFormatException.at(field, frames, j, null) + ": expected "
                                    + dim + " numbers or null" + location(p));
                        }
                        double v = p.getDoubleValue();
                        if (!Double.isFinite(v) && bad < 0) {
                            bad = n + d;
                        }
                        buf[n + d++] = v;
                    }
                    if (d != dim) {
                        throw new DataFormatException(file, DataFormatException.at(field, frames, j, null) + ": expected "
                                + dim + " numbers or null, got " + d + location(p));
                    }
                    n += dim;
                } else {
                    throw new DataFormatException(file, DataFormatException.at(field, frames, j, null) + ": expected "
                            + dim + " numbers or null, got " + p.getText() + location(p));
                }
                j++;
            }
            if (joints >= 0 && j != joints) {
                throw new DataFormatException(file, DataFormatException.at(field, frames, -1, null) + ": expected " + joints
                        + " joints like frame 0, got " + j);
            }
            joints = j;
            frames++;
        }
        return new NumberGrid(field, frames, Math.max(joints, 0), dim, Arrays.copyOf(buf, n), bad);
    }

    private static String location(JsonParser p) {
        var l = p.currentLocation();
        return " (line " + l.getLineNr() + ", column " + l.getColumnNr() + ")";
    }

    /** Checks the joint count against the skeleton and the frame count against {@code frames} (if >= 0). */
    void checkShape(Path file, Skeleton sk, int expectedFrames) throws DataFormatException {
        if (frames > 0 && joints != sk.jointCount()) {
            throw new DataFormatException(file, DataFormatException.at(field, 0, -1, null) + ": expected " + sk.jointCount()
                    + " joints (" + sk.name() + "), got " + joints);
        }
        if (expectedFrames >= 0 && frames != expectedFrames) {
            throw new DataFormatException(file, "field '" + field + "': expected " + expectedFrames + " frames, got " + frames);
        }
    }

    /** Throws for the first non-finite number, naming frame and joint. */
    void checkFinite(Path file, Skeleton sk) throws DataFormatException {
        if (badIndex >= 0) {
            int cell = badIndex / width();
            throw new DataFormatException(file, DataFormatException.at(field, cell / joints, cell % joints, sk)
                    + ": value is " + data[badIndex] + (dim == 0 ? "" : " (write null for a missing joint)"));
        }
    }
}
