package org.physrec.optim.learned;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;
import org.physrec.optim.Objective;
import org.physrec.optim.Optimizer;

/** After warm-up, a learned-optimizer step allocates nothing (all buffers live in the state). */
class NoAllocationTest {

    private static <S extends LearnedState> long bytesPerStep(Optimizer<S> opt, int n) {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Objective f = TestObjectives.quadratic(n, 0.5);
        double[] x0 = new double[n];
        java.util.Arrays.fill(x0, 2.0);
        S s = opt.init(x0, f);
        for (int i = 0; i < 3000 && s.isRunning(); i++) {
            opt.step(s, f);
        }
        s = opt.init(x0, f);
        long before = mx.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 50; i++) {
            opt.step(s, f);
        }
        return (mx.getCurrentThreadAllocatedBytes() - before) / 50;
    }

    @Test
    void optimusStepDoesNotAllocate() {
        Optimus arch = Optimus.defaults().withSize(16, 2, 2, 32);
        assertEquals(0, bytesPerStep(arch.instantiate(arch.init(1)), 40));
    }

    @Test
    void adafactorMlpStepDoesNotAllocate() {
        AdafactorMlp arch = AdafactorMlp.defaults();
        assertEquals(0, bytesPerStep(arch.instantiate(arch.init(1)), 40));
    }
}
