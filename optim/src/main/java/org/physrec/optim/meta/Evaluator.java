package org.physrec.optim.meta;

import java.util.List;
import java.util.function.IntFunction;

/**
 * Runs independent jobs and returns their results in job order. Jobs must not share mutable
 * state, so any implementation (serial, thread pool, distributed) gives the same results.
 */
public interface Evaluator extends AutoCloseable {

    /** Results of {@code job.apply(0..count-1)}, in index order; a failing job fails the call. */
    <T> List<T> map(int count, IntFunction<T> job);

    @Override
    default void close() {
    }
}
