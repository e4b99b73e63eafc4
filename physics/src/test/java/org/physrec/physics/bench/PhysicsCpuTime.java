package org.physrec.physics.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The scenarios of {@link PhysicsBenchmark} timed by thread CPU time (excludes waiting for a
 * core, which dominates wall time on the shared machine). Prints the median of 7 rounds.
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
        report("stepWithContact (us)", 5000, 1e3, b::stepWithContact);
        report("window8Forward (ms)", 50, 1e6, b::window8Forward);
        report("window8Gradient (ms)", 30, 1e6, b::window8Gradient);
        report("rollout200Gradient (ms)", 2, 1e6, b::rollout200Gradient);
    }

    private static void report(String name, int n, double unit, java.util.function.DoubleSupplier task) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double[] rounds = new double[7];
        double sink = 0;
        for (int w = 0; w < 3; w++) { // warm-up rounds
            for (int i = 0; i < n; i++) {
                sink += task.getAsDouble();
            }
        }
        for (int r = 0; r < rounds.length; r++) {
            long c0 = mx.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) {
                sink += task.getAsDouble();
            }
            rounds[r] = (mx.getCurrentThreadCpuTime() - c0) / (double) n / unit;
        }
        java.util.Arrays.sort(rounds);
        System.out.printf("%-26s median %.2f  min %.2f  (checksum %.3g)%n", name, rounds[3], rounds[0], sink);
    }
}
