package org.physrec.optim.classical;

import org.physrec.optim.Optimizer;
import org.physrec.optim.OptimizerContractTest;

class GradientDescentTest extends OptimizerContractTest<GradientDescent.State> {
    @Override
    protected Optimizer<GradientDescent.State> optimizer() {
        return new GradientDescent(GradientDescent.Settings.DEFAULTS.withLearningRate(0.05));
    }
}
