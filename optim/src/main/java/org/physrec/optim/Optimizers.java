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

    /** Every optimizer available by name (classical now; learned ones are added here). */
    public static OptimizerRegistry all() {
        return CLASSICAL;
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
