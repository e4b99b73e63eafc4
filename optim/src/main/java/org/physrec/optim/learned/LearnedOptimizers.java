package org.physrec.optim.learned;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.physrec.optim.Optimizer;

/**
 * Resolves an optimizer spec to a ready learned optimizer: {@code kind:name} loads a shipped
 * checkpoint ({@code optimus:functions}, {@code adafac_mlp:functions}); {@code kind:init} gives
 * the untrained default initialization (seed 0); anything else is the path of a checkpoint's
 * JSON config.
 */
public final class LearnedOptimizers {

    /** Shipped and init checkpoints, built once (immutable; optimizers share θ read-only). */
    private static final java.util.Map<String, Checkpoint> SHIPPED = new java.util.concurrent.ConcurrentHashMap<>();

    private LearnedOptimizers() {
    }

    public static Checkpoint checkpoint(String spec) {
        int colon = spec.indexOf(':');
        if (colon > 0 && !spec.endsWith(".json")) {
            Checkpoint c = SHIPPED.get(spec);
            if (c == null) {
                c = read(spec);
                SHIPPED.putIfAbsent(spec, c);
            }
            return c;
        }
        return read(spec);
    }

    private static Checkpoint read(String spec) {
        try {
            int colon = spec.indexOf(':');
            if (colon > 0 && !spec.endsWith(".json")) {
                String kind = spec.substring(0, colon);
                String name = spec.substring(colon + 1);
                if (name.equals("init")) {
                    LearnedOptimizer arch = switch (kind) {
                        case AdafactorMlp.KIND -> AdafactorMlp.defaults();
                        case Optimus.KIND -> Optimus.defaults();
                        default -> throw new IllegalArgumentException("optimizer: unknown learned kind '" + kind + "'");
                    };
                    return new Checkpoint(arch, arch.init(0));
                }
                return Checkpoint.loadResource(kind, name);
            }
            return Checkpoint.load(Path.of(spec));
        } catch (IOException e) {
            throw new UncheckedIOException("optimizer " + spec + ": " + e.getMessage(), e);
        }
    }

    /** The optimizer for a spec (see class doc), named by its kind. */
    public static Optimizer<? extends LearnedState> load(String spec) {
        Checkpoint c = checkpoint(spec);
        return c.arch().instantiate(c.params());
    }

    /** The optimizer for a spec, reporting {@code name} (its registry name). */
    public static Optimizer<? extends LearnedState> load(String spec, String name) {
        Checkpoint c = checkpoint(spec);
        return c.arch().instantiate(c.params(), name);
    }
}
