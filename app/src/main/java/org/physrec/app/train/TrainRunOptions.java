package org.physrec.app.train;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every meta-training command shares (a picocli mixin): where, how long, how many threads. */
public final class TrainRunOptions {

    @Option(names = "--out", description = "output folder (default: out/train/<name>)")
    Path out;

    @Option(names = "--resume", description = "continue from <out>/trainer.safetensors if present")
    boolean resume;

    @Option(names = "--iterations", description = "override the config's total outer iterations")
    Integer iterations;

    @Option(names = "--minutes", description = "stop (after a checkpoint) once this much wall time has passed")
    Double minutes;

    @Option(names = "--threads", description = "worker threads (default: all cores); results do not depend on it")
    Integer threads;

    /** The output folder of a run named {@code name}. */
    public Path dir(String name) {
        return out != null ? out : Path.of("out", "train", name);
    }

    public boolean resume() {
        return resume;
    }

    /** Outer iterations to reach: the flag, else the config's. */
    public int totalIterations(int configured) {
        return iterations != null ? iterations : configured;
    }

    public int threads() {
        return threads != null ? threads : Runtime.getRuntime().availableProcessors();
    }

    /** Whether the --minutes budget is spent after {@code elapsedSeconds} of wall time. */
    public boolean timeUp(double elapsedSeconds) {
        return minutes != null && elapsedSeconds > minutes * 60;
    }
}
