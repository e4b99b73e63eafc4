package org.physrec.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.physrec.app.synth.SynthSettings;
import org.physrec.app.synth.Synthesizer;
import org.physrec.datasets.DataRoot;
import org.physrec.datasets.Sequence;
import org.physrec.datasets.io.PhysrecJson;
import picocli.CommandLine;

/** Exit codes, messages and "no partial output" of physrec reconstruct on bad input. */
class ReconstructCommandTest {

    @TempDir
    Path tmp;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    /** A short synthesized input (3D estimate + 2D in every camera), written to a file. */
    private Path input(String name, java.util.function.UnaryOperator<Sequence> edit) throws Exception {
        var dir = DataRoot.motion();
        assumeTrue(dir.isPresent(), "shared motion data not found");
        Sequence s = PhysrecJson.read(dir.get().resolve("cmu_131_01_start_walk_stop.json")).resample(25).window(20, 12);
        Sequence synth = edit.apply(Synthesizer.synthesize(s, SynthSettings.defaults(2)));
        Path f = tmp.resolve(name + ".json");
        PhysrecJson.write(synth, f);
        return f;
    }

    private static boolean empty(Path dir) throws Exception {
        if (!Files.exists(dir)) {
            return true;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    @Test
    void missingInputFileFailsWithExitOneAndNoOutput() throws Exception {
        Path out = tmp.resolve("out");
        Run r = run("reconstruct", tmp.resolve("nope.json").toString(), "--out", out.toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("nope.json"), r.err());
        assertTrue(empty(out));
    }

    @Test
    void corruptJsonNamesTheFile() throws Exception {
        Path f = tmp.resolve("bad.json");
        Files.writeString(f, "{\"fps\": 25, \"joints\": [[[1, 2");
        Path out = tmp.resolve("out");
        Run r = run("reconstruct", f.toString(), "--out", out.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("bad.json"), r.err());
        assertTrue(empty(out));
    }

    @Test
    void unknownOptimizerIsBadUsage() throws Exception {
        Path f = input("ok", s -> s);
        Run r = run("reconstruct", f.toString(), "--out", tmp.resolve("out").toString(), "--optimizer", "newton9");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("newton9") && r.err().contains("lbfgs"), r.err());
        assertTrue(empty(tmp.resolve("out")));
    }

    @Test
    void sequenceShorterThanAWindowFails() throws Exception {
        Path f = input("short", s -> s);
        Path out = tmp.resolve("out");
        Run r = run("reconstruct", f.toString(), "--out", out.toString(), "--window", "20", "--overlap", "2");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("shorter than one window"), r.err());
        assertTrue(empty(out));
    }

    @Test
    void allZeroConfidencesFail() throws Exception {
        Path f = input("zeroconf", s -> {
            Sequence.Builder b = Sequence.builder(s.id(), s.fps(), s.skeleton(), s.frames(), s.upAxis());
            for (int c = 0; c < s.cameras().size(); c++) {
                b.camera(s.camera(c));
            }
            double[] px = s.keypoints2d(0);
            Arrays.fill(px, Double.NaN);
            b.keypoints2d(s.camera(0).name(), px, new double[s.frames() * 17]);
            return b.keypoints3d(s.keypoints3d()).groundTruth(s.groundTruth()).build();
        });
        Path out = tmp.resolve("out");
        Run r = run("reconstruct", f.toString(), "--out", out.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("confidences are all zero"), r.err());
        assertTrue(empty(out));
    }

    @Test
    void cameraThatDoesNotSeeTheSubjectFails() throws Exception {
        Path f = input("blind", s -> {
            Sequence.Builder b = Sequence.builder(s.id(), s.fps(), s.skeleton(), s.frames(), s.upAxis());
            for (int c = 0; c < s.cameras().size(); c++) {
                b.camera(s.camera(c));
            }
            double[] px = s.keypoints2d(0);
            double[] conf = s.confidences2d(0);
            for (int i = 0; i < px.length; i++) {
                if (!Double.isNaN(px[i])) {
                    px[i] += 50_000;
                }
            }
            b.keypoints2d(s.camera(0).name(), px, conf);
            return b.keypoints3d(s.keypoints3d()).groundTruth(s.groundTruth()).build();
        });
        Path out = tmp.resolve("out");
        Run r = run("reconstruct", f.toString(), "--out", out.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("does not see the subject"), r.err());
        assertTrue(empty(out));
    }

    @Test
    void unwritableOutputFolderFails() throws Exception {
        Path f = input("ok2", s -> s);
        Path blocker = tmp.resolve("file");
        Files.writeString(blocker, "x");
        Run r = run("reconstruct", f.toString(), "--out", blocker.resolve("sub").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("cannot be created"), r.err());
    }

    @Test
    void badFrameRangeIsBadUsage() throws Exception {
        Path f = input("ok3", s -> s);
        Run r = run("reconstruct", f.toString(), "--out", tmp.resolve("out").toString(), "--frames", "9:3");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("frames"), r.err());
        assertFalse(Files.exists(tmp.resolve("out").resolve("trajectory.json")));
    }
}
