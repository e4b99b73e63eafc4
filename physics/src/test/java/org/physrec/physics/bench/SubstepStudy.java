package org.physrec.physics.bench;

import java.util.Random;
import org.physrec.physics.ConfigSpace;
import org.physrec.physics.Model;
import org.physrec.physics.State;
import org.physrec.physics.character.CharacterBuilder;
import org.physrec.physics.sim.Rollout;
import org.physrec.physics.sim.SimSettings;
import org.physrec.physics.sim.SimulationDivergedException;
import org.physrec.physics.sim.Simulator;

/**
 * Measures how many substeps per 25 FPS frame the default simulation needs: a dance-like
 * motion (PD tracking 1–2 Hz swings of ±0.25 rad at every actuated joint, feet on the
 * ground) for 2 s, compared with 80 substeps as the reference. Prints the mean
 * and max keypoint deviation (mm) and whether the rollout diverged.
 * Run: java -cp ... org.physrec.physics.bench.SubstepStudy
 */
public final class SubstepStudy {
    private SubstepStudy() {
    }

    public static void main(String[] args) {
        Model m = CharacterBuilder.standard();
        int frames = 50;
        double[] kp = new double[m.nu()];
        double[] kd = new double[m.nu()];
        java.util.Arrays.fill(kp, 1000);
        java.util.Arrays.fill(kd, 100);
        State x0 = PhysicsBenchmark.stance(m, 0.05);
        Random rng = new Random(3);
        double[] phase = new double[m.nu()];
        double[] freq = new double[m.nu()];
        for (int j = 0; j < m.nu(); j++) {
            phase[j] = 2 * Math.PI * rng.nextDouble();
            freq[j] = 1 + rng.nextDouble();
        }
        double[] ref = new double[frames * m.nq()];
        double[] d = new double[m.nv()];
        double[] q = new double[m.nq()];
        for (int t = 0; t < frames; t++) {
            double time = t / 25.0;
            for (int j = 0; j < m.nu(); j++) {
                d[6 + j] = 0.25 * Math.sin(2 * Math.PI * freq[j] * time + phase[j]) * Math.min(1, time);
            }
            ConfigSpace.integrate(m, x0.q, d, 1, q);
            System.arraycopy(q, 0, ref, t * m.nq(), m.nq());
        }
        double[] u = new double[frames * m.nu()];
        double[] reference = keypoints(m, 80, kp, kd, x0, u, ref, frames);
        System.out.println("substeps  h(ms)  mean(mm)  max(mm)");
        for (int s : new int[] {4, 5, 8, 10, 16, 20, 40}) {
            double[] k;
            try {
                k = keypoints(m, s, kp, kd, x0, u, ref, frames);
            } catch (SimulationDivergedException e) {
                System.out.println(s + "  diverged: " + e.getMessage());
                continue;
            }
            double mean = 0;
            double max = 0;
            for (int i = 0; i < k.length; i += 3) {
                double e = Math.sqrt(sq(k[i] - reference[i]) + sq(k[i + 1] - reference[i + 1])
                        + sq(k[i + 2] - reference[i + 2]));
                mean += e;
                max = Math.max(max, e);
            }
            mean /= k.length / 3.0;
            System.out.printf("%8d  %5.2f  %8.2f  %7.2f%n", s, 1000.0 / (25 * s), 1000 * mean, 1000 * max);
        }
    }

    private static double[] keypoints(Model m, int substeps, double[] kp, double[] kd, State x0, double[] u,
                                      double[] ref, int frames) {
        Simulator sim = new Simulator(m, SimSettings.DEFAULTS.withSubsteps(substeps).withPd(kp, kd));
        Rollout r = new Rollout(sim, frames);
        r.run(x0, u, ref, frames, null);
        double[] all = new double[frames * 51];
        double[] k = new double[51];
        for (int t = 0; t < frames; t++) {
            r.keypoints(t, k);
            System.arraycopy(k, 0, all, t * 51, 51);
        }
        return all;
    }

    private static double sq(double x) {
        return x * x;
    }
}
