package org.physrec.physics.bullet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.physrec.physics.MassMatrix;
import org.physrec.physics.Model;
import org.physrec.physics.State;
import org.physrec.physics.TestModels;
import org.physrec.physics.character.CharacterBuilder;
import org.physrec.physics.character.CharacterSettings;
import org.physrec.physics.character.H36m;

/**
 * The jbullet ragdoll and our dynamics against closed-form physics: free fall, a pendulum's
 * period, energy conservation without damping or contact, a body resting on the ground.
 * Numbers are printed when env PHYSREC_REPORT is set (docs/PHYSICS.md quotes them).
 */
class ClosedFormPhysicsTest {
    private static final double G = 9.81;

    static void report(String line) {
        if (Boolean.getBoolean("physrec.report") || System.getenv("PHYSREC_REPORT") != null) {
            System.out.println("[report] " + line);
        }
    }

    @Test
    void freeFallFollowsTheParabola() {
        Model m = TestModels.freeSphere(2.0, 0.1);
        State s = State.neutral(m);
        s.q[2] = 10;
        s.v[0] = 1.5;
        s.v[2] = 3.0;
        s.v[5] = 2.0; // spin about z, a principal axis: must persist unchanged
        double h = 1.0 / 240;
        int n = 240;
        BulletRagdoll r = BulletRagdoll.create(m, BulletSettings.DEFAULTS.withGround(false), s.q, s.v);
        OurSemiImplicitEuler ours = new OurSemiImplicitEuler(m);
        State o = s.copy();
        double[] tau = new double[m.nv()];
        for (int k = 0; k < n; k++) {
            r.step(tau, h);
            ours.step(o.q, o.v, tau, h);
        }
        double t = n * h;
        double[] q = new double[m.nq()];
        double[] v = new double[m.nv()];
        r.state(q, v);
        double zExact = 10 + 3.0 * t - 0.5 * G * t * t;
        // semi-implicit Euler's own error: the exact discrete sum differs by g·h·t/2
        double bound = 0.5 * G * h * t + 1e-4;
        report(String.format("free fall 1 s at 240 Hz: z error jbullet %.3e m, ours %.3e m, bound g·h·t/2 = %.3e m",
                q[2] - zExact, o.q[2] - zExact, bound));
        assertEquals(zExact, q[2], bound, "jbullet height");
        assertEquals(zExact, o.q[2], bound, "our height");
        assertEquals(10 + 3.0 * t - G * h * h * n * (n + 1) / 2.0, q[2], 2e-4, "jbullet vs discrete sum");
        assertEquals(1.5 * t, q[0], 1e-4, "horizontal");
        assertEquals(3.0 - G * t, v[2], 1e-4, "vertical velocity");
        assertEquals(2.0, v[5], 1e-5, "spin");
    }

    @Test
    void pendulumPeriodMatchesTheEllipticIntegral() {
        double mass = 1.0;
        double radius = 0.05;
        double l = 1.0;
        Model m = BulletTestModels.pendulum(mass, radius, l);
        double amplitude = 0.5;
        double iPivot = 0.4 * mass * radius * radius + mass * l * l;
        double t0 = 2 * Math.PI * Math.sqrt(iPivot / (mass * G * l));
        double exact = t0 / agm(1, Math.cos(amplitude / 2)); // T = T0 · 2K(sin(θ0/2))/π
        double h = 1e-3;
        double bullet = period(m, amplitude, h, true);
        double ours = period(m, amplitude, h, false);
        report(String.format("pendulum (l = 1 m, θ0 = 0.5 rad) period: exact %.5f s, jbullet %.5f s (%.2e rel),"
                + " ours %.5f s (%.2e rel)", exact, bullet, (bullet - exact) / exact, ours, (ours - exact) / exact));
        assertEquals(exact, bullet, 2e-3 * exact, "jbullet period");
        assertEquals(exact, ours, 2e-3 * exact, "our period");
        // the large-amplitude correction (≈1.6 %) is resolved, not just the small-angle period
        assertTrue(Math.abs(bullet - t0) > 5 * Math.abs(bullet - exact), "amplitude dependence resolved");
    }

    @Test
    void armatureAsInertiaIsExactBelowAFixedParent() {
        // a hinge on a fixed base: armature a adds to the pivot inertia, T0 = 2π √((I + a)/(m g l))
        double a = 0.3;
        Model m = BulletTestModels.pendulum(1.0, 0.05, 1.0, a);
        double iPivot = 0.4 * 1.0 * 0.05 * 0.05 + 1.0 + a;
        double exact = 2 * Math.PI * Math.sqrt(iPivot / G) / agm(1, Math.cos(0.25));
        double bullet = period(m, 0.5, 1e-3, true);
        double ours = period(m, 0.5, 1e-3, false);
        report(String.format("pendulum with armature 0.3 kg·m²: exact %.5f s, jbullet %.5f s, ours %.5f s", exact,
                bullet, ours));
        assertEquals(exact, bullet, 2e-3 * exact, "jbullet period with armature as inertia");
        assertEquals(exact, ours, 2e-3 * exact, "our period with armature");
    }

    /** Mean period from the downward zero crossings of the angle over about 6 periods. */
    private static double period(Model m, double amplitude, double h, boolean bullet) {
        State s = State.neutral(m);
        s.q[0] = amplitude;
        double[] tau = new double[m.nv()];
        BulletRagdoll r = bullet ? BulletRagdoll.create(m, BulletSettings.DEFAULTS.withGround(false), s.q, s.v) : null;
        OurSemiImplicitEuler ours = bullet ? null : new OurSemiImplicitEuler(m);
        double prev = amplitude;
        double first = -1;
        double last = -1;
        int crossings = 0;
        for (int k = 1; k <= 12000; k++) {
            if (bullet) {
                r.step(tau, h);
                r.state(s.q, s.v);
            } else {
                ours.step(s.q, s.v, tau, h);
            }
            double a = s.q[0];
            if (prev > 0 && a <= 0) {
                double tc = (k - 1 + prev / (prev - a)) * h;
                if (first < 0) {
                    first = tc;
                } else {
                    last = tc;
                    crossings++;
                }
            }
            prev = a;
        }
        return (last - first) / crossings;
    }

    private static double agm(double a, double b) {
        for (int i = 0; i < 30; i++) {
            double an = (a + b) / 2;
            b = Math.sqrt(a * b);
            a = an;
        }
        return a;
    }

    @Test
    void energyIsConservedWithoutDampingOrContact() {
        // two-link arm swinging under gravity, and the whole character tumbling in free fall
        double[] arm = energyDrift(TestModels.twoLink(), 0.8, 5.0, 1e-3, 7);
        Model character = CharacterBuilder.build(H36m.meanBoneLengths(), CharacterSettings.DEFAULTS.withArmature(0));
        double[] body = energyDrift(character, 0.3, 1.0, 1e-3, 8);
        report(String.format("energy drift, max |E(t)−E0| / (kinetic scale): two-link arm 5 s jbullet %.2e ours %.2e;"
                + " character 1 s free fall jbullet %.2e ours %.2e", arm[0], arm[1], body[0], body[1]));
        assertTrue(arm[0] < 0.05, "jbullet two-link arm drift " + arm[0]);
        assertTrue(arm[1] < 0.02, "our two-link arm drift " + arm[1]);
        assertTrue(body[0] < 0.05, "jbullet character drift " + body[0]);
        assertTrue(body[1] < 0.02, "our character drift " + body[1]);
    }

    /**
     * Max |E(t) − E0| relative to the energy that moves (max kinetic energy seen), for jbullet
     * and ours; random initial pose (scale s) and velocities.
     */
    private static double[] energyDrift(Model m, double s, double seconds, double h, long seed) {
        Random rng = new Random(seed);
        double[] q0 = new double[m.nq()];
        TestModels.randomConfiguration(m, rng, s, q0);
        double[] v0 = TestModels.gaussian(rng, m.nv(), 1.0);
        if (m.nq() > m.nv()) {
            q0[2] = 50; // free root far from any ground
        }
        double[] result = new double[2];
        for (int side = 0; side < 2; side++) {
            BulletRagdoll r = side == 0 ? BulletRagdoll.create(m, BulletSettings.DEFAULTS.withGround(false), q0, v0)
                    : null;
            OurSemiImplicitEuler ours = side == 1 ? new OurSemiImplicitEuler(m) : null;
            double[] q = q0.clone();
            double[] v = v0.clone();
            double[] tau = new double[m.nv()];
            double[] e = new double[2];
            double e0 = Double.NaN;
            double maxKinetic = 0;
            double maxDev = 0;
            int n = (int) Math.round(seconds / h);
            for (int k = 0; k <= n; k++) {
                if (k > 0) {
                    if (r != null) {
                        r.step(tau, h);
                    } else {
                        ours.step(q, v, tau, h);
                    }
                }
                if (r != null) {
                    r.energy(e);
                } else {
                    MassMatrix.energy(m, m.newWorkspace(), q, v, e);
                }
                double total = e[0] + e[1];
                if (k == 0) {
                    e0 = total;
                }
                maxKinetic = Math.max(maxKinetic, e[0]);
                maxDev = Math.max(maxDev, Math.abs(total - e0));
            }
            result[side] = maxDev / maxKinetic;
        }
        return result;
    }

    @Test
    void bodiesRestOnTheGroundWithoutPenetrationOrDrift() {
        // a box and a sphere dropped from 5 cm, then the whole character collapsing
        Model box = BulletTestModels.freeBox(3.0, 0.15, 0.1, 0.05);
        double[] b = settle(box, 0.1, 2.0);
        Model sphere = TestModels.freeSphere(2.0, 0.1);
        double[] s = settle(sphere, 0.15, 2.0);
        Model character = CharacterBuilder.build(H36m.meanBoneLengths(), CharacterSettings.DEFAULTS.withArmature(0));
        double[] c = settle(character, 1.0, 2.5);
        report(String.format("resting (240 Hz, last 0.5 s): box penetration %.3f mm gap %.3f mm drift %.4f mm;"
                + " sphere penetration %.3f mm gap %.3f mm drift %.4f mm; character (collapsed) penetration %.3f mm"
                + " root drift %.3f mm", 1e3 * b[0], 1e3 * b[2], 1e3 * b[1], 1e3 * s[0], 1e3 * s[2], 1e3 * s[1],
                1e3 * c[0], 1e3 * c[1]));
        assertTrue(b[2] < 0.005 && s[2] < 0.005, "resting bodies touch the ground: gaps " + b[2] + ", " + s[2]);
        assertTrue(b[0] < 0.005 && b[1] < 1e-3, "box penetration " + b[0] + " drift " + b[1]);
        assertTrue(s[0] < 0.005 && s[1] < 1e-3, "sphere penetration " + s[0] + " drift " + s[1]);
        assertTrue(c[0] < 0.02, "character penetration " + c[0]);
        assertTrue(c[1] < 0.01, "character drift " + c[1]);
    }

    /**
     * Drops the model (root at height z0) and simulates; returns {max penetration over the
     * last half second, root displacement over the last half second, max gap above the ground
     * over the last half second} (m), at 240 Hz.
     */
    private static double[] settle(Model m, double z0, double seconds) {
        State s = State.neutral(m);
        s.q[2] = z0;
        BulletRagdoll r = BulletRagdoll.create(m, BulletSettings.DEFAULTS, s.q, s.v);
        double h = 1.0 / 240;
        int n = (int) Math.round(seconds / h);
        int tail = 120;
        double[] tau = new double[m.nv()];
        double[] q = new double[m.nq()];
        double[] v = new double[m.nv()];
        double[] start = new double[3];
        double penetration = 0;
        double gap = 0;
        for (int k = 1; k <= n; k++) {
            r.step(tau, h);
            if (k == n - tail) {
                r.state(q, v);
                System.arraycopy(q, 0, start, 0, 3);
            }
            if (k > n - tail) {
                penetration = Math.max(penetration, -r.lowestPoint());
                gap = Math.max(gap, r.lowestPoint());
            }
        }
        r.state(q, v);
        double drift = Math.sqrt(Math.pow(q[0] - start[0], 2) + Math.pow(q[1] - start[1], 2)
                + Math.pow(q[2] - start[2], 2));
        return new double[] {penetration, drift, gap};
    }
}
