package org.physrec.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StoppingRuleTest {

    private static ValueHistory history(double... values) {
        ValueHistory h = new ValueHistory();
        for (double v : values) {
            h.add(v);
        }
        return h;
    }

    private static OptimizerState state(int iteration, long evaluations, double value, double... gradient) {
        OptimizerState s = new OptimizerState(gradient.length);
        s.iteration = iteration;
        s.evaluations = evaluations;
        s.value = value;
        System.arraycopy(gradient, 0, s.gradient, 0, gradient.length);
        return s;
    }

    @Test
    void optimusRuleComparesWithBetaTimesMeanOfPreviousValuesPlusEpsilon() {
        StoppingRule rule = StoppingRule.optimusRule(3, 1.0, 0.5);
        OptimizerState s = state(4, 5, 0, 0);
        // previous three values 4, 3, 2 -> mean 3, threshold 3.5
        assertTrue(rule.check(s, history(9, 4, 3, 2, 3.6)).isPresent());
        assertFalse(rule.check(s, history(9, 4, 3, 2, 3.5)).isPresent(), "equality does not stop");
        assertFalse(rule.check(s, history(4, 3, 100)).isPresent(), "needs N previous values");
        StoppingRule scaled = StoppingRule.optimusRule(2, 0.5, 0.0);
        // previous 4, 2 -> beta*mean = 1.5
        assertTrue(scaled.check(s, history(4, 2, 1.6)).isPresent());
        assertFalse(scaled.check(s, history(4, 2, 1.5)).isPresent());
    }

    @Test
    void budgetsGradientAndValueRules() {
        OptimizerState s = state(10, 25, 1e-3, 1e-6, -2e-6);
        ValueHistory h = history(1);
        assertTrue(StoppingRule.maxIterations(10).check(s, h).isPresent());
        assertFalse(StoppingRule.maxIterations(11).check(s, h).isPresent());
        assertTrue(StoppingRule.maxEvaluations(25).check(s, h).isPresent());
        assertFalse(StoppingRule.maxEvaluations(26).check(s, h).isPresent());
        assertTrue(StoppingRule.gradientMaxNormBelow(2e-6).check(s, h).isPresent());
        assertFalse(StoppingRule.gradientMaxNormBelow(1.9e-6).check(s, h).isPresent());
        assertTrue(StoppingRule.valueBelow(1e-3).check(s, h).isPresent());
        assertFalse(StoppingRule.never().check(s, h).isPresent());
    }

    @Test
    void combinators() {
        OptimizerState s = state(10, 25, 1, 0);
        ValueHistory h = history(1);
        StoppingRule yes = StoppingRule.maxIterations(5);
        StoppingRule no = StoppingRule.maxIterations(50);
        assertTrue(yes.or(no).check(s, h).isPresent());
        assertTrue(no.or(yes).check(s, h).isPresent());
        assertFalse(no.or(no).check(s, h).isPresent());
        assertTrue(yes.and(yes).check(s, h).isPresent());
        assertFalse(yes.and(no).check(s, h).isPresent());
        assertFalse(no.and(yes).check(s, h).isPresent());
    }

    @Test
    void badArgumentsAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StoppingRule.optimusRule(0, 1, 0));
        assertTrue(e.getMessage().contains("window"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> StoppingRule.maxIterations(-1));
    }

    @Test
    void minimizerStopsOnTheRuleAndRecordsTheTrace() {
        Objective f = new Objective() {
            @Override
            public int dimension() {
                return 1;
            }

            @Override
            public double valueAndGradient(double[] x, double[] g) {
                g[0] = 2 * x[0];
                return x[0] * x[0];
            }
        };
        Trace trace = new Trace();
        RunResult r = Minimizer.run(new org.physrec.optim.classical.GradientDescent(), f, new double[] {1},
                StoppingRule.maxIterations(7), trace);
        assertEquals(7, r.iterations());
        assertEquals(8, r.evaluations());
        assertEquals(OptimizerState.Status.STOPPED, r.status());
        assertEquals(8, trace.size());
        assertEquals(1.0, trace.value(0));
        assertEquals(r.value(), trace.value(7));
        assertEquals(8, trace.evaluations(7));
    }
}
