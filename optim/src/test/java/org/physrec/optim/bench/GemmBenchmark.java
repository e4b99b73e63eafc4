package org.physrec.optim.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.physrec.optim.nn.Gemm;

/** One Optimus FFN product (N×128 · 128×512): register-blocked Vector API kernel vs the plain loop. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@State(Scope.Thread)
public class GemmBenchmark {

    @Param({"224", "1000"})
    int rows;

    float[] a;
    float[] b;
    float[] c;

    @Setup
    public void setup() {
        SplittableRandom r = new SplittableRandom(1);
        a = new float[rows * 128];
        b = new float[128 * 512];
        c = new float[rows * 512];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) r.nextDouble();
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = (float) r.nextDouble();
        }
    }

    @Benchmark
    public float[] vectorKernel() {
        Gemm.mul(rows, 512, 128, a, 0, 128, b, 0, 512, c, 0, 512, false);
        return c;
    }

    @Benchmark
    public float[] plainLoop() {
        java.util.Arrays.fill(c, 0f);
        for (int i = 0; i < rows; i++) {
            for (int k = 0; k < 128; k++) {
                float x = a[i * 128 + k];
                for (int j = 0; j < 512; j++) {
                    c[i * 512 + j] += x * b[k * 512 + j];
                }
            }
        }
        return c;
    }
}
