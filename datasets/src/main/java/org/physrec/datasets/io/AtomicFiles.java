package org.physrec.datasets.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes files so that readers never see half-written output: the content goes to a temp file in
 * the target's folder, which is then moved over the target (atomically where the file system
 * allows). The result gets the permissions of a normal new file (0666 minus the umask, e.g. 0644),
 * not the owner-only 0600 of {@code Files.createTempFile}. A folder that cannot be created or
 * written gives an {@link IOException} naming it. physrec's one implementation for app and
 * datasets (optim, which depends on neither, keeps its own for its checkpoints).
 */
public final class AtomicFiles {

    /** Produces a file's content; may throw {@link IOException}. */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Produces a file given the path of a temp file to fill (for writers that need a path, e.g. FFmpeg). */
    @FunctionalInterface
    public interface PathBody {
        void writeTo(Path tempFile) throws IOException;
    }

    private AtomicFiles() {
    }

    /** Writes through a buffered stream given to {@code body}. */
    public static void write(Path file, Body body) throws IOException {
        Objects.requireNonNull(body, "body");
        writeViaPath(file, "", tmp -> {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                body.writeTo(out);
            }
        });
    }

    /** Writes {@code text} as UTF-8. */
    public static void writeString(Path file, String text) throws IOException {
        Objects.requireNonNull(text, "text");
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        write(file, out -> out.write(bytes));
    }

    /** {@link #writeString} for callers that cannot throw {@link IOException}: failures come as {@link UncheckedIOException}. */
    public static void writeStringUnchecked(Path file, String text) {
        try {
            writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Lets {@code body} fill a temp file (named with {@code suffix}, e.g. ".mp4" so that format
     * detection by extension works) and moves it over {@code file}; the temp file is removed on failure.
     */
    public static void writeViaPath(Path file, String suffix, PathBody body) throws IOException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(body, "body");
        Path abs = file.toAbsolutePath().normalize();
        Path dir = abs.getParent();
        if (Files.isDirectory(abs)) {
            throw new IOException("cannot write " + abs + ": it is a folder");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IOException("cannot create output folder " + dir + ": " + describe(e), e);
        }
        Path tmp = createTemp(dir, abs.getFileName().toString(), suffix);
        boolean moved = false;
        try {
            body.writeTo(tmp);
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /** A new empty file beside the target, created like any new file (umask permissions). */
    private static Path createTemp(Path dir, String name, String suffix) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path tmp = dir.resolve("." + name + "." + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36)
                    + ".tmp" + suffix);
            try {
                return Files.createFile(tmp);
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw e;
                }
            } catch (IOException e) {
                throw new IOException("output folder " + dir + " is not writable: " + describe(e), e);
            }
        }
    }

    private static String describe(IOException e) {
        return e.getClass().getSimpleName() + (e.getMessage() != null ? " (" + e.getMessage() + ")" : "");
    }
}
