package org.physrec.optim.classical;

import org.physrec.optim.Optimizer;
import org.physrec.optim.OptimizerContractTest;

class MomentumTest extends OptimizerContractTest<Momentum.State> {
    @Override
    protected Optimizer<Momentum.State> optimizer() {
        return new Momentum(Momentum.Settings.DEFAULTS.withLearningRate(0.02));
    }
}
