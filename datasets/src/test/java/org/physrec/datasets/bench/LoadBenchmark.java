package org.physrec.datasets.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.physrec.datasets.Sequence;
import org.physrec.datasets.TestData;
import org.physrec.datasets.aist.AistppReader;
import org.physrec.datasets.fixtures.Fixtures;
import org.physrec.datasets.h36m.H36mReleaseReader;
import org.physrec.datasets.h36m.VideoPose3dReader;
import org.physrec.datasets.io.PhysrecCsv;
import org.physrec.datasets.io.PhysrecJson;

/**
 * Time to load one 2,000-frame sequence with 4 cameras (2D keypoints in every camera plus ground
 * truth) from each supported format, files written once in {@link #setup()} from known motion.
 * Each measurement includes opening, parsing, validation and the in-front-of-camera check.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx2g"})
@State(Scope.Benchmark)
public class LoadBenchmark {

    static final int FRAMES = 2000;
    static final int CAMERAS = 4;

    @Param({"physrec-json", "physrec-csv", "videopose3d-npz", "aist-pkl", "h36m-cdf"})
    String format;

    Path dir;

    @Setup(Level.Trial)
    public void setup() throws IOException {
        dir = Files.createTempDirectory("physrec-bench");
        switch (format) {
            case "physrec-json" -> PhysrecJson.write(TestData.h36mLike(FRAMES, 50), dir.resolve("s.json"));
            case "physrec-csv" -> PhysrecCsv.write(TestData.h36mLike(FRAMES, 50), dir.resolve("s.csv"));
            case "videopose3d-npz" -> Fixtures.videoPose3d(dir, new String[] {"S9"}, new String[] {"Walking"}, new int[] {FRAMES});
            case "aist-pkl" -> Fixtures.aist(dir, "gBR_sBM_cAll_d04_mBR0_ch01", FRAMES, CAMERAS);
            case "h36m-cdf" -> Fixtures.h36mRelease(dir, FRAMES, CAMERAS);
            default -> throw new IllegalArgumentException(format);
        }
    }

    @Benchmark
    public Sequence load() throws IOException {
        return switch (format) {
            case "physrec-json" -> PhysrecJson.read(dir.resolve("s.json"));
            case "physrec-csv" -> PhysrecCsv.read(dir.resolve("s.csv"));
            case "videopose3d-npz" -> VideoPose3dReader.open(dir.resolve("data_3d_h36m.npz"), dir.resolve("data_2d_h36m_gt.npz"))
                    .load("S9", "Walking");
            case "aist-pkl" -> new AistppReader(dir).load("gBR_sBM_cAll_d04_mBR0_ch01", "setting1");
            case "h36m-cdf" -> new H36mReleaseReader(dir).load("S9", "Walking 1");
            default -> throw new IllegalArgumentException(format);
        };
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
