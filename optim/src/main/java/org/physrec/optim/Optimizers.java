package org.physrec.optim;

import org.physrec.optim.classical.Adam;
import org.physrec.optim.classical.Bfgs;
import org.physrec.optim.classical.GradientDescent;
import org.physrec.optim.classical.Lbfgs;
import org.physrec.optim.classical.Momentum;

/**
 * The optimizers known by name to benchmarks and the command line. Learned optimizers join by
 * extending {@link #all()} (or a caller's own registry via {@link OptimizerRegistry#with}).
 */
public final class Optimizers {

    private static final OptimizerRegistry CLASSICAL = OptimizerRegistry.empty()
            .with("gd", GradientDescent::new)
            .with("momentum", Momentum::new)
            .with("adam", Adam::new)
            .with("bfgs", Bfgs::new)
            .with("lbfgs", Lbfgs::new);

    private Optimizers() {
    }

    /** The classical optimizers with their default settings. */
    public static OptimizerRegistry classical() {
        return CLASSICAL;
    }

    /**
     * Learned optimizers with their shipped weights ({@code optim/src/main/resources/weights/}):
     * {@code adafac_mlp} and {@code optimus} meta-trained on the test-function family, and
     * {@code optimus-init}, the untrained Optimus initialization (Adam-like steps), which shows
     * what meta-training adds. Weights are read on first use.
     */
    private static final OptimizerRegistry ALL = CLASSICAL
            .with("adafac_mlp", () -> org.physrec.optim.learned.LearnedOptimizers.load("adafac_mlp:functions"))
            .with("optimus", () -> org.physrec.optim.learned.LearnedOptimizers.load("optimus:functions"))
            .with("optimus-init", () -> org.physrec.optim.learned.LearnedOptimizers.load("optimus:init", "optimus-init"));

    /** Every optimizer available by name: the classical ones and the shipped learned ones. */
    public static OptimizerRegistry all() {
        return ALL;
    }

    /**
     * A new optimizer by name.
     *
     * @throws IllegalArgumentException for an unknown name, listing the known ones
     */
    public static Optimizer<?> byName(String name) {
        return all().byName(name);
    }
}
