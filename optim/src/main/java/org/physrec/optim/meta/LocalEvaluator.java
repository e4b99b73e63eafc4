package org.physrec.optim.meta;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** An {@link Evaluator} on a local fixed thread pool; {@code threads = 1} runs jobs in the caller. */
public final class LocalEvaluator implements Evaluator {

    private final int threads;
    private final ExecutorService pool;

    public LocalEvaluator(int threads) {
        if (threads <= 0) {
            throw new IllegalArgumentException("threads: must be positive, got " + threads);
        }
        this.threads = threads;
        this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "physrec-eval");
            t.setDaemon(true);
            return t;
        });
    }

    /** One thread per available core. */
    public static LocalEvaluator allCores() {
        return new LocalEvaluator(Runtime.getRuntime().availableProcessors());
    }

    public int threads() {
        return threads;
    }

    @Override
    public <T> List<T> map(int count, IntFunction<T> job) {
        List<T> out = new ArrayList<>(count);
        if (pool == null) {
            for (int i = 0; i < count; i++) {
                out.add(job.apply(i));
            }
            return out;
        }
        List<Future<T>> futures = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int idx = i;
            futures.add(pool.submit(() -> job.apply(idx)));
        }
        for (int i = 0; i < count; i++) {
            try {
                out.add(futures.get(i).get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for job " + i, e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("job " + i + " failed: " + e.getCause(), e.getCause());
            }
        }
        return out;
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
