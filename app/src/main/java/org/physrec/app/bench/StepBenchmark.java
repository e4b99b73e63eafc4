package org.physrec.app.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.physrec.optim.Objective;
import org.physrec.optim.Optimizer;
import org.physrec.optim.OptimizerRegistry;
import org.physrec.optim.OptimizerState;
import org.physrec.optim.functions.TestFunction;

/**
 * Times one optimizer step versus dimension (the supplement's Fig. 1) with a warmed-up harness:
 * per (optimizer, N), steps run for a warm-up period (the JIT compiles the hot loops), then each
 * step is timed individually for a measurement period. A state that stops is re-initialized
 * outside the timed region. The objective's own cost is timed separately, so the optimizer's
 * update overhead (median step time minus evaluations × evaluation time) is reported too.
 */
public final class StepBenchmark {

    /**
     * Timing of one (optimizer, N).
     *
     * @param medianStepMicros   median wall time of one step, µs
     * @param meanStepMicros     mean wall time of one step, µs
     * @param evaluationsPerStep mean objective evaluations per step
     * @param evaluationMicros   median time of one objective evaluation, µs
     * @param updateMicros       medianStep − evaluationsPerStep × evaluation: an estimate of the
     *                           optimizer's own cost, µs (medians resist preemption on a shared machine)
     * @param steps              timed steps
     */
    public record Point(String optimizer, int dimension, double medianStepMicros, double meanStepMicros,
                        double evaluationsPerStep, double evaluationMicros, double updateMicros, int steps) {
    }

    /**
     * @param warmupMillis  per (optimizer, N), ≥ 0
     * @param measureMillis per (optimizer, N), ≥ 1
     */
    public record Settings(TestFunction function, List<Integer> dims, List<String> optimizers,
                           long warmupMillis, long measureMillis, long seed) {
        public Settings {
            dims = List.copyOf(dims);
            optimizers = List.copyOf(optimizers);
            if (dims.isEmpty() || optimizers.isEmpty()) {
                throw new IllegalArgumentException("dims, optimizers: each needs at least one entry");
            }
            for (int d : dims) {
                if (d <= 0) {
                    throw new IllegalArgumentException("dims: every dimension must be positive, got " + d);
                }
            }
            if (warmupMillis < 0 || measureMillis < 1) {
                throw new IllegalArgumentException("warmupMillis >= 0 and measureMillis >= 1 required, got "
                        + warmupMillis + ", " + measureMillis);
            }
        }
    }

    private StepBenchmark() {
    }

    /** Runs every (optimizer, N) on the calling thread, in order. */
    public static List<Point> run(Settings settings, OptimizerRegistry registry, Runnable onPointDone) {
        for (String name : settings.optimizers()) {
            registry.byName(name);
        }
        List<Point> points = new ArrayList<>();
        for (String name : settings.optimizers()) {
            for (int n : settings.dims()) {
                points.add(measure(registry.byName(name), name, settings, n));
                onPointDone.run();
            }
        }
        return points;
    }

    private static <S extends OptimizerState> Point measure(Optimizer<S> optimizer, String name, Settings c, int n) {
        Objective f = c.function().objective(n);
        double[] x0 = c.function().initialPoint(n, c.seed() ^ n);
        S s = optimizer.init(x0, f);
        long warmupEnd = System.nanoTime() + c.warmupMillis() * 1_000_000;
        while (System.nanoTime() < warmupEnd) {
            s = stepOrRestart(optimizer, f, x0, s);
        }
        long[] times = new long[1 << 12];
        int count = 0;
        long evaluations = 0;
        long measureEnd = System.nanoTime() + c.measureMillis() * 1_000_000;
        while (System.nanoTime() < measureEnd || count < 3) {
            if (!s.isRunning()) {
                s = optimizer.init(x0, f);
            }
            long evalsBefore = s.evaluations;
            long t0 = System.nanoTime();
            optimizer.step(s, f);
            long dt = System.nanoTime() - t0;
            if (count == times.length) {
                times = Arrays.copyOf(times, 2 * count);
            }
            times[count++] = dt;
            evaluations += s.evaluations - evalsBefore;
        }
        long[] used = Arrays.copyOf(times, count);
        double mean = Arrays.stream(used).average().orElse(Double.NaN) / 1e3;
        Arrays.sort(used);
        double median = used[count / 2] / 1e3;
        double evalsPerStep = (double) evaluations / count;
        double evalMicros = evaluationMicros(f, x0, Math.max(1, c.measureMillis() / 4));
        return new Point(name, n, median, mean, evalsPerStep, evalMicros, median - evalsPerStep * evalMicros, count);
    }

    private static <S extends OptimizerState> S stepOrRestart(Optimizer<S> optimizer, Objective f, double[] x0, S s) {
        if (!s.isRunning()) {
            return optimizer.init(x0, f);
        }
        optimizer.step(s, f);
        return s;
    }

    /** Median time of one evaluation at points near x0 (warmed up for half the period). */
    private static double evaluationMicros(Objective f, double[] x0, long millis) {
        double[] x = x0.clone();
        double[] g = new double[x.length];
        double sink = 0;
        long warmEnd = System.nanoTime() + millis * 500_000;
        while (System.nanoTime() < warmEnd) {
            sink += f.valueAndGradient(x, g);
        }
        long[] times = new long[1 << 12];
        int count = 0;
        long end = System.nanoTime() + millis * 1_000_000;
        while ((System.nanoTime() < end || count < 3) && count < times.length) {
            x[count % x.length] += 1e-9;
            long t0 = System.nanoTime();
            sink += f.valueAndGradient(x, g);
            times[count++] = System.nanoTime() - t0;
        }
        if (Double.isNaN(sink)) {
            throw new IllegalStateException("objective returned NaN near the start point");
        }
        long[] used = Arrays.copyOf(times, count);
        Arrays.sort(used);
        return used[count / 2] / 1e3;
    }
}
