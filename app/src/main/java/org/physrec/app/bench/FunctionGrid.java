package org.physrec.app.bench;

import java.util.List;
import org.physrec.optim.functions.TestFunction;

/**
 * What {@code bench functions} runs: every (function, dimension) cell, {@code runs} seeded starts
 * per cell, each optimizer for at most {@code iterations} iterations.
 *
 * @param functions  test functions, in output order
 * @param dims       dimensions, each ≥ 1
 * @param optimizers optimizer names from the registry, in output order
 * @param runs       starts per cell, ≥ 1
 * @param iterations iteration budget per run, ≥ 1
 * @param seed       base seed; start r of cell (f, d) depends only on (seed, f, d, r)
 * @param threads    worker threads, ≥ 1 (results do not depend on it)
 */
public record FunctionGrid(List<TestFunction> functions, List<Integer> dims, List<String> optimizers,
                           int runs, int iterations, long seed, int threads) {

    /** Table 4's dimensions. */
    public static final List<Integer> TABLE4_DIMS = List.of(2, 10, 20, 50, 100, 250, 500, 1000);

    public FunctionGrid {
        functions = List.copyOf(functions);
        dims = List.copyOf(dims);
        optimizers = List.copyOf(optimizers);
        if (functions.isEmpty() || dims.isEmpty() || optimizers.isEmpty()) {
            throw new IllegalArgumentException("functions, dims, optimizers: each needs at least one entry");
        }
        for (int d : dims) {
            if (d <= 0) {
                throw new IllegalArgumentException("dims: every dimension must be positive, got " + d);
            }
        }
        if (runs < 1) {
            throw new IllegalArgumentException("runs: must be >= 1, got " + runs);
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations: must be >= 1, got " + iterations);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads: must be >= 1, got " + threads);
        }
    }

    /** A copy with another thread count. */
    public FunctionGrid withThreads(int n) {
        return new FunctionGrid(functions, dims, optimizers, runs, iterations, seed, n);
    }

    /** The seed of start {@code run} in cell (function, d): SplitMix64 over (seed, name, d, run). */
    public long startSeed(TestFunction function, int d, int run) {
        long h = mix(seed ^ 0x9E3779B97F4A7C15L);
        h = mix(h ^ function.name().hashCode());
        h = mix(h ^ d);
        return mix(h ^ run);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
