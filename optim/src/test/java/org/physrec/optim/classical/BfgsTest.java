package org.physrec.optim.classical;

import org.physrec.optim.Optimizer;
import org.physrec.optim.OptimizerContractTest;

class BfgsTest extends OptimizerContractTest<Bfgs.State> {
    @Override
    protected Optimizer<Bfgs.State> optimizer() {
        return new Bfgs();
    }

    @Override
    protected double requiredReduction() {
        return 1e-10;
    }
}
