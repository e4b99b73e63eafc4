package org.physrec.app.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.physrec.datasets.Sequence;
import org.physrec.datasets.io.PhysrecCsv;
import org.physrec.datasets.io.PhysrecJson;

/** Where and how the data commands write one sequence: a safe file name, CSV or JSON by the name's ending. */
final class SequenceFiles {

    private SequenceFiles() {
    }

    /** {@code id} with every run of characters other than letters, digits, '.', '_' and '-' replaced by '_'. */
    static String safeName(String id) {
        return id.replaceAll("[^A-Za-z0-9._-]+", "_");
    }

    /** Writes {@code seq} as physrec CSV when {@code file} ends in .csv (any case), else as physrec JSON. */
    static void write(Sequence seq, Path file) throws IOException {
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
            PhysrecCsv.write(seq, file);
        } else {
            PhysrecJson.write(seq, file);
        }
    }
}
