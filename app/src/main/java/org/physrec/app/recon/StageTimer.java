package org.physrec.app.recon;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Wall-clock and CPU seconds (of the calling thread) per named pipeline stage, in order of
 * first use. CPU time matters on a shared machine, where wall time also counts other jobs.
 */
public final class StageTimer {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Map<String, Double> seconds = new LinkedHashMap<>();
    private final Map<String, Double> cpuSeconds = new LinkedHashMap<>();
    private String current;
    private long started;
    private long startedCpu;

    /** Ends the running stage (if any) and starts {@code stage}. */
    public void start(String stage) {
        stop();
        current = stage;
        started = System.nanoTime();
        startedCpu = cpu();
    }

    /** Ends the running stage. */
    public void stop() {
        if (current != null) {
            seconds.merge(current, (System.nanoTime() - started) * 1e-9, Double::sum);
            cpuSeconds.merge(current + "_cpu", (cpu() - startedCpu) * 1e-9, Double::sum);
            current = null;
        }
    }

    /** Wall seconds per stage, then CPU seconds per stage under "{stage}_cpu" (a copy). */
    public Map<String, Double> seconds() {
        Map<String, Double> m = new LinkedHashMap<>(seconds);
        m.putAll(cpuSeconds);
        return m;
    }

    private static long cpu() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : 0;
    }
}
