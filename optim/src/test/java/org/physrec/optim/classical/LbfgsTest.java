package org.physrec.optim.classical;

import org.physrec.optim.Optimizer;
import org.physrec.optim.OptimizerContractTest;

class LbfgsTest extends OptimizerContractTest<Lbfgs.State> {
    @Override
    protected Optimizer<Lbfgs.State> optimizer() {
        return new Lbfgs();
    }

    @Override
    protected double requiredReduction() {
        return 1e-10;
    }
}
