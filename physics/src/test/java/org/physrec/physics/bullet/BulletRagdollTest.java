package org.physrec.physics.bullet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.physrec.physics.ConfigSpace;
import org.physrec.physics.Kinematics;
import org.physrec.physics.Model;
import org.physrec.physics.State;
import org.physrec.physics.TestModels;
import org.physrec.physics.Workspace;
import org.physrec.physics.character.CharacterBuilder;
import org.physrec.physics.character.CharacterSettings;

/** Construction, state conversion, torque convention and determinism of the jbullet ragdoll. */
class BulletRagdollTest {
    private static final Model CHARACTER = CharacterBuilder.build(
            org.physrec.physics.character.H36m.meanBoneLengths(), CharacterSettings.DEFAULTS.withArmature(0));

    @Test
    void bodyFramesMatchOurKinematics() {
        Random rng = new Random(3);
        Model m = CHARACTER;
        double[] q = new double[m.nq()];
        TestModels.randomConfiguration(m, rng, 0.5, q);
        double[] v = TestModels.gaussian(rng, m.nv(), 1.0);
        BodyFrames f = new BodyFrames(m);
        f.fromState(q, v);
        double[] poses = new double[12 * m.bodyCount()];
        Kinematics.bodyPoses(m, m.newWorkspace(), q, poses);
        for (int i = 0; i < m.bodyCount(); i++) {
            for (int k = 0; k < 9; k++) {
                assertEquals(poses[12 * i + k], f.rot[9 * i + k], 1e-12, "rotation of body " + i);
            }
            for (int c = 0; c < 3; c++) {
                assertEquals(poses[12 * i + 9 + c], f.pos[3 * i + c], 1e-12, "origin of body " + i);
            }
        }
        // velocities: central differences of the poses along q ⊕ h v
        double h = 1e-6;
        double[] qp = new double[m.nq()];
        double[] qm = new double[m.nq()];
        ConfigSpace.integrate(m, q, v, h, qp);
        ConfigSpace.integrate(m, q, v, -h, qm);
        BodyFrames fp = new BodyFrames(m);
        BodyFrames fm = new BodyFrames(m);
        fp.fromState(qp, v);
        fm.fromState(qm, v);
        for (int i = 0; i < m.bodyCount(); i++) {
            for (int c = 0; c < 3; c++) {
                double fd = (fp.pos[3 * i + c] - fm.pos[3 * i + c]) / (2 * h);
                assertEquals(fd, f.vel[3 * i + c], 1e-6, "origin velocity of body " + i);
            }
            // ω from dR/dt Rᵀ = [ω]x
            double[] dr = new double[9];
            for (int k = 0; k < 9; k++) {
                dr[k] = (fp.rot[9 * i + k] - fm.rot[9 * i + k]) / (2 * h);
            }
            double[] w = new double[9];
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 3; c++) {
                    for (int k = 0; k < 3; k++) {
                        w[3 * r + c] += dr[3 * r + k] * f.rot[9 * i + 3 * c + k];
                    }
                }
            }
            assertEquals(w[7], f.omega[3 * i], 1e-6, "ωx of body " + i);
            assertEquals(w[2], f.omega[3 * i + 1], 1e-6, "ωy of body " + i);
            assertEquals(w[3], f.omega[3 * i + 2], 1e-6, "ωz of body " + i);
        }
    }

    @Test
    void stateRoundTripsThroughJbullet() {
        Random rng = new Random(5);
        Model m = CHARACTER;
        double[] q = new double[m.nq()];
        TestModels.randomConfiguration(m, rng, 0.4, q);
        q[2] = 1.5;
        double[] v = TestModels.gaussian(rng, m.nv(), 1.0);
        BulletRagdoll r = BulletRagdoll.create(m, BulletSettings.DEFAULTS, q, v);
        double[] q2 = new double[m.nq()];
        double[] v2 = new double[m.nv()];
        r.state(q2, v2);
        double[] dq = new double[m.nv()];
        ConfigSpace.difference(m, q, q2, dq);
        for (int k = 0; k < m.nv(); k++) {
            assertEquals(0, dq[k], 2e-6, "configuration dof " + k);
            assertEquals(v[k], v2[k], 2e-5 * (1 + Math.abs(v[k])), "velocity dof " + k);
        }
        double[] kOurs = new double[3 * m.keypointCount()];
        double[] kBullet = new double[3 * m.keypointCount()];
        Kinematics.keypoints(m, m.newWorkspace(), q, kOurs);
        r.keypoints(kBullet);
        assertArrayEquals(kOurs, kBullet, 2e-6);
        // energies agree with our mass matrix's
        double[] eOurs = new double[2];
        double[] eBullet = new double[2];
        org.physrec.physics.MassMatrix.energy(m, m.newWorkspace(), q, v, eOurs);
        r.energy(eBullet);
        assertEquals(eOurs[0], eBullet[0], 1e-5 * eOurs[0]);
        assertEquals(eOurs[1], eBullet[1], 1e-5 * Math.abs(eOurs[1]));
    }

    @Test
    void nonDiagonalInertiaUsesPrincipalAxes() {
        Model m = TestModels.ball();
        Random rng = new Random(9);
        double[] q = new double[m.nq()];
        TestModels.randomConfiguration(m, rng, 0.7, q);
        double[] v = TestModels.gaussian(rng, m.nv(), 2.0);
        BulletRagdoll r = BulletRagdoll.create(m, BulletSettings.DEFAULTS.withGround(false), q, v);
        double[] eOurs = new double[2];
        double[] eBullet = new double[2];
        org.physrec.physics.MassMatrix.energy(m, m.newWorkspace(), q, v, eOurs);
        r.energy(eBullet);
        assertEquals(eOurs[0], eBullet[0], 1e-5 * eOurs[0], "kinetic energy");
    }

    @Test
    void jointTorquesMatchOurGeneralizedForces() {
        // one short step from rest without gravity: Δv/h must equal our M⁻¹τ
        Model m = CharacterBuilder.build(org.physrec.physics.character.H36m.meanBoneLengths(),
                CharacterSettings.DEFAULTS.withArmature(0));
        Random rng = new Random(11);
        double[] q = new double[m.nq()];
        TestModels.randomConfiguration(m, rng, 0.3, q);
        q[2] = 2;
        double[] v = new double[m.nv()];
        double[] tau = TestModels.gaussian(rng, m.nv(), 3.0);
        for (int k = 0; k < 6; k++) {
            tau[k] = 0;
        }
        Model noGravity = withoutGravity(m);
        double h = 1e-4;
        BulletRagdoll r = BulletRagdoll.create(noGravity, BulletSettings.DEFAULTS.withGround(false), q, v);
        r.step(tau, h);
        double[] q2 = new double[m.nq()];
        double[] v2 = new double[m.nv()];
        r.state(q2, v2);
        double[] qdd = new double[m.nv()];
        org.physrec.physics.ForwardDynamics.compute(noGravity, noGravity.newWorkspace(), q, v, tau, qdd);
        double scale = 0;
        for (double a : qdd) {
            scale = Math.max(scale, Math.abs(a));
        }
        for (int k = 0; k < m.nv(); k++) {
            assertEquals(qdd[k], v2[k] / h, 0.02 * scale, "acceleration of dof " + k);
        }
    }

    @Test
    void sameSeedGivesBitIdenticalRollouts() {
        Model m = CHARACTER;
        State s = State.neutral(m);
        s.q[2] = 1.0;
        double[] torques = TestModels.gaussian(new Random(2), 10 * m.nu(), 20.0);
        BulletRollout.Result a = BulletRollout.run(m, BulletSettings.DEFAULTS, s.q, s.v, torques, 25, 8);
        BulletRollout.Result b = BulletRollout.run(m, BulletSettings.DEFAULTS, s.q, s.v, torques, 25, 8);
        assertArrayEquals(a.q(), b.q());
        assertArrayEquals(a.keypoints(), b.keypoints());
    }

    @Test
    void hingeLimitsHoldWhenEnabled() {
        Model m = CHARACTER;
        int knee = m.bodyIndex("l_shank");
        int dof = m.vStart(knee);
        double[] tau = new double[m.nv()];
        tau[dof] = -40; // pushes the knee into hyperextension (limit 0)
        State s = State.neutral(m);
        s.q[2] = 2;
        double[] q = new double[m.nq()];
        double[] v = new double[m.nv()];
        for (boolean limits : new boolean[] {false, true}) {
            BulletRagdoll r = BulletRagdoll.create(m, BulletSettings.DEFAULTS.withGround(false).withJointLimits(limits),
                    s.q, s.v);
            for (int k = 0; k < 100; k++) {
                r.step(tau, 1e-3);
                r.state(q, v);
            }
            double angle = q[m.qStart(knee)];
            if (limits) {
                assertTrue(angle > -0.05, "knee held at its limit, got " + angle);
            } else {
                assertTrue(angle < -0.5, "knee free without limits, got " + angle);
            }
        }
    }

    @Test
    void rejectsBadArguments() {
        Model m = CHARACTER;
        State s = State.neutral(m);
        BulletRagdoll r = BulletRagdoll.create(m, BulletSettings.DEFAULTS, s.q, s.v);
        assertThrows(IllegalArgumentException.class, () -> r.step(new double[3], 1e-3));
        double[] nan = new double[m.nv()];
        nan[7] = Double.NaN;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> r.step(nan, 1e-3));
        assertTrue(e.getMessage().contains("tau[7]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> r.step(new double[m.nv()], 0));
        assertThrows(IllegalArgumentException.class, () -> new BulletSettings(0, 1, true, 0, 0.9,
                BulletSettings.Collision.GEOMETRY, false, true, true));
        assertThrows(IllegalArgumentException.class,
                () -> BulletRollout.run(m, BulletSettings.DEFAULTS, s.q, s.v, new double[m.nu() + 1], 25, 8));
    }

    static Model withoutGravity(Model m) {
        // the character builder always uses standard gravity; rebuild with gravity off
        return ModelCopies.withGravity(m, new double[] {0, 0, 0});
    }

    static Workspace ws(Model m) {
        return m.newWorkspace();
    }
}
