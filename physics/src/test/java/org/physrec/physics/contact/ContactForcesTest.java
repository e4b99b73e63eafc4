package org.physrec.physics.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.physrec.physics.ConfigSpace;
import org.physrec.physics.Kinematics;
import org.physrec.physics.Model;
import org.physrec.physics.State;
import org.physrec.physics.Workspace;
import org.physrec.physics.character.CharacterBuilder;
import org.physrec.physics.sim.ContactSettings;
import org.physrec.physics.sim.SimSettings;
import org.physrec.physics.sim.Simulator;
import org.physrec.physics.tape.TapeState;

class ContactForcesTest {
    private final Model model = CharacterBuilder.standard();

    /** Standing with the soles 2 mm into the ground, plus a random velocity. */
    private State standing(Random rng, double speed) {
        State x = State.neutral(model);
        double[] c = new double[3 * model.contactCount()];
        Kinematics.contactCenters(model, model.newWorkspace(), x.q, c);
        double low = Double.POSITIVE_INFINITY;
        for (int k = 0; k < model.contactCount(); k++) {
            low = Math.min(low, c[3 * k + 2] - model.contactRadius(k));
        }
        x.q[2] -= low + 0.002;
        for (int k = 0; k < model.nv(); k++) {
            x.v[k] = speed * rng.nextGaussian();
        }
        return x;
    }

    /** The normal forces are the ones the simulation step itself computes (its traced contact model). */
    @Test
    void normalForcesEqualTheSimulatorsAtTheStartOfAStep() {
        Random rng = new Random(3);
        Simulator sim = new Simulator(model, SimSettings.DEFAULTS);
        TapeState ts = sim.newState();
        ContactForces contact = new ContactForces(model, sim.settings().contact());
        Workspace ws = model.newWorkspace();
        int nc = model.contactCount();
        double[] stepForces = new double[nc];
        double[] normal = new double[nc];
        double[] forces = new double[3 * nc];
        int touching = 0;
        for (int trial = 0; trial < 5; trial++) {
            State x = standing(rng, 0.3);
            contact.compute(ws, x.q, x.v, forces, normal);
            State y = x.copy();
            sim.step(ts, y.q, y.v, new double[sim.controlDim()], null);
            sim.contactForces(ts, stepForces);
            double scale = 1;
            for (double f : stepForces) {
                scale = Math.max(scale, Math.abs(f));
            }
            for (int i = 0; i < nc; i++) {
                assertEquals(stepForces[i], normal[i], 1e-10 * scale, "trial " + trial + " contact " + i);
                // the ground normal is z and friction is tangential
                assertEquals(normal[i], forces[3 * i + 2], 1e-12 * (1 + Math.abs(normal[i])), "fz " + i);
                touching += normal[i] > 1 ? 1 : 0;
            }
        }
        assertTrue(touching >= 5 * 4, "the soles should carry load, touching " + touching);
    }

    /** Sliding fast (|v_t| ≫ ε) without rotation: friction is −μ f_n along the sliding direction. */
    @Test
    void frictionOpposesSlidingWithCoulombMagnitude() {
        State x = standing(new Random(4), 0);
        x.v[0] = 0.8;
        x.v[1] = -0.6;
        ContactSettings cs = ContactSettings.DEFAULTS;
        ContactForces contact = new ContactForces(model, cs);
        int nc = model.contactCount();
        double[] normal = new double[nc];
        double[] forces = new double[3 * nc];
        contact.compute(model.newWorkspace(), x.q, x.v, forces, normal);
        double slip = 1.0; // |(0.8, -0.6)|
        double coulomb = cs.friction() * slip / Math.sqrt(slip * slip + cs.frictionVelocity() * cs.frictionVelocity());
        double total = 0;
        for (int i = 0; i < nc; i++) {
            assertEquals(-coulomb * normal[i] * 0.8, forces[3 * i], 1e-12 * (1 + normal[i]), "fx " + i);
            assertEquals(coulomb * normal[i] * 0.6, forces[3 * i + 1], 1e-12 * (1 + normal[i]), "fy " + i);
            assertEquals(normal[i], forces[3 * i + 2], 1e-12 * (1 + normal[i]), "fz " + i);
            total += normal[i];
        }
        assertTrue(total > 0.5 * model.totalMass() * 9.81, "ground carries the body: " + total);
    }

    /** Contact-point velocities from bodyVelocities equal central differences of the contact centres. */
    @Test
    void bodyVelocitiesMatchFiniteDifferencesOfContactCentres() {
        Random rng = new Random(5);
        Workspace ws = model.newWorkspace();
        int nc = model.contactCount();
        double[] q = new double[model.nq()];
        model.neutralConfiguration(q);
        double[] d = new double[model.nv()];
        for (int k = 0; k < d.length; k++) {
            d[k] = 0.5 * rng.nextGaussian();
        }
        ConfigSpace.integrate(model, q, d, 1, q);
        double[] v = new double[model.nv()];
        for (int k = 0; k < v.length; k++) {
            v[k] = rng.nextGaussian();
        }
        double[] vel = new double[6 * model.bodyCount()];
        Kinematics.bodyVelocities(model, ws, q, v, vel);
        double[] c = new double[3 * nc];
        double[] cp = new double[3 * nc];
        double[] cm = new double[3 * nc];
        double[] qs = new double[model.nq()];
        double h = 1e-6;
        Kinematics.contactCenters(model, ws, q, c);
        ConfigSpace.integrate(model, q, v, h, qs);
        Kinematics.contactCenters(model, ws, qs, cp);
        ConfigSpace.integrate(model, q, v, -h, qs);
        Kinematics.contactCenters(model, ws, qs, cm);
        for (int i = 0; i < nc; i++) {
            int b = 6 * model.contactBody(i);
            for (int a = 0; a < 3; a++) {
                int a1 = (a + 1) % 3;
                int a2 = (a + 2) % 3;
                double expected = vel[b + 3 + a] + vel[b + a1] * c[3 * i + a2] - vel[b + a2] * c[3 * i + a1];
                assertEquals((cp[3 * i + a] - cm[3 * i + a]) / (2 * h), expected, 1e-7, "contact " + i + " axis " + a);
            }
        }
    }

    @Test
    void disabledContactGivesZerosAndBadArgumentsAreNamed() {
        State x = standing(new Random(6), 0.3);
        int nc = model.contactCount();
        double[] forces = new double[3 * nc];
        java.util.Arrays.fill(forces, 7);
        new ContactForces(model, ContactSettings.NONE).compute(model.newWorkspace(), x.q, x.v, forces, null);
        for (double f : forces) {
            assertEquals(0, f);
        }
        ContactForces contact = new ContactForces(model, ContactSettings.DEFAULTS);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> contact.compute(model.newWorkspace(), x.q, x.v, new double[3], null));
        assertTrue(e.getMessage().contains("forcesOut"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> contact.compute(model.newWorkspace(), x.q, new double[3], forces, null));
        assertTrue(e.getMessage().contains("v"), e.getMessage());
    }
}
