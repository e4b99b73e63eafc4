package org.physrec.optim.learned;

import org.physrec.optim.Optimizer;
import org.physrec.optim.OptimizerContractTest;

/** The optimizer contract for Adafactor-MLP with its shipped weights. */
class AdafactorMlpContractTest extends OptimizerContractTest<AdafactorMlp.State> {
    @Override
    protected Optimizer<AdafactorMlp.State> optimizer() {
        Checkpoint c = LearnedOptimizers.checkpoint("adafac_mlp:functions");
        return ((AdafactorMlp) c.arch()).instantiate(c.params());
    }

    /**
     * 0.1 instead of 1e-3: the Adafactor features are normalized over the parameters, so at
     * N = 1 every feature is ±1 and the learned step is a sign step whose size the network
     * must shrink from the time features alone; with the shipped weights it stalls at a few
     * percent of f0 (as the paper's own low-dimensional results show for learned optimizers).
     */
    @Override
    protected double requiredReduction() {
        return 0.1;
    }
}
