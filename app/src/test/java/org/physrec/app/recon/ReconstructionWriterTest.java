package org.physrec.app.recon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.physrec.app.physics.ReplayInput;

/** The trajectory file carries what {@code physrec physics replay} needs to re-simulate it. */
class ReconstructionWriterTest {

    @Test
    void replayReadsTheSimulationsInitialVelocityAndResidualWrench(@TempDir Path tmp) throws Exception {
        ReconstructionInput in = ReconstructorPlumbingTest.input(12);
        ReconstructionSettings settings = ReconstructionSettings.DEFAULTS.withWindow(6, 2).withOptimizer("lbfgs", 2)
                .withSubsteps(7);
        Reconstruction rec = new Reconstructor(settings, m -> new TangentTestSimulation(m, 25, 5.0), s -> { })
                .run(in, new StageTimer());
        ReconstructionWriter.write(tmp, rec, null, settings, null, null, null);
        ReplayInput replay = ReplayInput.read(tmp.resolve("trajectory.json"), 1, 1.0);
        assertEquals(7, replay.substeps());
        assertEquals(rec.model().totalMass(), replay.totalMass(), 1e-12);
        assertEquals(rec.groundZmm(), replay.groundZmm(), 1e-12);
        assertArrayEquals(rec.v0(), replay.v0(), 0);
        assertArrayEquals(rec.residualWrench(), replay.residualWrench(), 0);
        assertArrayEquals(rec.boneLengths(), replay.boneLengths(), 0);
    }

    @Test
    void blendedTargetsMixInputAndReferenceAndFillMissingInput() {
        double[] input = {1, Double.NaN, 3};
        double[] reference = {2, 5, 4};
        assertArrayEquals(new double[] {1.25, 5, 3.25}, Reconstructor.blendTargets(input, reference, 0.25), 1e-15);
    }
}
