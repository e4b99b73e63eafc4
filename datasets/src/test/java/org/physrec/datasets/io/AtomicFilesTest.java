package org.physrec.datasets.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path tmp;

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.toList();
        }
    }

    @Test
    void writtenFilesGetTheUmaskPermissionsOfANormalFile() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Path normal = Files.createFile(tmp.resolve("normal.txt"));
        Path atomic = tmp.resolve("out.txt");
        AtomicFiles.writeString(atomic, "hello");
        assertEquals(Files.getPosixFilePermissions(normal), Files.getPosixFilePermissions(atomic),
                "same as any new file (0666 minus umask), not owner-only 0600");
        assertTrue(Files.getPosixFilePermissions(atomic).contains(java.nio.file.attribute.PosixFilePermission.OWNER_READ));
    }

    @Test
    void replacesTheTargetAndLeavesNoTempFile() throws IOException {
        Path f = tmp.resolve("a.json");
        AtomicFiles.writeString(f, "one");
        AtomicFiles.write(f, out -> out.write("two".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals("two", Files.readString(f));
        assertEquals(List.of(f), files());
    }

    @Test
    void aFailingWriteKeepsTheOldFileAndRemovesItsTemp() throws IOException {
        Path f = tmp.resolve("keep.txt");
        AtomicFiles.writeString(f, "old");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(f, out -> {
            out.write(1);
            throw new IOException("disk full");
        }));
        assertEquals("disk full", e.getMessage());
        assertEquals("old", Files.readString(f));
        assertEquals(List.of(f), files());
    }

    @Test
    void aFolderInTheWayIsNamed() throws IOException {
        Path blocker = tmp.resolve("file");
        Files.writeString(blocker, "x");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.writeString(blocker.resolve("sub/out.txt"), "y"));
        assertTrue(e.getMessage().contains(blocker.resolve("sub").toString()), e.getMessage());
        assertThrows(java.io.UncheckedIOException.class, () -> AtomicFiles.writeStringUnchecked(tmp, "folder"));
    }
}
