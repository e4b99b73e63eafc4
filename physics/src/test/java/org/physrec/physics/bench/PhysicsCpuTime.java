package org.physrec.physics.bench;

import java.lang.management.ManagementFactory;

/**
 * The scenarios of {@link PhysicsBenchmark} timed by thread CPU time (excludes waiting for a
 * core, which dominates wall time on the shared machine). Prints the median of 7 rounds and
 * the bytes the thread allocated per call over them (JMH's {@code -prof gc} also counts its
 * own per-iteration allocations, about 6 KB, which dominate for slow calls).
 * Run: java -cp ... org.physrec.physics.bench.PhysicsCpuTime [interpreted]
 */
public final class PhysicsCpuTime {
    private PhysicsCpuTime() {
    }

    public static void main(String[] args) {
        PhysicsBenchmark b = new PhysicsBenchmark();
        b.interpreted = args.length > 0 && args[0].equals("interpreted");
        b.setup();
        System.out.println("interpreted: " + b.interpreted);
        report("forwardDynamics (us)", 20000, 1e3, b::forwardDynamics);
        report("forwardDynamicsAba (us)", 20000, 1e3, b::forwardDynamicsAba);
        report("stepWithContact (us)", 5000, 1e3, b::stepWithContact);
        report("window8Forward (ms)", 50, 1e6, b::window8Forward);
        report("window8Gradient (ms)", 30, 1e6, b::window8Gradient);
        report("rollout200Gradient (ms)", 2, 1e6, b::rollout200Gradient);
    }

    private static void report(String name, int n, double unit, java.util.function.DoubleSupplier task) {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        double[] rounds = new double[7];
        double sink = 0;
        for (int w = 0; w < 3; w++) { // warm-up rounds
            for (int i = 0; i < n; i++) {
                sink += task.getAsDouble();
            }
        }
        long bytes = mx.getThreadAllocatedBytes(thread);
        for (int r = 0; r < rounds.length; r++) {
            long c0 = mx.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) {
                sink += task.getAsDouble();
            }
            rounds[r] = (mx.getCurrentThreadCpuTime() - c0) / (double) n / unit;
        }
        double perCall = (mx.getThreadAllocatedBytes(thread) - bytes) / (double) (n * rounds.length);
        java.util.Arrays.sort(rounds);
        System.out.printf("%-26s median %.2f  min %.2f  allocated %.1f B/call  (checksum %.3g)%n", name, rounds[3],
                rounds[0], perCall, sink);
    }
}
