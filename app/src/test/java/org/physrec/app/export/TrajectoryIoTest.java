package org.physrec.app.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrajectoryIoTest {

    static Trajectory sample(int frames) {
        Random rnd = new Random(5);
        List<String> joints = List.of("Hip", "RHip", "Neck/Nose");
        double[] pos = random(rnd, frames * 3 * 3);
        List<String> coords = List.of("root_x_m", "root_y_m", "root_z_m", "root_qw", "knee_rad");
        List<String> tau = List.of("knee_r", "knee_l");
        List<String> contacts = List.of("r_heel", "l_heel");
        Map<String, Double> terms = new LinkedHashMap<>();
        terms.put("2d", 1.5);
        terms.put("torque", 1e-3);
        List<WindowLoss> losses = List.of(new WindowLoss(0, 0, 2, new double[] {10, 5, 2.5}, terms),
                new WindowLoss(1, 1, 2, new double[] {3, 1}, Map.of()));
        return new Trajectory(25, frames, joints, pos, coords, random(rnd, frames * 5), tau, random(rnd, frames * 2),
                contacts, random(rnd, frames * 2 * 3), losses);
    }

    static double[] random(Random rnd, int n) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = rnd.nextGaussian() * Math.pow(10, rnd.nextInt(7) - 3);
        }
        return a;
    }

    @Test
    void jsonRoundTripIsExact(@TempDir Path dir) throws IOException {
        Trajectory t = sample(4);
        Path f = dir.resolve("out/traj.json");
        TrajectoryJson.write(f, t);
        Trajectory back = TrajectoryJson.read(f);
        assertEquals(t.fps(), back.fps());
        assertEquals(t.jointNames(), back.jointNames());
        assertArrayEquals(t.jointPositions(), back.jointPositions());
        assertArrayEquals(t.q(), back.q());
        assertArrayEquals(t.torques(), back.torques());
        assertArrayEquals(t.contactForces(), back.contactForces());
        assertEquals(t.coordinateNames(), back.coordinateNames());
        assertEquals(2, back.windowLosses().size());
        assertArrayEquals(t.windowLosses().get(0).lossPerIteration(), back.windowLosses().get(0).lossPerIteration());
        assertEquals(List.of("2d", "torque"), List.copyOf(back.windowLosses().get(0).finalTerms().keySet()));
        String text = Files.readString(f);
        assertTrue(text.contains("\"joint_positions_mm\":[[["), "nested (T x J x 3)");
        assertTrue(text.contains("\"q\":[["), "(T x nq)");
    }

    @Test
    void jointsOnlyTrajectoryRoundTrips(@TempDir Path dir) throws IOException {
        Trajectory t = Trajectory.ofJoints(50, List.of("a", "b"), new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12});
        assertEquals(2, t.frames());
        TrajectoryJson.write(dir.resolve("j.json"), t);
        Trajectory back = TrajectoryJson.read(dir.resolve("j.json"));
        assertArrayEquals(t.jointPositions(), back.jointPositions());
        assertEquals(0, back.q().length);
    }

    @Test
    void malformedJsonNamesFileAndField(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("t.json");
        TrajectoryJson.write(f, sample(3));
        String text = Files.readString(f);
        Files.writeString(f, text.replaceFirst("\"torques_nm\":\\[\\[[^\\]]*\\]", "\"torques_nm\":[[1]"));
        IOException e = assertThrows(IOException.class, () -> TrajectoryJson.read(f));
        assertTrue(e.getMessage().contains("t.json") && e.getMessage().contains("torques_nm")
                && e.getMessage().contains("frame 0"), e.getMessage());
        Files.writeString(f, text.replace("\"fps\":25.0,", ""));
        e = assertThrows(IOException.class, () -> TrajectoryJson.read(f));
        assertTrue(e.getMessage().contains("missing field fps"), e.getMessage());
    }

    @Test
    void csvHasOneRowPerFrameAndExactValues(@TempDir Path dir) throws IOException {
        Trajectory t = sample(3);
        TrajectoryCsv.writeFrames(dir.resolve("f.csv"), t);
        List<String> lines = Files.readAllLines(dir.resolve("f.csv"));
        assertEquals(4, lines.size());
        String[] header = lines.get(0).split(",");
        assertEquals(2 + 9 + 5 + 2 + 6, header.length);
        assertEquals("Neck/Nose_z_mm", header[10]);
        assertEquals("q_knee_rad", header[15]);
        assertEquals("tau_knee_l_nm", header[17]);
        assertEquals("l_heel_fz_n", header[23]);
        String[] row = lines.get(2).split(",");
        assertEquals(0.04, Double.parseDouble(row[1]), 1e-15);
        assertEquals(t.jointPositions()[9], Double.parseDouble(row[2]));
        assertEquals(t.contactForces()[11], Double.parseDouble(row[23]));
        TrajectoryCsv.writeLosses(dir.resolve("l.csv"), t.windowLosses());
        List<String> l = Files.readAllLines(dir.resolve("l.csv"));
        assertEquals(List.of("window,start_frame,frames,iteration,loss", "0,0,2,0,10", "0,0,2,1,5", "0,0,2,2,2.5",
                "1,1,2,0,3", "1,1,2,1,1"), l);
    }

    @Test
    void trajectoryRejectsBadShapesWithField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Trajectory(25, 2,
                List.of("a"), new double[6], List.of("x"), new double[3], List.of(), null, List.of(), null, null));
        assertTrue(e.getMessage().contains("q: expected 2 frames x 1 = 2 values, got 3"), e.getMessage());
        double[] pos = new double[6];
        pos[4] = Double.POSITIVE_INFINITY;
        e = assertThrows(IllegalArgumentException.class, () -> Trajectory.ofJoints(25, List.of("a"), pos));
        assertTrue(e.getMessage().contains("jointPositions") && e.getMessage().contains("frame 1, column 1"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new WindowLoss(0, 0, 8, new double[] {1, Double.NaN}, Map.of()));
        assertTrue(e.getMessage().contains("iteration 1"), e.getMessage());
    }
}
