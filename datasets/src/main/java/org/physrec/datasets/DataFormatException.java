package org.physrec.datasets;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file (or dataset folder) that cannot be read as a valid sequence. The message always starts
 * with the file and names the field and, where it applies, the frame and joint. Readers throw it
 * instead of returning partial data.
 */
public final class DataFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public DataFormatException(Path file, String message) {
        super(file + ": " + message);
        this.file = file;
    }

    public DataFormatException(Path file, String message, Throwable cause) {
        super(file + ": " + message, cause);
        this.file = file;
    }

    /** The offending file. */
    public Path file() {
        return file;
    }

    /** "field 'name' frame t joint j (jointName)": the location part of a message. */
    public static String at(String field, int frame, int joint, Skeleton skeleton) {
        StringBuilder sb = new StringBuilder("field '").append(field).append('\'');
        if (frame >= 0) {
            sb.append(" frame ").append(frame);
        }
        if (joint >= 0) {
            sb.append(" joint ").append(joint);
            if (skeleton != null && joint < skeleton.jointCount()) {
                sb.append(" (").append(skeleton.jointName(joint)).append(')');
            }
        }
        return sb.toString();
    }
}
