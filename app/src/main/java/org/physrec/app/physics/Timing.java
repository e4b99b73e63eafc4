package org.physrec.app.physics;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * Wall time and thread CPU time of one operation over repeated samples (each sample averages a
 * batch of calls). On a machine shared with other jobs the thread waits for a core, which
 * inflates wall time but not CPU time; both are reported.
 *
 * @param name    what was timed
 * @param samples number of samples
 * @param batch   calls per sample
 * @param median  median time per call (µs)
 * @param min     fastest sample (µs per call)
 * @param p10     10th percentile (µs per call)
 * @param p90     90th percentile (µs per call)
 * @param max     slowest sample (µs per call)
 * @param cpuMedian median thread CPU time per call (µs)
 * @param cpuP10    10th percentile of the CPU time (µs per call)
 * @param cpuP90    90th percentile of the CPU time (µs per call)
 */
public record Timing(String name, int samples, int batch, double median, double min, double p10, double p90,
                     double max, double cpuMedian, double cpuP10, double cpuP90) {

    /** Relative spread (p90 − p10) / median. */
    public double spread() {
        return (p90 - p10) / median;
    }

    /**
     * Times {@code op}: warm-up for {@code warmupMillis}, a batch size giving samples of at least
     * {@code minSampleMillis}, then {@code samples} timed batches.
     */
    public static Timing measure(String name, Runnable op, long warmupMillis, int samples, double minSampleMillis) {
        if (samples < 1) {
            throw new IllegalArgumentException("samples: must be >= 1, got " + samples);
        }
        long end = System.nanoTime() + warmupMillis * 1_000_000L;
        int calls = 0;
        long start = System.nanoTime();
        do {
            op.run();
            calls++;
        } while (System.nanoTime() < end);
        double perCall = (System.nanoTime() - start) / (double) calls;
        int batch = (int) Math.max(1, Math.ceil(minSampleMillis * 1e6 / Math.max(perCall, 1)));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] t = new double[samples];
        double[] cpu = new double[samples];
        for (int s = 0; s < samples; s++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            for (int b = 0; b < batch; b++) {
                op.run();
            }
            t[s] = (System.nanoTime() - t0) / 1e3 / batch;
            cpu[s] = (threads.getCurrentThreadCpuTime() - c0) / 1e3 / batch;
        }
        Arrays.sort(t);
        Arrays.sort(cpu);
        return new Timing(name, samples, batch, quantile(t, 0.5), t[0], quantile(t, 0.1), quantile(t, 0.9),
                t[samples - 1], quantile(cpu, 0.5), quantile(cpu, 0.1), quantile(cpu, 0.9));
    }

    private static double quantile(double[] sorted, double p) {
        double x = p * (sorted.length - 1);
        int i = (int) Math.floor(x);
        int j = Math.min(i + 1, sorted.length - 1);
        return sorted[i] + (x - i) * (sorted[j] - sorted[i]);
    }
}
