package org.physrec.app.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.physrec.app.CliRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.physrec.app.CliRun;
import org.physrec.app.export.BvhFile;
import org.physrec.app.export.MotionClip;
import org.physrec.app.export.Trajectory;
import org.physrec.app.export.TrajectoryJson;
import org.physrec.app.export.WindowLoss;
import org.physrec.datasets.Sequence;
import org.physrec.datasets.io.PhysrecJson;

/** synth -> eval -> export through the command line, on a real clip. */
class CommandsTest {

    static Path clip() throws IOException {
        return MotionClip.files().stream().filter(p -> p.getFileName().toString().startsWith("cmu_131_01")).findFirst()
                .orElseThrow();
    }

    @Test
    void synthThenEvalThenExport(@TempDir Path dir) throws IOException {
        Path gt = clip();
        Path syn = dir.resolve("syn.json");
        CliRun s = run("synth", "-i", gt.toString(), "-o", syn.toString(), "--seed", "4", "--fps", "10");
        assertEquals(0, s.code(), s.err());
        assertTrue(s.out().contains("MPJPE"), s.out());
        Sequence seq = PhysrecJson.read(syn);
        assertEquals(10.0, seq.fps());
        assertEquals(4, seq.cameras().size());
        assertTrue(seq.hasKeypoints3d() && seq.hasGroundTruth() && seq.hasKeypoints2d(0));

        CliRun e = run("score", "--gt", gt.toString(), "--pred", syn.toString(), "-o", dir.resolve("eval").toString());
        assertEquals(0, e.code(), e.err());
        JsonNode metrics = new ObjectMapper().readTree(dir.resolve("eval/metrics.json").toFile());
        double mpjpe = metrics.get("frame_weighted").get("mpjpe").asDouble();
        assertTrue(mpjpe > 30 && mpjpe < 70, "synth estimate MPJPE " + mpjpe);
        assertTrue(Files.readString(dir.resolve("eval/table.md")).contains("DiffPhy"));
        assertTrue(Files.exists(dir.resolve("eval/sequences/cmu_131_01_start_walk_stop.json")));
        CliRun auto = run("score", "--gt", gt.toString(), "--pred", syn.toString(), "-o", dir.resolve("eval2").toString(),
                "--ground-z", "auto");
        assertEquals(0, auto.code(), auto.err());
        assertTrue(auto.out().contains("ground plane z = "), auto.out());
        assertEquals(2, run("score", "--gt", gt.toString(), "--pred", syn.toString(), "-o", dir.toString(),
                "--ground-z", "floor").code());

        Path exp = dir.resolve("export");
        CliRun x = run("export", "-s", syn.toString(), "-o", exp.toString(), "--cameras", seq.camera(1).name());
        assertEquals(0, x.code(), x.err());
        for (String f : List.of("trajectory.json", "frames.csv", "motion.bvh", "stick.mp4",
                "overlay_" + seq.camera(1).name() + ".mp4", "per_joint_mpjpe.png")) {
            assertTrue(Files.size(exp.resolve(f)) > 100, f);
        }
        assertTrue(Files.notExists(exp.resolve("overlay_" + seq.camera(0).name() + ".mp4")));
        assertEquals(seq.frames(), BvhFile.read(exp.resolve("motion.bvh")).frames());
    }

    @Test
    void exportOfATrajectoryWithLossesAndContacts(@TempDir Path dir) throws IOException {
        Path syn = dir.resolve("syn.json");
        assertEquals(0, run("synth", "-i", clip().toString(), "-o", syn.toString(), "--fps", "5").code());
        Sequence seq = PhysrecJson.read(syn);
        int t = seq.frames();
        double[] forces = new double[t * 2 * 3];
        for (int f = 0; f < t; f++) {
            forces[f * 6 + 2] = 300 + f;
        }
        Trajectory traj = new Trajectory(seq.fps(), t, seq.skeleton().jointNames(), seq.keypoints3d(), List.of(), null,
                List.of(), null, List.of("l_foot", "r_foot"), forces,
                List.of(new WindowLoss(0, 0, t, new double[] {5, 2, 1}, Map.of("2d", 0.5))));
        TrajectoryJson.write(dir.resolve("traj.json"), traj);
        CliRun x = run("export", "-s", syn.toString(), "-t", dir.resolve("traj.json").toString(), "-o",
                dir.resolve("out").toString(), "--no-video");
        assertEquals(0, x.code(), x.err());
        for (String f : List.of("losses.csv", "loss.png", "final_loss.png", "contacts.png", "motion.bvh")) {
            assertTrue(Files.exists(dir.resolve("out").resolve(f)), f);
        }
        assertTrue(Files.notExists(dir.resolve("out/stick.mp4")));
    }

    @Test
    void badArgumentsAndFilesFailClearly(@TempDir Path dir) throws IOException {
        CliRun r = run("synth", "-i", dir.resolve("missing.json").toString(), "-o", dir.resolve("o.json").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("missing.json"), r.err());
        r = run("score", "--gt", clip().toString(), "--gt", clip().toString(), "--pred", clip().toString(), "-o",
                dir.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("2 ground-truth files for 1 predictions"), r.err());
        Path syn = dir.resolve("syn.json");
        assertEquals(0, run("synth", "-i", clip().toString(), "-o", syn.toString(), "--fps", "5").code());
        // prediction at 5 fps against a 60 fps ground truth is resampled; against another clip it mismatches
        Path other = MotionClip.files().stream().filter(p -> p.getFileName().toString().startsWith("cmu_salsa"))
                .findFirst().orElseThrow();
        r = run("score", "--gt", other.toString(), "--pred", syn.toString(), "-o", dir.resolve("e").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("frames"), r.err());
    }
}
