package org.physrec.app.train.physics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.physrec.optim.Minimizer;
import org.physrec.optim.Objective;
import org.physrec.optim.RunResult;
import org.physrec.optim.StoppingRule;
import org.physrec.optim.learned.Optimus;
import org.physrec.optim.nn.ParamLayout;

/** Training only some tensors: the mapping to the whole θ, frozen values, and the optimizer it yields. */
class TrainableSubsetTest {

    private static final Optimus SMALL = new Optimus(16, 1, 2, 32, 0.1, 0.1, 0.5);

    @Test
    void subsetHoldsExactlyTheNamedTensorsAndMapsBack() {
        float[] base = SMALL.init(3);
        TrainableSubset sub = new TrainableSubset(SMALL, base, List.of("head/", "skip/"));
        ParamLayout full = SMALL.layout();
        int expected = full.get("head/w").size() + full.get("head/b").size() + full.get("skip/w").size();
        assertEquals(expected, sub.layout().size());
        assertEquals(List.of("head/w", "head/b", "skip/w"),
                sub.layout().entries().stream().map(ParamLayout.Entry::name).toList());
        assertArrayEquals(base, sub.full(sub.init(0)), "the start is the base");
        float[] moved = sub.init(0);
        for (int i = 0; i < moved.length; i++) {
            moved[i] += 0.5f + i;
        }
        float[] theta = sub.full(moved);
        assertArrayEquals(moved, sub.subset(theta));
        int skip = full.offset("skip/w");
        int headW = full.offset("head/w");
        for (int i = 0; i < theta.length; i++) {
            boolean trained = (i >= headW && i < headW + full.get("head/w").size() + full.get("head/b").size())
                    || (i >= skip && i < skip + full.get("skip/w").size());
            if (!trained) {
                assertEquals(base[i], theta[i], 0f, "frozen value " + i);
            } else {
                assertTrue(theta[i] != base[i], "trained value " + i + " was not written");
            }
        }
    }

    @Test
    void theOptimizerItYieldsIsTheWholeNetworks() {
        float[] base = SMALL.init(5);
        TrainableSubset sub = new TrainableSubset(SMALL, base, List.of("skip/"));
        float[] p = sub.init(0);
        p[1] += 0.3f;
        Objective quadratic = new Objective() {
            @Override
            public int dimension() {
                return 6;
            }

            @Override
            public double valueAndGradient(double[] x, double[] g) {
                double f = 0;
                for (int i = 0; i < x.length; i++) {
                    f += (i + 1) * x[i] * x[i];
                    g[i] = 2 * (i + 1) * x[i];
                }
                return f;
            }
        };
        double[] x0 = {1, -1, 0.5, 2, -0.3, 0.7};
        RunResult a = Minimizer.run(sub.instantiate(p), quadratic, x0, StoppingRule.maxIterations(8));
        RunResult b = Minimizer.run(SMALL.instantiate(sub.full(p)), quadratic, x0, StoppingRule.maxIterations(8));
        assertEquals(b.value(), a.value(), 0.0);
        assertArrayEquals(b.x(), a.x(), 0.0);
    }

    @Test
    void badArgumentsAreNamed() {
        float[] base = SMALL.init(1);
        var e = assertThrows(IllegalArgumentException.class,
                () -> new TrainableSubset(SMALL, base, List.of("nohead/")));
        assertTrue(e.getMessage().contains("nohead/"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new TrainableSubset(SMALL, new float[3], List.of("skip/")));
        assertTrue(e.getMessage().contains("base"), e.getMessage());
        TrainableSubset sub = new TrainableSubset(SMALL, base, List.of("skip/"));
        e = assertThrows(IllegalArgumentException.class, () -> sub.full(new float[2]));
        assertTrue(e.getMessage().contains("params"), e.getMessage());
    }
}
