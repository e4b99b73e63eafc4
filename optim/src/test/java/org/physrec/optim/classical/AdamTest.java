package org.physrec.optim.classical;

import org.physrec.optim.Optimizer;
import org.physrec.optim.OptimizerContractTest;

class AdamTest extends OptimizerContractTest<Adam.State> {
    @Override
    protected Optimizer<Adam.State> optimizer() {
        return new Adam(Adam.Settings.DEFAULTS.withLearningRate(0.1));
    }
}
