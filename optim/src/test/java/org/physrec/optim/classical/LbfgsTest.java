package org.physrec.optim.classical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.physrec.optim.Minimizer;
import org.physrec.optim.Optimizer;
import org.physrec.optim.OptimizerContractTest;
import org.physrec.optim.OptimizerState;
import org.physrec.optim.RunResult;
import org.physrec.optim.StoppingRule;
import org.physrec.optim.functions.TestFunctions;

class LbfgsTest extends OptimizerContractTest<Lbfgs.State> {
    @Override
    protected Optimizer<Lbfgs.State> optimizer() {
        return new Lbfgs();
    }

    @Override
    protected double requiredReduction() {
        return 1e-10;
    }

    @Test
    void solvesRosenbrockWellPastTheMemoryLength() {
        RunResult r2 = Minimizer.run(new Lbfgs(), TestFunctions.byName("rosenbrock").objective(2),
                new double[] {-1.2, 1}, StoppingRule.maxIterations(200));
        assertEquals(OptimizerState.Status.CONVERGED, r2.status(), r2.reason());
        assertTrue(r2.value() < 1e-10, "f = " + r2.value());
        assertTrue(r2.iterations() > 10, "the ring of m = 10 pairs wrapped around");
        RunResult r30 = Minimizer.run(new Lbfgs(), TestFunctions.byName("rosenbrock").objective(30),
                TestFunctions.byName("rosenbrock").initialPoint(30, 2), StoppingRule.maxIterations(2000));
        assertTrue(r30.value() < 1e-8 || r30.value() < 4.0 && r30.value() > 3.9, "global or the known local minimum: " + r30.value());
    }

    @Test
    void memoryOneStillConverges() {
        RunResult r = Minimizer.run(new Lbfgs(Lbfgs.Settings.DEFAULTS.withMemory(1)),
                TestFunctions.byName("sum-of-squares").objective(20),
                TestFunctions.byName("sum-of-squares").initialPoint(20, 4), StoppingRule.maxIterations(500));
        assertEquals(OptimizerState.Status.CONVERGED, r.status(), r.reason());
    }
}
