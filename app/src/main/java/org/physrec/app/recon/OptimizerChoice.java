package org.physrec.app.recon;

import java.util.ArrayList;
import java.util.List;
import org.physrec.optim.Optimizer;
import org.physrec.optim.Optimizers;
import org.physrec.optim.classical.Adam;
import org.physrec.optim.classical.GradientDescent;
import org.physrec.optim.classical.Momentum;
import org.physrec.optim.learned.LearnedOptimizers;

/**
 * Resolves an optimizer name for the reconstruction: a classical name of the optim registry
 * ({@code lbfgs}, {@code bfgs}, {@code adam}, {@code momentum}, {@code gd}) or a learned
 * optimizer spec ({@code optimus:functions}, {@code adafac_mlp:functions}, a checkpoint path).
 */
public final class OptimizerChoice {

    private OptimizerChoice() {
    }

    /**
     * @throws IllegalArgumentException naming the unknown optimizer and listing the known ones
     */
    public static Optimizer<?> resolve(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("optimizer: name is blank; known: " + known());
        }
        String key = name.trim().toLowerCase(java.util.Locale.ROOT);
        // first-order methods on normalized torques: the step sizes of diffphy-spec §3
        switch (key) {
            case "adam":
                return new Adam(Adam.Settings.DEFAULTS.withLearningRate(1e-2));
            case "gd":
                return new GradientDescent(GradientDescent.Settings.DEFAULTS.withLearningRate(1e-1));
            case "momentum":
                return new Momentum(Momentum.Settings.DEFAULTS.withLearningRate(1e-2));
            default:
                break;
        }
        if (Optimizers.all().contains(key)) {
            return Optimizers.byName(key);
        }
        if (name.contains(":") || name.endsWith(".json")) {
            try {
                return LearnedOptimizers.load(name);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("optimizer '" + name + "': " + e.getMessage() + "; known: " + known(), e);
            }
        }
        throw new IllegalArgumentException("unknown optimizer '" + name + "'; known: " + known());
    }

    /** Names accepted by {@link #resolve}. */
    public static String known() {
        List<String> names = new ArrayList<>(Optimizers.all().names());
        names.add("optimus:functions");
        names.add("optimus:physics");
        names.add("adafac_mlp:functions");
        names.add("<checkpoint>.json");
        return String.join(", ", names);
    }

    /** The same first-order optimizer with a 10× smaller step, or null if it has no step size. */
    public static Optimizer<?> smallerStep(Optimizer<?> o) {
        if (o instanceof Adam a) {
            return new Adam(a.settings().withLearningRate(a.settings().learningRate() / 10));
        }
        if (o instanceof GradientDescent g) {
            return new GradientDescent(g.settings().withLearningRate(g.settings().learningRate() / 10));
        }
        if (o instanceof Momentum m) {
            return new Momentum(m.settings().withLearningRate(m.settings().learningRate() / 10));
        }
        return null;
    }
}
