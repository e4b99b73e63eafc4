package org.physrec.app.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.physrec.app.cli.Main;
import org.physrec.optim.learned.Checkpoint;
import picocli.CommandLine;

class TrainCommandTest {

    @TempDir
    Path dir;

    private static final String CONFIG = """
            name: tiny
            architecture: {kind: adafac_mlp, hidden: 4, exp_mult: 0.001, step_mult: 0.001}
            functions: [sphere, rosenbrock]
            min_dim: 2
            max_dim: 6
            rotation: 0.5
            scale_range: 10.0
            min_init_fraction: 0.1
            pes: {tasks: 3, truncation: 2, episode: 5, sigma: 0.01, learning_rate: 1.0e-3, clip_norm: 3.0,
                  log_loss: true, loss_floor: 1.0e-8, seed: 3}
            trainable: []
            iterations: 4
            checkpoint_every: 2
            """;

    private int run(StringWriter err, String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void trainsWritesOutputsAndResumes() throws Exception {
        Path cfg = dir.resolve("tiny.yaml");
        Files.writeString(cfg, CONFIG);
        Path out = dir.resolve("run");
        assertEquals(0, run(new StringWriter(), "train", "--config", cfg.toString(), "--out", out.toString(),
                "--threads", "2", "--export", dir.resolve("exported").toString()));
        for (String f : List.of("trainer.safetensors", "learned.json", "learned.safetensors", "curve.csv", "curve.png",
                "compute.json", "../exported.json", "../exported.safetensors")) {
            assertTrue(Files.exists(out.resolve(f)), f);
        }
        List<String> rows = Files.readAllLines(out.resolve("curve.csv"));
        assertEquals(TrainingCurve.HEADER, rows.get(0));
        assertEquals(5, rows.size());
        Checkpoint c = Checkpoint.load(out.resolve("learned.json"));
        assertEquals("adafac_mlp", c.arch().kind());

        // A second run without --resume refuses to overwrite; with --resume it continues to 6.
        StringWriter err = new StringWriter();
        assertEquals(1, run(err, "train", "--config", cfg.toString(), "--out", out.toString()));
        assertTrue(err.toString().contains("--resume"), err.toString());
        assertEquals(0, run(new StringWriter(), "train", "--config", cfg.toString(), "--out", out.toString(), "--resume",
                "--iterations", "6"));
        rows = Files.readAllLines(out.resolve("curve.csv"));
        assertEquals(7, rows.size());
        assertTrue(rows.get(6).startsWith("5,"), rows.get(6));
    }

    @Test
    void badConfigNamesTheField() throws Exception {
        Path cfg = dir.resolve("bad.yaml");
        Files.writeString(cfg, CONFIG.replace("min_dim: 2", "min_dims: 2"));
        StringWriter err = new StringWriter();
        assertEquals(1, run(err, "train", "--config", cfg.toString(), "--out", dir.resolve("x").toString()));
        assertTrue(err.toString().contains("min_dim") && err.toString().contains("bad.yaml"), err.toString());

        Files.writeString(cfg, CONFIG.replace("kind: adafac_mlp", "kind: lstm"));
        err = new StringWriter();
        assertEquals(1, run(err, "train", "--config", cfg.toString(), "--out", dir.resolve("y").toString()));
        assertTrue(err.toString().contains("unknown learned optimizer kind 'lstm'"), err.toString());

        Files.writeString(cfg, CONFIG.replace("[sphere, rosenbrock]", "[sphere, nosuch]"));
        err = new StringWriter();
        assertEquals(1, run(err, "train", "--config", cfg.toString(), "--out", dir.resolve("z").toString()));
        assertTrue(err.toString().contains("nosuch"), err.toString());
    }

    @Test
    void shippedConfigsParse() throws Exception {
        Path root = Path.of(System.getProperty("physrec.root", "..")).resolve("configs/train");
        try (var files = Files.list(root)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                // physics-window configs belong to `physrec train-physics`, with their own schema
                int iterations = p.getFileName().toString().endsWith("-physics.yaml")
                        ? org.physrec.app.train.physics.PhysicsTrainConfig.read(p).iterations()
                        : TrainConfig.read(p).iterations();
                assertTrue(iterations > 0, p.toString());
            }
        }
    }
}
