package org.physrec.physics.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.physrec.physics.JointType;
import org.physrec.physics.Model;
import org.physrec.physics.State;
import org.physrec.physics.TestModels;
import org.physrec.physics.character.CharacterBuilder;
import org.physrec.physics.tape.TapeState;

/** The read-only outputs besides the state: applied actuator torques and contact friction forces. */
class AppliedOutputsTest {

    /**
     * With one substep per frame the applied torque is constant over the frame, so replaying it
     * open loop without PD must reproduce the PD rollout to rounding: this checks that the
     * reported torque includes the linearly implicit PD part and the saturation exactly.
     */
    @Test
    void appliedTorquesReplayedWithoutPdReproduceThePdRollout() {
        Model m = CharacterBuilder.standard();
        double[] kp = new double[m.nu()];
        double[] kd = new double[m.nu()];
        java.util.Arrays.fill(kp, 800);
        java.util.Arrays.fill(kd, 80);
        SimSettings base = SimSettings.DEFAULTS.withSubsteps(1).withFps(250);
        Simulator pd = new Simulator(m, base.withPd(kp, kd));
        // the applied torques are saturated already: the replay must not saturate them again
        Simulator open = new Simulator(m, base.withTorqueLimits(false));
        int frames = 40;
        State x0 = PhysicsTest.leaningStance(m, 0.05);
        Random rnd = new Random(7);
        double[] controls = new double[frames * m.nu()];
        for (int i = 0; i < controls.length; i++) {
            controls[i] = 300 * rnd.nextGaussian(); // large enough that some joints saturate
        }
        double[] ref = new double[frames * m.nq()];
        for (int t = 0; t < frames; t++) {
            System.arraycopy(x0.q, 0, ref, t * m.nq(), m.nq());
        }
        Rollout a = new Rollout(pd, frames);
        a.run(x0, controls, ref, frames, null);
        double[] applied = new double[frames * m.nu()];
        double[] row = new double[m.nu()];
        boolean saturated = false;
        for (int t = 0; t < frames; t++) {
            a.appliedTorques(t, row);
            System.arraycopy(row, 0, applied, t * m.nu(), m.nu());
            for (int j = 0; j < m.nu(); j++) {
                saturated |= Math.abs(row[j]) > 0.95 * m.torqueLimit(j);
            }
        }
        assertTrue(saturated, "the test reaches the torque limits");
        Rollout b = new Rollout(open, frames);
        b.run(x0, applied, null, frames, null);
        State sa = State.neutral(m);
        State sb = State.neutral(m);
        for (int t = 0; t < frames; t++) {
            a.frameState(t, sa);
            b.frameState(t, sb);
            for (int i = 0; i < m.nq(); i++) {
                assertEquals(sa.q[i], sb.q[i], 1e-8, "frame " + t + " q[" + i + "]");
            }
        }
    }

    @Test
    void appliedTorquesAverageTheSubsteps() {
        Model m = TestModels.twoLink();
        double[] kp = {50, 50};
        double[] kd = {5, 5};
        SimSettings s = SimSettings.DEFAULTS.withContact(ContactSettings.NONE).withPd(kp, kd);
        Simulator sim = new Simulator(m, s);
        State x0 = State.neutral(m);
        x0.q[0] = 0.3;
        double[] controls = {1.5, -0.5};
        double[] ref = new double[m.nq()];
        Rollout r = new Rollout(sim, 1);
        r.run(x0, controls, ref, 1, null);
        double[] avg = new double[m.nu()];
        r.appliedTorques(0, avg);
        // the same substeps by hand
        TapeState st = sim.newState();
        State x = x0.copy();
        double[] sum = new double[m.nu()];
        double[] tau = new double[m.nu()];
        for (int k = 0; k < s.substeps(); k++) {
            sim.step(st, x.q, x.v, controls, ref);
            sim.appliedTorques(st, tau);
            for (int j = 0; j < m.nu(); j++) {
                sum[j] += tau[j] / s.substeps();
            }
        }
        for (int j = 0; j < m.nu(); j++) {
            assertEquals(sum[j], avg[j], 1e-12);
        }
        assertTrue(Math.abs(avg[0] - controls[0]) > 1, "PD feedback is part of the applied torque");
    }

    @Test
    void frictionOfASlidingSphereOpposesItsSlipWithCoulombMagnitude() {
        double r = 0.1;
        double mass = 5;
        Model m = TestModels.freeSphere(mass, r);
        ContactSettings c = ContactSettings.DEFAULTS;
        Simulator sim = new Simulator(m, SimSettings.DEFAULTS);
        TapeState st = sim.newState();
        State x = State.neutral(m);
        x.q[2] = r - 4e-4;
        x.v[0] = 0.6; // linear velocity, no spin: pure slip
        x.v[1] = -0.8;
        sim.step(st, x.q, x.v, new double[0], null);
        double[] fn = new double[1];
        double[] ft = new double[3];
        sim.contactForces(st, fn);
        sim.frictionForces(st, ft);
        assertTrue(fn[0] > 10, "in contact: " + fn[0]);
        double scale = c.friction() * fn[0] / Math.sqrt(1 + c.frictionVelocity() * c.frictionVelocity());
        assertEquals(-0.6 * scale, ft[0], 1e-9 * scale);
        assertEquals(0.8 * scale, ft[1], 1e-9 * scale);
        assertEquals(0, ft[2], 1e-12);
        Rollout roll = new Rollout(sim, 1);
        State y = State.neutral(m);
        y.q[2] = r + 0.5; // in the air: no friction
        roll.run(y, new double[0], null, 1, null);
        double[] air = new double[3];
        roll.frictionForces(0, air);
        assertEquals(0, Math.abs(air[0]) + Math.abs(air[1]) + Math.abs(air[2]), 1e-12);
    }

    /** The tape's friction and normal outputs equal physics.contact.ContactForces at the substep's start state. */
    @Test
    void frictionOutputsEqualTheContactForcesOfTheStartState() {
        Model m = CharacterBuilder.standard();
        SimSettings s = SimSettings.DEFAULTS;
        Simulator sim = new Simulator(m, s);
        TapeState st = sim.newState();
        State x = PhysicsTest.leaningStance(m, 0.05);
        x.q[2] -= 0.002;
        x.v[0] = 0.4; // sliding forwards
        x.v[1] = -0.1;
        x.v[5] = 0.3; // and turning
        org.physrec.physics.contact.ContactForces cf = new org.physrec.physics.contact.ContactForces(m, s.contact());
        double[] expected = new double[3 * m.contactCount()];
        double[] expectedNormal = new double[m.contactCount()];
        cf.compute(m.newWorkspace(), x.q, x.v, expected, expectedNormal);
        sim.step(st, x.q, x.v, new double[sim.controlDim()], null);
        double[] fn = new double[m.contactCount()];
        double[] ft = new double[3 * m.contactCount()];
        sim.contactForces(st, fn);
        sim.frictionForces(st, ft);
        double[] n = s.contact().normal();
        double total = 0;
        for (int k = 0; k < m.contactCount(); k++) {
            assertEquals(expectedNormal[k], fn[k], 1e-9 * (1 + fn[k]), "normal " + k);
            total += fn[k];
            for (int d = 0; d < 3; d++) {
                assertEquals(expected[3 * k + d], ft[3 * k + d] + fn[k] * n[d], 1e-9 * (1 + fn[k]), "force " + k + "," + d);
            }
        }
        assertTrue(total > 100, "the feet are loaded: " + total + " N");
    }
}
