package org.physrec.app.eval.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.physrec.app.eval.MetricSettings;
import org.physrec.app.eval.MotionMetrics;
import org.physrec.app.eval.SequenceMetrics;
import org.physrec.app.export.BvhFile;
import org.physrec.app.export.H36mBvh;

/**
 * Cost of evaluating and of converting to BVH a 1000-frame H36M-17 clip (a random walk of poses;
 * the cost does not depend on the motion). Run: see docs/PERFORMANCE.md, "Evaluation and export".
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class EvalExportBench {

    static final int T = 1000;
    static final int J = 17;

    double[] gt;
    double[] pred;

    @Setup
    public void setup() {
        Random rnd = new Random(1);
        gt = new double[T * J * 3];
        pred = new double[T * J * 3];
        for (int j = 0; j < J * 3; j++) {
            gt[j] = 300 * rnd.nextGaussian() + (j % 3 == 2 ? 900 : 0);
        }
        for (int t = 1; t < T; t++) {
            for (int j = 0; j < J * 3; j++) {
                gt[t * J * 3 + j] = gt[(t - 1) * J * 3 + j] + 5 * rnd.nextGaussian();
            }
        }
        for (int i = 0; i < pred.length; i++) {
            pred[i] = gt[i] + 30 * rnd.nextGaussian();
        }
    }

    /** All metrics of one 1000-frame sequence (PA-MPJPE: one 3x3 SVD per frame). */
    @Benchmark
    public SequenceMetrics evaluate1000Frames() {
        return MotionMetrics.evaluate("bench", 25, pred, gt, T, J, MetricSettings.h36m17());
    }

    /** Joint positions to BVH channels (no file I/O). */
    @Benchmark
    public BvhFile bvhConvert1000Frames() {
        return H36mBvh.fromJoints(25, gt, T);
    }
}
