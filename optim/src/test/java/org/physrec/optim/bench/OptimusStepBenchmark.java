package org.physrec.optim.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.physrec.optim.Objective;
import org.physrec.optim.functions.TestFunctions;
import org.physrec.optim.learned.Optimus;

/**
 * One Optimus iteration (features, 3-layer d=128 encoder over N tokens, rank-one update of the
 * dense B, matvec, one Rosenbrock evaluation) on one thread, versus N.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@State(Scope.Thread)
public class OptimusStepBenchmark {

    @Param({"2", "10", "50", "100", "224", "500", "1000"})
    int n;

    Optimus.Opt opt;
    Optimus.State state;
    Objective f;
    double[] x0;

    @Setup(Level.Iteration)
    public void setup() {
        Optimus arch = Optimus.defaults();
        opt = arch.instantiate(arch.init(0));
        f = TestFunctions.byName("rosenbrock").objective(n);
        x0 = TestFunctions.byName("rosenbrock").initialPoint(n, 1);
        state = opt.init(x0, f);
    }

    @Benchmark
    public Optimus.State step() {
        if (!state.isRunning() || state.iteration > 5000) {
            state = opt.init(x0, f);
        }
        opt.step(state, f);
        return state;
    }
}
