package org.physrec.datasets.source;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.physrec.datasets.Sequence;

/** A file or dataset folder holding one or more sequences. */
public interface SequenceSource {

    /** Format name: physrec-json, physrec-csv, h36m-cdf, videopose3d, aist++, openpose. */
    String format();

    /** Where it was opened from. */
    Path path();

    /** Sequence ids in a stable order (e.g. "S9/Walking 1", an AIST++ name, a file stem). */
    List<String> ids() throws IOException;

    /** Loads one sequence fully (never partially). */
    Sequence load(String id) throws IOException;
}
