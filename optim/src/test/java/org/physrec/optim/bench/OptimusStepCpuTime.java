package org.physrec.optim.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import org.physrec.optim.Objective;
import org.physrec.optim.OptimizerState;
import org.physrec.optim.functions.TestFunction;
import org.physrec.optim.functions.TestFunctions;
import org.physrec.optim.learned.Optimus;

/**
 * Optimus step time versus N as thread CPU time (minimum and median over repeated steps on
 * Rosenbrock). On a machine shared with other jobs wall-clock benchmarks (JMH) of operations
 * longer than a scheduler slice mostly measure waiting; CPU time of the measuring thread does
 * not. Run: {@code java --add-modules jdk.incubator.vector -cp <test-classpath>
 * org.physrec.optim.bench.OptimusStepCpuTime 2 10 50 100 224 500 1000}.
 */
public final class OptimusStepCpuTime {

    private OptimusStepCpuTime() {
    }

    public static void main(String[] args) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Optimus arch = Optimus.defaults();
        Optimus.Opt opt = arch.instantiate(arch.init(0));
        TestFunction fn = TestFunctions.byName("rosenbrock");
        for (String a : args) {
            int n = Integer.parseInt(a);
            Objective f = fn.objective(n);
            double[] x0 = fn.initialPoint(n, 1);
            int reps = n >= 500 ? 25 : 100;
            long[] t = new long[reps];
            OptimizerState s = opt.init(x0, f);
            for (int w = 0; w < 5; w++) {
                opt.step((Optimus.State) s, f);
            }
            for (int r = 0; r < reps; r++) {
                if (!s.isRunning()) {
                    s = opt.init(x0, f);
                }
                long c = mx.getCurrentThreadCpuTime();
                opt.step((Optimus.State) s, f);
                t[r] = mx.getCurrentThreadCpuTime() - c;
            }
            java.util.Arrays.sort(t);
            System.out.printf(Locale.ROOT, "N=%d  min %.2f ms  median %.2f ms (thread CPU time, %d steps)%n", n,
                    t[0] / 1e6, t[reps / 2] / 1e6, reps);
        }
    }
}
