package org.physrec.app.recon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.physrec.datasets.DataFormatException;

class SettingsFileTest {

    @TempDir
    Path tmp;

    @Test
    void shippedDefaultConfigEqualsTheCodeDefaults() throws Exception {
        Path f = Path.of(System.getProperty("physrec.root", ".")).resolve("configs/recon/default.json");
        if (!Files.isRegularFile(f)) {
            f = Path.of("..", "configs", "recon", "default.json");
        }
        ReconstructionSettings s = SettingsFile.read(f);
        ReconstructionSettings d = ReconstructionSettings.DEFAULTS;
        assertEquals(d.weights(), s.weights());
        assertEquals(d.ik(), s.ik());
        assertEquals(d.window(), s.window());
        assertEquals(d.overlap(), s.overlap());
        assertEquals(d.optimizer(), s.optimizer());
        assertEquals(d.maxIterations(), s.maxIterations());
        assertEquals(d.kp(), s.kp());
        assertEquals(d.kd(), s.kd());
        assertEquals(d.substeps(), s.substeps());
        assertEquals(d.boneFit(), s.boneFit());
        assertTrue(Double.isNaN(s.groundZmm()));
    }

    @Test
    void unknownFieldAndBadValueAreNamed() throws Exception {
        Path f = tmp.resolve("c.json");
        Files.writeString(f, "{\"window\": 8, \"weights\": {\"w2\": 1}}");
        DataFormatException e = assertThrows(DataFormatException.class, () -> SettingsFile.read(f));
        assertTrue(e.getMessage().contains("weights.w2"), e.getMessage());
        Files.writeString(f, "{\"window\": 8, \"overlap\": 9}");
        e = assertThrows(DataFormatException.class, () -> SettingsFile.read(f));
        assertTrue(e.getMessage().contains("overlap"), e.getMessage());
        Files.writeString(f, "{\"window\": \"eight\"}");
        e = assertThrows(DataFormatException.class, () -> SettingsFile.read(f));
        assertTrue(e.getMessage().contains("'window'"), e.getMessage());
        Files.writeString(f, "{\"bone_fit\": {\"frame_stride\": 0}}");
        e = assertThrows(DataFormatException.class, () -> SettingsFile.read(f));
        assertTrue(e.getMessage().contains("bone_fit") && e.getMessage().contains("frameStride"), e.getMessage());
        Files.writeString(f, "{\"bone_fit\": {\"iterations\": 0}}");
        assertEquals(0, SettingsFile.read(f).boneFit().iterations());
    }
}
