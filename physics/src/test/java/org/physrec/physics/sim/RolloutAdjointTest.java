package org.physrec.physics.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.physrec.physics.ConfigSpace;
import org.physrec.physics.Kinematics;
import org.physrec.physics.Model;
import org.physrec.physics.State;
import org.physrec.physics.TestModels;
import org.physrec.physics.character.CharacterBuilder;

class RolloutAdjointTest {
    private static final double TOL = 1e-6;

    /** Full check of every control and initial-state entry against central differences. */
    private static double fullCheck(Model model, SimSettings s, State x0, int frames, double torqueScale,
                                    long seed) {
        Simulator sim = new Simulator(model, s);
        Random rng = new Random(seed);
        int nc = sim.controlDim();
        double[] u = TestModels.gaussian(rng, frames * nc, torqueScale);
        double[] ref = reference(model, sim, frames, rng);
        FrameLoss loss = TestLosses.tracking(model, frames, nc, seed);
        double[] g = new double[u.length];
        double[] gq = new double[model.nv()];
        double[] gv = new double[model.nv()];
        double[] fg = new double[u.length];
        double[] fq = new double[model.nv()];
        double[] fv = new double[model.nv()];
        double a = new RolloutAdjoint(sim, frames).valueAndGradient(x0, u, ref, frames, loss, g, gq, gv);
        double f = new FiniteDifference(sim, frames, 1e-4, stateStep(s, frames)).valueAndGradient(x0, u, ref, frames, loss, fg, fq, fv);
        assertTrue(Math.abs(a - f) <= 1e-12 * Math.abs(f), "same value");
        double worst = 0;
        worst = Math.max(worst, compare("controls", g, fg));
        worst = Math.max(worst, compare("q0", gq, fq));
        worst = Math.max(worst, compare("v0", gv, fv));
        return worst;
    }

    /** Relative error per entry against the FD value, floored at 1e-2 of the largest entry (below that, FD rounding noise dominates). */
    private static double compare(String what, double[] a, double[] f) {
        double scale = 0;
        for (double x : f) {
            scale = Math.max(scale, Math.abs(x));
        }
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            double err = Math.abs(a[i] - f[i]) / Math.max(Math.abs(f[i]), 1e-2 * scale + 1e-12);
            worst = Math.max(worst, err);
            assertTrue(err <= TOL, what + "[" + i + "]: adjoint " + a[i] + " vs FD " + f[i] + " (rel " + err + ")");
        }
        return worst;
    }

    /**
     * Fourth-order stencil step for the initial state: with contact it must stay far inside
     * the 1 mm contact smoothing band, and the more so the longer the horizon (perturbations
     * grow along the rollout); without contact a larger step has less rounding noise.
     */
    private static double stateStep(SimSettings s, int frames) {
        if (!s.contact().enabled()) {
            return 1e-4;
        }
        return frames > 4 ? 1e-7 : 1e-5;
    }

    private static double[] reference(Model model, Simulator sim, int frames, Random rng) {
        if (!sim.usesReference()) {
            return null;
        }
        double[] ref = new double[frames * model.nq()];
        double[] q = new double[model.nq()];
        for (int t = 0; t < frames; t++) {
            TestModels.randomConfiguration(model, rng, 0.1, q);
            System.arraycopy(q, 0, ref, t * model.nq(), q.length);
        }
        return ref;
    }

    private static State randomState(Model model, long seed, double qs, double vs) {
        Random rng = new Random(seed);
        State x = State.neutral(model);
        TestModels.randomConfiguration(model, rng, qs, x.q);
        for (int i = 0; i < x.v.length; i++) {
            x.v[i] = vs * rng.nextGaussian();
        }
        return x;
    }

    @Test
    void pendulum() {
        Model m = TestModels.pendulum(1.3, 0.6);
        SimSettings s = SimSettings.DEFAULTS.frictionless().withSubsteps(5);
        fullCheck(m, s, randomState(m, 1, 0.8, 1), 8, 2, 11);
    }

    @Test
    void twoLinkWithLimitsDampingPdAndTorqueLimits() {
        Model m = TestModels.twoLink();
        SimSettings s = SimSettings.DEFAULTS.withContact(ContactSettings.NONE).withSubsteps(4)
                .withPd(new double[] {20, 10}, new double[] {1, 0.5});
        fullCheck(m, s, randomState(m, 2, 0.8, 1), 8, 3, 12);
    }

    @Test
    void ballJoint() {
        Model m = TestModels.ball();
        SimSettings s = SimSettings.DEFAULTS.frictionless().withSubsteps(4).withPd(new double[] {5, 5, 5},
                new double[] {0.2, 0.2, 0.2});
        fullCheck(m, s, randomState(m, 3, 0.9, 2), 8, 1, 13);
    }

    @Test
    void ballJointThroughLargeRotationsWithSoftLimits() {
        Model.Builder b = new Model.Builder();
        int base = b.addBody("base", -1, org.physrec.physics.JointType.FIXED, TestModels.v(0, 0, 1), null, 1,
                TestModels.v(0, 0, 0), TestModels.diag(1e-3));
        int l = b.addBody("link", base, org.physrec.physics.JointType.BALL, TestModels.v(0, 0, 0), null, 2.0,
                TestModels.v(0.03, -0.02, -0.25), TestModels.diag(0.02));
        b.limits(l, new double[] {-0.5, -0.3, -0.2}, new double[] {0.4, 0.6, 0.2}).torqueLimits(l,
                new double[] {3, 3, 3});
        b.keypoint("tip", l, TestModels.v(0.1, 0, -0.5));
        Model m = b.build();
        fullCheck(m, SimSettings.DEFAULTS.withContact(ContactSettings.NONE).withSubsteps(4),
                randomState(m, 4, 1.0, 2), 8, 2, 14);
    }

    @Test
    void characterOneFrameNoContact() {
        Model m = CharacterBuilder.standard();
        SimSettings s = SimSettings.DEFAULTS.withContact(ContactSettings.NONE).withSubsteps(4);
        State x0 = randomState(m, 5, 0.3, 0.5);
        fullCheck(m, s, x0, 1, 10, 15);
    }

    @Test
    void characterOneFrameWithContactAndResidual() {
        Model m = CharacterBuilder.standard();
        SimSettings s = SimSettings.DEFAULTS.withSubsteps(4).withRootResidual(true);
        State x0 = standing(m, 6, 0.004);
        fullCheck(m, s, x0, 1, 10, 16);
    }

    @Test
    void characterEightFramesWithContactAndPdDirectional() {
        Model m = CharacterBuilder.standard();
        double[] kp = new double[m.nu()];
        double[] kd = new double[m.nu()];
        java.util.Arrays.fill(kp, 100);
        java.util.Arrays.fill(kd, 10);
        SimSettings s = SimSettings.DEFAULTS.withPd(kp, kd);
        directional(m, s, standing(m, 7, 0.004), 8, 3, 17);
        directional(m, s.withContact(ContactSettings.NONE), randomState(m, 8, 0.3, 0.5), 8, 3, 18);
    }

    @Test
    void cachedAndReplayedReverseSweepsAgreeBitForBit() {
        Model m = CharacterBuilder.standard();
        Simulator sim = new Simulator(m, SimSettings.DEFAULTS.withSubsteps(4));
        int frames = 3;
        Random rng = new Random(21);
        double[] u = TestModels.gaussian(rng, frames * sim.controlDim(), 5);
        FrameLoss loss = TestLosses.tracking(m, frames, sim.controlDim(), 21);
        State x0 = standing(m, 21, 0.003);
        double[][] g = new double[2][u.length];
        double[][] gq = new double[2][m.nv()];
        double[] value = new double[2];
        for (int c = 0; c < 2; c++) {
            value[c] = new RolloutAdjoint(sim, frames, c == 0).valueAndGradient(x0, u, null, frames, loss, g[c], gq[c],
                    null);
        }
        org.junit.jupiter.api.Assertions.assertEquals(value[0], value[1]);
        org.junit.jupiter.api.Assertions.assertArrayEquals(g[0], g[1]);
        org.junit.jupiter.api.Assertions.assertArrayEquals(gq[0], gq[1]);
    }

    @Test
    void generatedCodeIsBitIdenticalToTheInterpreter() {
        Model m = TestModels.twoLink();
        Simulator gen = new Simulator(m, SimSettings.DEFAULTS.withContact(ContactSettings.NONE).withSubsteps(4)
                .withPd(new double[] {20, 10}, new double[] {1, 0.5}));
        int frames = 6;
        Random rng = new Random(22);
        double[] u = TestModels.gaussian(rng, frames * gen.controlDim(), 3);
        double[] ref = reference(m, gen, frames, rng);
        FrameLoss loss = TestLosses.tracking(m, frames, gen.controlDim(), 22);
        State x0 = randomState(m, 22, 0.7, 1);
        assertGeneratedEqualsInterpreted(gen, x0, u, ref, frames, loss);
    }

    /** The character with ground contact, PD, limits and root residuals: every kernel is exercised. */
    @Test
    void generatedCodeIsBitIdenticalToTheInterpreterWithContact() {
        Model m = CharacterBuilder.standard();
        double[] kp = new double[m.nu()];
        double[] kd = new double[m.nu()];
        java.util.Arrays.fill(kp, 300);
        java.util.Arrays.fill(kd, 30);
        Simulator gen = new Simulator(m, SimSettings.DEFAULTS.withSubsteps(3).withPd(kp, kd).withRootResidual(true));
        int frames = 3;
        Random rng = new Random(24);
        double[] u = TestModels.gaussian(rng, frames * gen.controlDim(), 20);
        double[] ref = reference(m, gen, frames, rng);
        FrameLoss loss = TestLosses.tracking(m, frames, gen.controlDim(), 24);
        State x0 = standing(m, 24, 0.003);
        assertGeneratedEqualsInterpreted(gen, x0, u, ref, frames, loss);
    }

    private static void assertGeneratedEqualsInterpreted(Simulator gen, State x0, double[] u, double[] ref,
                                                         int frames, FrameLoss loss) {
        org.junit.jupiter.api.Assertions.assertTrue(gen.isGenerated());
        Simulator interp = gen.interpreted();
        org.junit.jupiter.api.Assertions.assertFalse(interp.isGenerated());
        int nv = gen.model().nv();
        double[][] g = new double[2][u.length];
        double[][] gq = new double[2][nv];
        double[][] gv = new double[2][nv];
        double[] value = new double[2];
        Simulator[] sims = {interp, gen};
        for (int c = 0; c < 2; c++) {
            value[c] = new RolloutAdjoint(sims[c], frames, c == 0).valueAndGradient(x0, u, ref, frames, loss, g[c],
                    gq[c], gv[c]);
        }
        org.junit.jupiter.api.Assertions.assertEquals(value[0], value[1]);
        org.junit.jupiter.api.Assertions.assertArrayEquals(g[0], g[1]);
        org.junit.jupiter.api.Assertions.assertArrayEquals(gq[0], gq[1]);
        org.junit.jupiter.api.Assertions.assertArrayEquals(gv[0], gv[1]);
    }

    /** One RolloutAdjoint per thread over a shared Simulator: results equal the serial ones bit for bit. */
    @Test
    void parallelEqualsSerial() throws Exception {
        Model m = CharacterBuilder.standard();
        Simulator sim = new Simulator(m, SimSettings.DEFAULTS.withSubsteps(4));
        int frames = 2;
        int nc = sim.controlDim();
        FrameLoss loss = TestLosses.tracking(m, frames, nc, 23);
        State x0 = standing(m, 23, 0.003);
        double[][] u = new double[4][];
        double[][] serial = new double[4][frames * nc];
        for (int k = 0; k < 4; k++) {
            u[k] = TestModels.gaussian(new Random(100 + k), frames * nc, 5);
            new RolloutAdjoint(sim, frames).valueAndGradient(x0, u[k], null, frames, loss, serial[k], null, null);
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.List<java.util.concurrent.Future<double[]>> futures = new java.util.ArrayList<>();
            for (int k = 0; k < 4; k++) {
                int kk = k;
                futures.add(pool.submit(() -> {
                    double[] g = new double[frames * nc];
                    new RolloutAdjoint(sim, frames).valueAndGradient(x0, u[kk], null, frames, loss, g, null, null);
                    return g;
                }));
            }
            for (int k = 0; k < 4; k++) {
                org.junit.jupiter.api.Assertions.assertArrayEquals(serial[k], futures.get(k).get());
            }
        } finally {
            pool.shutdown();
        }
    }

    /** 2 s: standing with PD towards a pose near the start (contact), and free flight (no contact). */
    @Test
    void characterFiftyFramesDirectional() {
        Model m = CharacterBuilder.standard();
        double[] kp = new double[m.nu()];
        double[] kd = new double[m.nu()];
        java.util.Arrays.fill(kp, 200);
        java.util.Arrays.fill(kd, 20);
        directional(m, SimSettings.DEFAULTS.withPd(kp, kd), standing(m, 9, 0.004), 50, 2, 19);
        directional(m, SimSettings.DEFAULTS.withContact(ContactSettings.NONE), randomState(m, 10, 0.3, 0.3), 50, 2,
                20);
    }

    /** Random directional derivatives (controls, q0, v0 together) against central differences. */
    private static void directional(Model m, SimSettings s, State x0, int frames, int directions, long seed) {
        Simulator sim = new Simulator(m, s);
        Random rng = new Random(seed);
        int nc = sim.controlDim();
        double[] u = TestModels.gaussian(rng, frames * nc, 5);
        double[] ref = reference(m, sim, frames, rng);
        FrameLoss loss = TestLosses.tracking(m, frames, nc, seed);
        double[] g = new double[u.length];
        double[] gq = new double[m.nv()];
        double[] gv = new double[m.nv()];
        new RolloutAdjoint(sim, frames).valueAndGradient(x0, u, ref, frames, loss, g, gq, gv);
        FiniteDifference fd = new FiniteDifference(sim, frames, 1e-4, stateStep(s, frames));
        for (int d = 0; d < directions; d++) {
            double[] du = TestModels.gaussian(rng, u.length, 1);
            double[] dq = TestModels.gaussian(rng, m.nv(), 1);
            double[] dv = TestModels.gaussian(rng, m.nv(), 1);
            double a = dot(g, du) + dot(gq, dq) + dot(gv, dv);
            double f = fd.directionalDerivative(x0, u, ref, frames, loss, du, dq, dv);
            double err = Math.abs(a - f) / Math.abs(f);
            assertTrue(err <= TOL, "direction " + d + ": adjoint " + a + " vs FD " + f + " (rel " + err + ")");
        }
    }

    /** Standing pose with the feet penetrating the ground by about {@code depth}, small random joint offsets. */
    static State standing(Model m, long seed, double depth) {
        Random rng = new Random(seed);
        State x = State.neutral(m);
        double[] d = new double[m.nv()];
        for (int k = 6; k < m.nv(); k++) {
            d[k] = 0.05 * rng.nextGaussian();
        }
        ConfigSpace.integrate(m, x.q, d, 1, x.q);
        double[] c = new double[3 * m.contactCount()];
        Kinematics.contactCenters(m, m.newWorkspace(), x.q, c);
        double low = Double.POSITIVE_INFINITY;
        for (int k = 0; k < m.contactCount(); k++) {
            low = Math.min(low, c[3 * k + 2] - m.contactRadius(k));
        }
        x.q[2] = -low - depth;
        for (int i = 0; i < x.v.length; i++) {
            x.v[i] = 0.1 * rng.nextGaussian();
        }
        return x;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
