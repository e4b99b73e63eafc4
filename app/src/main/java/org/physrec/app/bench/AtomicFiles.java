package org.physrec.app.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * {@link org.physrec.app.export.AtomicFiles#writeString} for callers that cannot throw
 * {@link IOException}: the same temp-file-then-move write, failures rethrown unchecked.
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /** Writes {@code text} (UTF-8) to {@code file}, creating parent folders. */
    public static void writeString(Path file, String text) {
        try {
            org.physrec.app.export.AtomicFiles.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
