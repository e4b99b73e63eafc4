package org.physrec.datasets.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * Bench harness beside {@link LoadBenchmark}: the same loads, reporting the loading thread's CPU
 * time (ThreadMXBean) as well as wall time, because on a shared, overloaded machine wall time
 * mostly measures waiting for a core. Run: {@code java -cp ... org.physrec.datasets.bench.LoadCpuTime [reps]}.
 */
public final class LoadCpuTime {

    private LoadCpuTime() {
    }

    public static void main(String[] args) throws Exception {
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        System.out.printf("%-16s %12s %12s %12s   (%d frames, %d cameras, %d loads after %d warm-up)%n", "format",
                "cpu median", "cpu min", "wall median", LoadBenchmark.FRAMES, LoadBenchmark.CAMERAS, reps, reps);
        for (String f : new String[] {"physrec-json", "physrec-csv", "videopose3d-npz", "aist-pkl", "h36m-cdf"}) {
            LoadBenchmark b = new LoadBenchmark();
            b.format = f;
            b.setup();
            try {
                double[] cpu = new double[reps];
                double[] wall = new double[reps];
                for (int i = 0; i < 2 * reps; i++) {
                    long c0 = mx.getCurrentThreadCpuTime();
                    long w0 = System.nanoTime();
                    b.load();
                    if (i >= reps) {
                        cpu[i - reps] = (mx.getCurrentThreadCpuTime() - c0) / 1e6;
                        wall[i - reps] = (System.nanoTime() - w0) / 1e6;
                    }
                }
                Arrays.sort(cpu);
                Arrays.sort(wall);
                System.out.printf("%-16s %9.1f ms %9.1f ms %9.1f ms%n", f, cpu[reps / 2], cpu[0], wall[reps / 2]);
            } finally {
                b.tearDown();
            }
        }
    }
}
