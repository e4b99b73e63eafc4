package org.physrec.app.train.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.physrec.datasets.DataRoot;
import org.physrec.optim.learned.Checkpoint;
import org.physrec.optim.learned.LearnedOptimizers;
import org.physrec.optim.learned.Optimus;
import picocli.CommandLine;

/** The physics meta-training config and a tiny resumable run (Adafactor-MLP, 2-frame windows). */
class PhysicsTrainCommandTest {

    private static final String TINY = """
            name: tiny
            architecture: {kind: adafac_mlp, hidden: 4, exp_mult: 0.001, step_mult: 0.001}
            init_from: adafac_mlp:functions
            trainable: [all]
            windows: 2
            window_frames: 2
            window_seed: 1
            pes: {tasks: 2, truncation: 2, episode: 4, sigma: 0.01, learning_rate: 5.0e-4, clip_norm: 3.0,
                  log_loss: true, loss_floor: 1.0e-8, seed: 1}
            iterations: 2
            checkpoint_every: 1
            """;

    @Test
    void shippedConfigHasThePaperSettingsAndOurDeviations() throws Exception {
        Path file = Path.of(System.getProperty("physrec.root", "."), "configs", "train", "optimus-physics.yaml");
        assumeTrue(Files.exists(file), "configs folder not found");
        PhysicsTrainConfig c = PhysicsTrainConfig.read(file);
        assertEquals(20, c.pes().tasks());
        assertEquals(5, c.pes().truncation());
        assertEquals(50, c.pes().episode());
        assertEquals(3.0, c.pes().clipNorm());
        assertEquals("optimus", c.learnedOptimizer().kind());
        // our deviations (docs/OPTIMUS.md, "Physics task"): 767 output-side parameters trained with Adam 1e-3
        assertEquals(1e-3, c.pes().learningRate());
        assertEquals(List.of("decays", "final_ln/", "head/", "skip/"), c.trainable());
        assertEquals(0.005, ((Optimus) c.learnedOptimizer()).lambdaA());
    }

    @Test
    void badFieldsAreNamed(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, TINY.replace("windows: 2", "windows: 0"));
        var e = assertThrows(IllegalArgumentException.class, () -> PhysicsTrainConfig.read(f));
        assertTrue(e.getMessage().contains("windows") && e.getMessage().contains("bad.yaml"), e.getMessage());
        Files.writeString(f, TINY + "surprise: 1\n");
        e = assertThrows(IllegalArgumentException.class, () -> PhysicsTrainConfig.read(f));
        assertTrue(e.getMessage().contains("surprise"), e.getMessage());
    }

    @Test
    void aTinyRunTrainsCheckpointsAndResumes(@TempDir Path dir) throws Exception {
        assumeTrue(DataRoot.motion().isPresent(), "shared motion data not found");
        Path cfg = dir.resolve("tiny.yaml");
        Files.writeString(cfg, TINY);
        Path out = dir.resolve("run");
        CommandLine cli = new CommandLine(new PhysicsTrainCommand());
        assertEquals(0, cli.execute("--config", cfg.toString(), "--out", out.toString(), "--threads", "2"));
        Checkpoint first = Checkpoint.load(out.resolve("learned.json"));
        assertFalse(Arrays.equals(first.params(), LearnedOptimizers.checkpoint("adafac_mlp:functions").params()),
                "two PES steps moved θ (the first only starts the tasks: θ+ε and θ−ε see the same x0)");
        assertEquals(1, new CommandLine(new PhysicsTrainCommand()).execute("--config", cfg.toString(), "--out",
                out.toString()), "a second fresh run into the same folder is refused");
        assertEquals(0, new CommandLine(new PhysicsTrainCommand()).execute("--config", cfg.toString(), "--out",
                out.toString(), "--resume", "--iterations", "3", "--threads", "1"));
        List<String> curve = Files.readAllLines(out.resolve("curve.csv"));
        assertEquals(4, curve.size(), curve.toString());
        assertTrue(curve.get(1).startsWith("0,") && curve.get(3).startsWith("2,"), curve.toString());
        Map<?, ?> compute = new ObjectMapper().readValue(out.resolve("compute.json").toFile(), Map.class);
        assertEquals(3, ((Number) compute.get("outer_iterations")).intValue());
        assertEquals(3L * 2 * 2 * 2, ((Number) compute.get("inner_steps")).longValue());
    }

    @Test
    void aSubsetRunMovesOnlyTheTrainableTensors(@TempDir Path dir) throws Exception {
        assumeTrue(DataRoot.motion().isPresent(), "shared motion data not found");
        Path cfg = dir.resolve("tiny.yaml");
        Files.writeString(cfg, TINY.replace("trainable: [all]", "trainable: [mlp/l2/]"));
        Path out = dir.resolve("run");
        assertEquals(0, new CommandLine(new PhysicsTrainCommand()).execute("--config", cfg.toString(), "--out",
                out.toString(), "--threads", "1"));
        Checkpoint start = LearnedOptimizers.checkpoint("adafac_mlp:functions");
        Checkpoint end = Checkpoint.load(out.resolve("learned.json"));
        var layout = start.arch().layout();
        boolean moved = false;
        for (var e : layout.entries()) {
            float[] a = Arrays.copyOfRange(start.params(), e.offset(), e.offset() + e.size());
            float[] b = Arrays.copyOfRange(end.params(), e.offset(), e.offset() + e.size());
            if (e.name().startsWith("mlp/l2/")) {
                moved |= !Arrays.equals(a, b);
            } else {
                assertTrue(Arrays.equals(a, b), e.name() + " is frozen but changed");
            }
        }
        assertTrue(moved, "the trainable tensors moved");
    }
}
