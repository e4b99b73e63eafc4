package org.physrec.app.recon;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.physrec.datasets.DataRoot;
import org.physrec.datasets.Sequence;
import org.physrec.datasets.io.PhysrecJson;

/** Loads the shared motion files for tests; skips the test when the data folder is absent. */
final class TestData {

    private TestData() {
    }

    static Sequence motion(String file) throws Exception {
        Optional<Path> dir = DataRoot.motion();
        assumeTrue(dir.isPresent(), "shared motion data not found");
        Path p = dir.get().resolve(file);
        assumeTrue(Files.isRegularFile(p), "missing " + p);
        return PhysrecJson.read(p);
    }

    static final String WALK = "cmu_131_01_start_walk_stop.json";
    static final String AIST = "aistpp_gBR_sBM_cAll_d04_mBR0_ch03.json";
}
