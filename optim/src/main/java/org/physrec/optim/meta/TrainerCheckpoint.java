package org.physrec.optim.meta;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.physrec.optim.learned.Checkpoint;
import org.physrec.optim.learned.LearnedOptimizer;
import org.physrec.optim.learned.Safetensors;

/**
 * Resumable meta-training state: {@code <dir>/trainer.safetensors} holds θ and the outer Adam
 * moments (tensors {@code theta}, {@code adam_m}, {@code adam_v}) with the outer iteration and
 * Adam step count in the metadata; {@code <dir>/learned.{json,safetensors}} is θ as an ordinary
 * checkpoint usable by {@code --optimizer <dir>/learned.json}. On resume the PES task slots
 * start fresh (new tasks seeded by the iteration, ξ = 0), so a resumed run is deterministic
 * given the checkpoint but not identical to an uninterrupted one.
 */
public final class TrainerCheckpoint {

    private TrainerCheckpoint() {
    }

    /** The restored pieces. */
    public record Restored(float[] theta, MetaAdam adam, long iteration) {
    }

    public static void save(Path dir, PesTrainer trainer) throws IOException {
        Files.createDirectories(dir);
        Map<String, Safetensors.Tensor> t = new LinkedHashMap<>();
        int p = trainer.theta().length;
        t.put("theta", new Safetensors.Tensor(new int[] {p}, trainer.theta().clone()));
        t.put("adam_m", new Safetensors.Tensor(new int[] {p}, trainer.adam().firstMoment().clone()));
        t.put("adam_v", new Safetensors.Tensor(new int[] {p}, trainer.adam().secondMoment().clone()));
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("iteration", Long.toString(trainer.iteration()));
        meta.put("adam_steps", Long.toString(trainer.adam().steps()));
        meta.put("kind", trainer.architecture().kind());
        Safetensors.write(dir.resolve("trainer.safetensors"), t, meta);
        Map<String, String> info = new LinkedHashMap<>();
        info.put("meta_iterations", Long.toString(trainer.iteration()));
        new Checkpoint(trainer.architecture(), trainer.theta().clone()).save(dir.resolve("learned"), info);
    }

    /** Reads {@code <dir>/trainer.safetensors} for architecture {@code arch}. */
    public static Restored load(Path dir, LearnedOptimizer arch, double learningRate) throws IOException {
        Path file = dir.resolve("trainer.safetensors");
        Safetensors.Contents c = Safetensors.read(file);
        int p = arch.layout().size();
        float[] theta = tensor(c, "theta", p, file);
        float[] m = tensor(c, "adam_m", p, file);
        float[] v = tensor(c, "adam_v", p, file);
        String kind = c.metadata().get("kind");
        if (!arch.kind().equals(kind)) {
            throw new IllegalArgumentException(file + ": trainer checkpoint is for '" + kind + "', config says '"
                    + arch.kind() + "'");
        }
        long iteration = number(c, "iteration", file);
        long steps = number(c, "adam_steps", file);
        return new Restored(theta, new MetaAdam(m, v, steps, learningRate), iteration);
    }

    private static float[] tensor(Safetensors.Contents c, String name, int p, Path file) {
        Safetensors.Tensor t = c.tensors().get(name);
        if (t == null) {
            throw new IllegalArgumentException(file + ": missing tensor " + name);
        }
        if (t.data().length != p) {
            throw new IllegalArgumentException(file + ": tensor " + name + " has " + t.data().length
                    + " values but the architecture has " + p + " parameters");
        }
        return t.data();
    }

    private static long number(Safetensors.Contents c, String key, Path file) {
        String s = c.metadata().get(key);
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalArgumentException(file + ": metadata field " + key + " missing or not a number: " + s);
        }
    }
}
