package org.physrec.datasets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the shared sample data lives: {@code $PHYSREC_DATA}, else {@code ../shared/data} beside
 * the checkout (found from the {@code physrec.root} system property, {@code $PHYSREC_HOME}, or
 * the working directory and its parents).
 */
public final class DataRoot {

    private DataRoot() {
    }

    /** The data folder if it exists. */
    public static Optional<Path> find() {
        String env = System.getenv("PHYSREC_DATA");
        if (env != null && !env.isBlank()) {
            Path p = Path.of(env);
            return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
        }
        for (String start : new String[] {System.getProperty("physrec.root"), System.getenv("PHYSREC_HOME"),
                System.getProperty("user.dir")}) {
            if (start == null || start.isBlank()) {
                continue;
            }
            for (Path dir = Path.of(start).toAbsolutePath(); dir != null; dir = dir.getParent()) {
                Path candidate = dir.resolveSibling("shared").resolve("data");
                if (dir.resolve("pom.xml").toFile().isFile() && Files.isDirectory(candidate)) {
                    return Optional.of(candidate.normalize());
                }
            }
        }
        return Optional.empty();
    }

    /** The motion folder ({@code motion/}: H36M-17 ground truth with cameras) if present. */
    public static Optional<Path> motion() {
        return find().map(p -> p.resolve("motion")).filter(Files::isDirectory);
    }
}
