package org.physrec.app.bench.recon;

import java.util.ArrayList;
import java.util.List;
import org.physrec.app.recon.OptimizerChoice;
import org.physrec.app.recon.ReconstructionObjective;
import org.physrec.app.train.physics.ReconWindow;
import org.physrec.optim.Minimizer;
import org.physrec.optim.Optimizer;
import org.physrec.optim.RunResult;
import org.physrec.optim.StoppingRule;
import org.physrec.optim.meta.Evaluator;

/**
 * Runs every optimizer for a fixed iteration budget on every window. Each (window, optimizer)
 * job builds its own objective, so jobs run in parallel through the {@link Evaluator} and the
 * losses and evaluation counts equal a serial run's; only the wall times depend on the load.
 * Optimizer names resolve through {@link OptimizerChoice} (registry names, with the
 * reconstruction's step sizes for the first-order methods).
 */
public final class ReconOptimizerBenchmark {

    private ReconOptimizerBenchmark() {
    }

    /**
     * @param progress called once per finished job (from worker threads)
     * @return runs in order window-major, then optimizer
     */
    public static List<RunCurve> run(List<ReconWindow> windows, List<String> optimizers, int iterations,
                                     Evaluator evaluator, Runnable progress) {
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations: must be >= 1, got " + iterations);
        }
        for (String name : optimizers) {
            OptimizerChoice.resolve(name);
        }
        int n = optimizers.size();
        return evaluator.map(windows.size() * n, j -> {
            RunCurve c = runOne(windows.get(j / n), optimizers.get(j % n), iterations);
            progress.run();
            return c;
        });
    }

    /** One optimizer on one window. */
    public static RunCurve runOne(ReconWindow window, String optimizerName, int iterations) {
        Optimizer<?> opt = OptimizerChoice.resolve(optimizerName);
        ReconstructionObjective f = window.objective();
        List<double[]> rows = new ArrayList<>();
        long t0 = System.nanoTime();
        RunResult r = Minimizer.run(opt, f, window.x0(), StoppingRule.maxIterations(iterations),
                s -> rows.add(new double[] {s.value, s.evaluations, (System.nanoTime() - t0) * 1e-9}));
        double[] values = new double[rows.size()];
        long[] evals = new long[rows.size()];
        double[] secs = new double[rows.size()];
        for (int k = 0; k < rows.size(); k++) {
            values[k] = rows.get(k)[0];
            evals[k] = (long) rows.get(k)[1];
            secs[k] = rows.get(k)[2];
        }
        return new RunCurve(window.id(), optimizerName, values, evals, secs, r.status().name(), r.reason());
    }
}
