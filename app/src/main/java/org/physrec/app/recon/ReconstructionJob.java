package org.physrec.app.recon;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.physrec.datasets.Sequence;
import org.physrec.physics.Model;

/**
 * One reconstruction from a loaded sequence to files: select cameras, prepare, reconstruct,
 * measure against ground truth, write. Files are first written to a hidden staging folder
 * beside the output folder and moved in only when everything succeeded, so a failure leaves
 * no partial output.
 */
public final class ReconstructionJob {

    /** What a finished job produced. */
    public record Result(Reconstruction reconstruction, ReconstructionMetrics metrics) {
    }

    private ReconstructionJob() {
    }

    /**
     * @param cameras  camera selection ({@link CameraSelection})
     * @param out      output folder (created), or null to write nothing
     * @param video    whether to write an MP4 overlay in the first used camera
     * @param simulations the simulator for a fitted character
     */
    public static Result run(Sequence raw, ReconstructionSettings settings, String cameras, Path out, boolean video,
                             Function<Model, WindowSimulation> simulations, Consumer<String> log) throws IOException {
        StageTimer timer = new StageTimer();
        timer.start("prepare");
        Sequence selected = CameraSelection.apply(raw, cameras);
        ReconstructionInput in = ReconstructionInput.prepare(selected, settings);
        log.accept(String.format(java.util.Locale.ROOT, "%s: %d frames at %.0f fps, %d camera(s) with 2D, floor at %.0f mm%s",
                in.sequence().id(), in.sequence().frames(), in.sequence().fps(), in.observations().cameras().size(),
                in.groundZmm(), in.groundEstimated() ? " (estimated)" : ""));
        log.accept("3D keypoints: " + in.input3d());
        Reconstructor rec = new Reconstructor(settings, simulations, log);
        Reconstruction r = rec.run(in, timer);
        timer.start("metrics");
        ReconstructionMetrics m = ReconstructionMetrics.of(r, in.sequence());
        timer.stop();
        if (out != null) {
            timer.start("write");
            var obs = in.observations();
            boolean cam = video && !obs.cameras().isEmpty();
            Reconstruction timed = r;
            writeStaged(out, staging -> {
                try {
                    ReconstructionWriter.write(staging, timed, m, settings, cam ? obs.cameras().get(0) : null,
                            cam ? obs.pixels().get(0) : null, cam ? obs.confidences().get(0) : null);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            timer.stop();
        }
        Reconstruction withTimes = new Reconstruction(r.id(), r.fps(), r.frames(), r.model(), r.groundZmm(),
                r.boneLengths(), r.jointsMm(), r.kinematicMm(), r.referenceMm(), r.q(), r.v0(), r.torques(), r.residualWrench(),
                r.contactForces(), r.windows(), timer.seconds());
        return new Result(withTimes, m);
    }

    /** Writes into a staging folder, then moves every file into {@code out}; cleans up on failure. */
    public static void writeStaged(Path out, Consumer<Path> writer) throws IOException {
        Path abs = out.toAbsolutePath().normalize();
        Files.createDirectories(abs);
        Path staging = Files.createTempDirectory(abs.getParent(), "." + abs.getFileName() + ".partial-");
        try {
            writer.accept(staging);
            try (Stream<Path> files = Files.list(staging)) {
                for (Path f : files.toList()) {
                    Files.move(f, abs.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING,
                            StandardCopyOption.ATOMIC_MOVE);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            deleteTree(staging);
        }
    }

    /** Checks early that {@code out} can be created and written, naming it otherwise. */
    public static void checkWritable(Path out) throws IOException {
        Path abs = out.toAbsolutePath().normalize();
        try {
            Files.createDirectories(abs);
        } catch (IOException e) {
            throw new IOException("output folder " + abs + " cannot be created: " + e, e);
        }
        if (!Files.isDirectory(abs) || !Files.isWritable(abs) || abs.getParent() == null
                || !Files.isWritable(abs.getParent())) {
            throw new IOException("output folder " + abs + " (or its parent) is not writable");
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
