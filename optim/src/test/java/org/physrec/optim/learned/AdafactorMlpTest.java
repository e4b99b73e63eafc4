package org.physrec.optim.learned;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.physrec.optim.Objective;
import org.physrec.optim.OptimizerState;
import org.physrec.optim.nn.ParamLayout;

class AdafactorMlpTest {

    @Test
    void layoutHas197ParametersWithDefaults() {
        // 7 decays + 39·4+4 + 4·4+4 + 4·2+2
        assertEquals(7 + 160 + 20 + 10, AdafactorMlp.defaults().layout().size());
    }

    /** Zero weights and output bias (d, m) = (2, 1000): step = 2·exp(1000·0.001)·0.001 on every parameter. */
    @Test
    void stepFormulaByHand() {
        AdafactorMlp arch = AdafactorMlp.defaults();
        ParamLayout l = arch.layout();
        float[] theta = new float[l.size()];
        theta[l.offset("mlp/l2/b")] = 2;
        theta[l.offset("mlp/l2/b") + 1] = 1000;
        AdafactorMlp.Opt opt = arch.instantiate(theta);
        Objective f = TestObjectives.quadratic(3, 0);
        AdafactorMlp.State s = opt.init(new double[] {1, 2, 3}, f);
        opt.step(s, f);
        double step = 2 * Math.E * 0.001;
        assertEquals(1 - step, s.x[0], 1e-12);
        assertEquals(3 - step, s.x[2], 1e-12);
        assertEquals(1, s.iteration);
        assertEquals(2, s.evaluations);
    }

    /** One hidden unit path by hand: h0 = relu(w·z), h1 = relu(h0), d = h1. */
    @Test
    void networkPathByHand() {
        AdafactorMlp arch = AdafactorMlp.defaults();
        ParamLayout l = arch.layout();
        float[] theta = new float[l.size()];
        theta[l.offset("mlp/l0/w")] = 1; // feature 0 (normalized g) → hidden 0
        theta[l.offset("mlp/l1/w")] = 1; // hidden 0 → hidden 0
        theta[l.offset("mlp/l2/w")] = 1; // hidden 0 → direction
        AdafactorMlp.Opt opt = arch.instantiate(theta);
        Objective f = TestObjectives.quadratic(2, 0);
        AdafactorMlp.State s = opt.init(new double[] {1, -1}, f);
        // g = (1, −10): normalized g0 = 1/√(1e-5 + 50.5) > 0 passes the ReLUs; g1 < 0 is cut.
        double g0 = 1 / Math.sqrt(1e-5 + 50.5);
        opt.step(s, f);
        assertEquals(1 - g0 * 0.001, s.x[0], 1e-9);
        assertEquals(-1, s.x[1], 0);
    }

    @Test
    void nonFiniteOutputStopsWithReason() {
        AdafactorMlp arch = AdafactorMlp.defaults();
        float[] theta = new float[arch.layout().size()];
        theta[arch.layout().offset("mlp/l2/b")] = Float.POSITIVE_INFINITY;
        AdafactorMlp.Opt opt = arch.instantiate(theta);
        Objective f = TestObjectives.quadratic(2, 0);
        AdafactorMlp.State s = opt.init(new double[] {1, 1}, f);
        opt.step(s, f);
        assertEquals(OptimizerState.Status.NON_FINITE, s.status);
        assertTrue(s.message.contains("Adafactor-MLP output"), s.message);
        assertEquals(1.0, s.x[0]);
    }

    @Test
    void wrongParameterCountIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AdafactorMlp.defaults().instantiate(new float[5]));
        assertTrue(e.getMessage().startsWith("params"), e.getMessage());
    }
}
