package org.physrec.optim.classical;

import java.util.Objects;
import org.physrec.optim.Optimizer;
import org.physrec.optim.OptimizerState;

/**
 * An optimizer defined by one immutable settings record, which every classical optimizer of this
 * package holds and hands out unchanged.
 *
 * @param <C> the algorithm's settings record
 * @param <S> the algorithm's state
 */
abstract class ConfiguredOptimizer<C extends Record, S extends OptimizerState> implements Optimizer<S> {

    private final C settings;

    ConfiguredOptimizer(C settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public C settings() {
        return settings;
    }
}
