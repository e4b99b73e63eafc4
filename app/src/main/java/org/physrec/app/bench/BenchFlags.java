package org.physrec.app.bench;

import java.util.List;
import java.util.Locale;
import org.physrec.optim.OptimizerRegistry;
import org.physrec.optim.Optimizers;

/** Checks of the flags the benchmark commands share; a bad value throws IllegalArgumentException naming the flag. */
final class BenchFlags {

    private BenchFlags() {
    }

    /**
     * The {@code --optimizers} names, trimmed and lower-cased, or the classical ones when none are
     * given; each must be known to {@code registry}.
     */
    static List<String> optimizers(List<String> given, OptimizerRegistry registry) {
        List<String> names = given == null || given.isEmpty()
                ? Optimizers.classical().names() : given.stream().map(s -> s.trim().toLowerCase(Locale.ROOT)).toList();
        for (String name : names) {
            registry.byName(name);
        }
        return names;
    }

    /** Every {@code --dims} entry must be a positive dimension. */
    static void checkDims(List<Integer> dims) {
        for (Integer d : dims) {
            if (d == null || d <= 0) {
                throw new IllegalArgumentException("--dims: every dimension must be positive, got " + d);
            }
        }
    }
}
