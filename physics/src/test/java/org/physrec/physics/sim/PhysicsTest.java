package org.physrec.physics.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.physrec.physics.JointType;
import org.physrec.physics.Kinematics;
import org.physrec.physics.MassMatrix;
import org.physrec.physics.Model;
import org.physrec.physics.State;
import org.physrec.physics.TestModels;
import org.physrec.physics.Workspace;
import org.physrec.physics.character.CharacterBuilder;
import org.physrec.physics.tape.TapeState;

/** Closed-form physics: free fall, pendulum period, energy conservation, resting contact. */
class PhysicsTest {
    private static final double G = 9.81;

    @Test
    void freeFallMatchesSemiImplicitEulerExactlyAndKeepsThePose() {
        Model m = CharacterBuilder.standard();
        SimSettings s = SimSettings.DEFAULTS.frictionless();
        Simulator sim = new Simulator(m, s);
        TapeState st = sim.newState();
        State x = State.neutral(m);
        x.q[2] = 10;
        double[] u = new double[sim.controlDim()];
        int n = 250;
        for (int i = 0; i < n; i++) {
            sim.step(st, x.q, x.v, u, null);
        }
        double h = s.dt();
        // semi-implicit Euler: v_n = -g n h, z_n = z_0 - g h² n(n+1)/2
        assertEquals(-G * n * h, x.v[2], 1e-9);
        assertEquals(10 - G * h * h * n * (n + 1) / 2, x.q[2], 1e-9);
        State neutral = State.neutral(m);
        for (int k = 7; k < m.nq(); k++) {
            assertEquals(neutral.q[k], x.q[k], 1e-9, "joint coordinate " + k);
        }
    }

    @Test
    void smallPendulumPeriod() {
        double l = 1.0;
        Model m = TestModels.pendulum(1.0, l);
        SimSettings s = SimSettings.DEFAULTS.frictionless().withFps(100).withSubsteps(10);
        Simulator sim = new Simulator(m, s);
        TapeState st = sim.newState();
        double[] q = {0.05};
        double[] v = {0};
        double[] u = {0};
        double prev = q[0];
        double t = 0;
        double firstCrossing = -1;
        double lastCrossing = -1;
        int crossings = 0;
        while (t < 10) {
            sim.step(st, q, v, u, null);
            t += s.dt();
            if (prev > 0 && q[0] <= 0) { // downward zero crossing, interpolated
                double tc = t - s.dt() * q[0] / (q[0] - prev);
                if (firstCrossing < 0) {
                    firstCrossing = tc;
                } else {
                    lastCrossing = tc;
                    crossings++;
                }
            }
            prev = q[0];
        }
        double period = (lastCrossing - firstCrossing) / crossings;
        double inertia = 1.0 * l * l + 1e-9;
        double expected = 2 * Math.PI * Math.sqrt(inertia / (G * l)) * (1 + 0.05 * 0.05 / 16);
        assertEquals(expected, period, 1e-3 * expected);
    }

    /** Symplectic Euler: the energy error is bounded and first order in h; without damping or contact. */
    @Test
    void energyIsConservedWithoutDampingOrContact() {
        double[] worst = new double[2];
        double kinetic0 = 0;
        int[] substeps = {40, 160};
        for (int c = 0; c < 2; c++) {
            Model m = CharacterBuilder.build(org.physrec.physics.character.H36m.meanBoneLengths(),
                    org.physrec.physics.character.CharacterSettings.DEFAULTS.withArmature(0));
            SimSettings s = SimSettings.DEFAULTS.frictionless().withFps(25).withSubsteps(substeps[c]);
            Simulator sim = new Simulator(m, s);
            TapeState st = sim.newState();
            Workspace ws = m.newWorkspace();
            Random rng = new Random(7);
            State x = State.neutral(m);
            TestModels.randomConfiguration(m, rng, 0.4, x.q);
            for (int k = 0; k < m.nv(); k++) {
                x.v[k] = 1.0 * rng.nextGaussian();
            }
            double[] e = new double[2];
            MassMatrix.energy(m, ws, x.q, x.v, e);
            double e0 = e[0] + e[1];
            kinetic0 = e[0];
            double[] u = new double[sim.controlDim()];
            for (int i = 0; i < substeps[c] * 25; i++) { // 1 s
                sim.step(st, x.q, x.v, u, null);
                MassMatrix.energy(m, ws, x.q, x.v, e);
                worst[c] = Math.max(worst[c], Math.abs(e[0] + e[1] - e0));
            }
        }
        double ratio = worst[0] / worst[1];
        assertTrue(ratio > 3.5 && ratio < 4.5, "energy error should be first order in h, ratio " + ratio);
        assertTrue(worst[1] < 0.01 * kinetic0, "energy drift " + worst[1] + " J of " + kinetic0 + " J kinetic");
    }

    @Test
    void sphereRestsOnTheGroundAtItsStaticPenetration() {
        double r = 0.1;
        double mass = 5;
        Model m = TestModels.freeSphere(mass, r);
        ContactSettings c = ContactSettings.DEFAULTS;
        Simulator sim = new Simulator(m, SimSettings.DEFAULTS);
        TapeState st = sim.newState();
        State x = State.neutral(m);
        x.q[2] = r;
        x.v[0] = 0.3; // sliding start: friction turns sliding into rolling at 5/7 of the speed
        double[] u = new double[0];
        for (int i = 0; i < 10 * 25 * SimSettings.DEFAULTS.substeps(); i++) { // 10 s
            sim.step(st, x.q, x.v, u, null);
        }
        double[] f = new double[1];
        sim.contactForces(st, f);
        assertEquals(mass * G, f[0], 1e-6 * mass * G, "normal force carries the weight");
        double depth = r - x.q[2];
        // the softplus contact carries the weight at P(depth) = m g / k: within a millimetre of touching
        double e = c.smoothing();
        assertEquals(mass * G / c.stiffness(), e * Math.log1p(Math.exp(depth / e)), 1e-9);
        assertTrue(Math.abs(depth) < 1e-3, "penetration " + depth);
        assertEquals(0, x.v[2], 1e-9);
        assertEquals(0.3 * 5 / 7, x.v[0], 1e-3, "rolling speed of a solid sphere");
        assertEquals(x.v[0] / r, x.v[4], 1e-3, "rolling without slip about the contact point: ω_y = v/r");
        State rest = State.neutral(m);
        rest.q[2] = x.q[2];
        for (int i = 0; i < 25 * SimSettings.DEFAULTS.substeps(); i++) {
            sim.step(st, rest.q, rest.v, u, null);
        }
        assertEquals(0, rest.q[0], 1e-12, "no horizontal drift at rest");
        assertEquals(x.q[2], rest.q[2], 1e-7, "no vertical drift at rest");
    }

    /**
     * A standing pose leaning 0.05 rad forward at the ankles (centre of mass over mid-foot, as in
     * quiet human standing), held by PD: it stays up, carries its weight on the feet, and
     * neither sinks nor slides.
     */
    @Test
    void characterStandsOnTheGroundWithPd() {
        Model m = CharacterBuilder.standard();
        double[] kp = new double[m.nu()];
        double[] kd = new double[m.nu()];
        java.util.Arrays.fill(kp, 1000);
        java.util.Arrays.fill(kd, 100);
        SimSettings s = SimSettings.DEFAULTS.withPd(kp, kd);
        Simulator sim = new Simulator(m, s);
        State x = leaningStance(m, 0.05);
        int frames = 50;
        double[] ref = new double[frames * m.nq()];
        for (int t = 0; t < frames; t++) {
            System.arraycopy(x.q, 0, ref, t * m.nq(), m.nq());
        }
        Rollout r = new Rollout(sim, frames);
        r.run(x, new double[frames * sim.controlDim()], ref, frames, null);
        State end = State.neutral(m);
        r.frameState(frames - 1, end);
        double[] c = new double[3 * m.contactCount()];
        Kinematics.contactCenters(m, m.newWorkspace(), end.q, c);
        double worst = 0;
        for (int k = 0; k < m.contactCount(); k++) {
            worst = Math.max(worst, m.contactRadius(k) - c[3 * k + 2]);
        }
        assertTrue(worst < 0.005, "penetration " + worst + " m");
        double[] c0 = new double[3 * m.contactCount()];
        Kinematics.contactCenters(m, m.newWorkspace(), x.q, c0);
        for (int k = 0; k < m.contactCount(); k++) {
            if (m.bodyName(m.contactBody(k)).endsWith("foot")) {
                assertEquals(c0[3 * k], c[3 * k], 0.005, "foot sphere " + k + " slides in x");
                assertEquals(c0[3 * k + 1], c[3 * k + 1], 0.005, "foot sphere " + k + " slides in y");
            }
        }
        // the PD sags under gravity (steady-state error τ/kp) but the body stays up
        assertEquals(x.q[0], end.q[0], 0.05, "root x drift");
        assertEquals(x.q[1], end.q[1], 0.01, "root y drift");
        assertEquals(x.q[2], end.q[2], 0.02, "root height");
        assertTrue(Math.abs(end.v[2]) < 0.01, "root settled, vz = " + end.v[2]);
        double[] f = new double[m.contactCount()];
        r.contactForces(frames - 1, f);
        double total = 0;
        for (double x1 : f) {
            total += x1;
        }
        assertEquals(m.totalMass() * G, total, 0.05 * m.totalMass() * G, "feet carry the weight");
    }

    /** Neutral pose pitched forward by {@code lean} about the ankles, feet flat, soles touching z = 0. */
    static State leaningStance(Model m, double lean) {
        State x = State.neutral(m);
        double[] d = new double[m.nv()];
        d[4] = lean; // world pitch of the root about +y
        for (String foot : new String[] {"r_foot", "l_foot"}) {
            d[m.vStart(m.bodyIndex(foot)) + 1] = -lean;
        }
        org.physrec.physics.ConfigSpace.integrate(m, x.q, d, 1, x.q);
        double[] c = new double[3 * m.contactCount()];
        Kinematics.contactCenters(m, m.newWorkspace(), x.q, c);
        double low = Double.POSITIVE_INFINITY;
        for (int k = 0; k < m.contactCount(); k++) {
            low = Math.min(low, c[3 * k + 2] - m.contactRadius(k));
        }
        x.q[2] -= low;
        return x;
    }

    @Test
    void divergingRolloutNamesFrameAndSubstep() {
        Model m = TestModels.pendulum(0.01, 0.1);
        Simulator sim = new Simulator(m, SimSettings.DEFAULTS.frictionless());
        Rollout r = new Rollout(sim, 5);
        double[] u = {0, 0, 1e9, 0, 0};
        SimulationDivergedException e = assertThrows(SimulationDivergedException.class,
                () -> r.run(State.neutral(m), u, null, 5, null));
        assertEquals(2, e.frame());
        assertEquals(0, e.substep());
        assertTrue(e.getMessage().contains("frame 2, substep 0"), e.getMessage());
    }

    @Test
    void badRolloutInputsNameTheArgument() {
        Model m = CharacterBuilder.standard();
        Simulator sim = new Simulator(m, SimSettings.DEFAULTS);
        Rollout r = new Rollout(sim, 3);
        State x = State.neutral(m);
        int nc = sim.controlDim();
        assertMessage(() -> r.run(x, new double[3 * nc - 1], null, 3, null), "controls: expected 3 x 28");
        double[] nan = new double[3 * nc];
        nan[nc + 2] = Double.NaN;
        assertMessage(() -> r.run(x, nan, null, 3, null), "controls[30] (frame 1, control 2)");
        double[] inf = new double[3 * nc];
        inf[0] = Double.POSITIVE_INFINITY;
        assertMessage(() -> r.run(x, inf, null, 3, null), "controls[0]");
        assertMessage(() -> r.run(x, new double[3 * nc], null, 4, null), "frames");
        State bad = x.copy();
        bad.q[3] = 0.9;
        assertMessage(() -> r.run(bad, new double[3 * nc], null, 3, null), "not normalized");
        State nanState = x.copy();
        nanState.v[5] = Double.NaN;
        assertMessage(() -> r.run(nanState, new double[3 * nc], null, 3, null), "x0.v[5]");
        double[] bones = org.physrec.physics.character.H36m.meanBoneLengths();
        bones[4] = -0.4;
        assertMessage(() -> CharacterBuilder.build(bones, org.physrec.physics.character.CharacterSettings.DEFAULTS),
                "boneLengthsMetres[4] (LKnee-LHip)");
        double[] mm = org.physrec.physics.character.H36m.meanBoneLengths();
        mm[0] = 127.2;
        assertMessage(() -> CharacterBuilder.build(mm, org.physrec.physics.character.CharacterSettings.DEFAULTS),
                "millimetres");
        assertMessage(() -> org.physrec.physics.character.CharacterSettings.DEFAULTS.withTotalMass(0), "totalMass");
        double[] kp = new double[3];
        assertMessage(() -> new Simulator(m, SimSettings.DEFAULTS.withPd(kp, kp)), "settings.pdKp");
        Simulator pd = new Simulator(m, SimSettings.DEFAULTS.withPd(new double[m.nu()], new double[m.nu()]));
        assertMessage(() -> new Rollout(pd, 2).run(x, new double[2 * nc], null, 2, null), "reference");
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable ex, String part) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, ex);
        assertTrue(e.getMessage().contains(part), "message '" + e.getMessage() + "' should contain '" + part + "'");
    }
}
