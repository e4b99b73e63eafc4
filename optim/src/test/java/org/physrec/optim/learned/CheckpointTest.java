package org.physrec.optim.learned;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {

    @TempDir
    Path dir;

    private Path saved(LearnedOptimizer arch, long seed) throws IOException {
        Path base = dir.resolve("ck");
        new Checkpoint(arch, arch.init(seed)).save(base, Map.of("note", "test"));
        return base;
    }

    @Test
    void roundTripBothKinds() throws IOException {
        for (LearnedOptimizer arch : new LearnedOptimizer[] {AdafactorMlp.defaults(), Optimus.defaults().withSize(16, 1, 2, 8)}) {
            Path base = saved(arch, 3);
            Checkpoint c = Checkpoint.load(dir.resolve("ck.json"));
            assertEquals(arch, c.arch());
            assertArrayEquals(arch.init(3), c.params());
            assertEquals("test", Safetensors.read(dir.resolve("ck.safetensors")).metadata().get("note"));
            assertEquals(arch, LearnedOptimizers.checkpoint(base + ".json").arch());
        }
    }

    /** The layout is the one a Python safetensors reader expects: u64 header length, JSON, LE floats. */
    @Test
    void fileFormatByHand() throws IOException {
        Path f = dir.resolve("t.safetensors");
        Map<String, Safetensors.Tensor> t = new LinkedHashMap<>();
        t.put("a", new Safetensors.Tensor(new int[] {2}, new float[] {1f, -2f}));
        Safetensors.write(f, t, Map.of());
        byte[] b = Files.readAllBytes(f);
        long len = java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
        String header = new String(b, 8, (int) len).trim();
        assertEquals("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}", header);
        assertEquals(8 + len + 8, b.length);
        assertEquals(-2f, java.nio.ByteBuffer.wrap(b, (int) (8 + len + 4), 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getFloat());
    }

    @Test
    void missingTensorIsNamed() throws IOException {
        Path base = saved(AdafactorMlp.defaults(), 1);
        Safetensors.Contents c = Safetensors.read(dir.resolve("ck.safetensors"));
        Map<String, Safetensors.Tensor> t = new LinkedHashMap<>(c.tensors());
        t.remove("mlp/l1/b");
        Safetensors.write(dir.resolve("ck.safetensors"), t, Map.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Checkpoint.load(base));
        assertTrue(e.getMessage().contains("missing tensor mlp/l1/b"), e.getMessage());
    }

    @Test
    void misShapedTensorIsNamed() throws IOException {
        Path base = saved(AdafactorMlp.defaults(), 1);
        Map<String, Safetensors.Tensor> t = new LinkedHashMap<>(Safetensors.read(dir.resolve("ck.safetensors")).tensors());
        t.put("mlp/l2/w", new Safetensors.Tensor(new int[] {2, 4}, new float[8]));
        Safetensors.write(dir.resolve("ck.safetensors"), t, Map.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Checkpoint.load(base));
        assertTrue(e.getMessage().contains("tensor mlp/l2/w has shape [2, 4]"), e.getMessage());
        assertTrue(e.getMessage().contains("[4, 2]"), e.getMessage());
    }

    @Test
    void configNotMatchingWeightsNamesTheTensor() throws IOException {
        Path base = saved(AdafactorMlp.defaults(), 1);
        Files.writeString(dir.resolve("ck.json"),
                "{\"kind\":\"adafac_mlp\",\"hidden\":8,\"exp_mult\":0.001,\"step_mult\":0.001}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Checkpoint.load(base));
        assertTrue(e.getMessage().contains("tensor mlp/l0/w"), e.getMessage());
    }

    @Test
    void configMissingFieldIsNamed() throws IOException {
        Path base = saved(AdafactorMlp.defaults(), 1);
        Files.writeString(dir.resolve("ck.json"), "{\"kind\":\"adafac_mlp\",\"hidden\":4,\"exp_mult\":0.001}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Checkpoint.load(base));
        assertTrue(e.getMessage().contains("step_mult"), e.getMessage());
    }

    @Test
    void truncatedFileIsReported() throws IOException {
        Path base = saved(AdafactorMlp.defaults(), 1);
        Path w = dir.resolve("ck.safetensors");
        byte[] b = Files.readAllBytes(w);
        Files.write(w, java.util.Arrays.copyOf(b, b.length - 10));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Checkpoint.load(base));
        assertTrue(e.getMessage().contains("tensor mlp/l2/w") && e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void garbageFileIsReported() throws IOException {
        Path base = saved(AdafactorMlp.defaults(), 1);
        Files.write(dir.resolve("ck.safetensors"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Checkpoint.load(base));
        assertTrue(e.getMessage().contains("ck.safetensors") && e.getMessage().contains("header length"), e.getMessage());
    }

    @Test
    void nonFiniteWeightIsNamed() throws IOException {
        Path base = saved(AdafactorMlp.defaults(), 1);
        Map<String, Safetensors.Tensor> t = new LinkedHashMap<>(Safetensors.read(dir.resolve("ck.safetensors")).tensors());
        t.put("decays", new Safetensors.Tensor(new int[] {7}, new float[] {0, 0, Float.NaN, 0, 0, 0, 0}));
        Safetensors.write(dir.resolve("ck.safetensors"), t, Map.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Checkpoint.load(base));
        assertTrue(e.getMessage().contains("tensor decays element 2"), e.getMessage());
    }

    @Test
    void unknownShippedNameIsReported() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LearnedOptimizers.checkpoint("optimus:no-such-weights"));
        assertTrue(e.getMessage().contains("optimus:no-such-weights"), e.getMessage());
    }
}
