package org.physrec.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.physrec.physics.character.CharacterBuilder;
import org.physrec.physics.character.CharacterSettings;
import org.physrec.physics.character.H36m;

class KinematicsTest {
    @Test
    void characterKeypointsReproduceBoneLengthsInAnyPose() {
        double[] bones = H36m.meanBoneLengths();
        bones[1] = 0.40; // subject-specific thigh
        bones[12] = 0.27;
        Model model = CharacterBuilder.build(bones, CharacterSettings.DEFAULTS);
        assertEquals(43, model.nq());
        assertEquals(34, model.nv());
        assertEquals(28, model.nu());
        assertEquals(17, model.keypointCount());
        assertEquals(70.0, model.totalMass(), 1e-9);
        Workspace ws = model.newWorkspace();
        double[] q = new double[model.nq()];
        double[] p = new double[51];
        Random rng = new Random(3);
        for (int trial = 0; trial < 3; trial++) {
            TestModels.randomConfiguration(model, rng, 0.7, q);
            Kinematics.keypoints(model, ws, q, p);
            double[] got = H36m.boneLengths(p);
            for (int b = 0; b < 16; b++) {
                assertEquals(bones[b], got[b], 1e-12, "bone " + b);
            }
            for (int j = 0; j < 17; j++) {
                assertEquals(H36m.JOINTS[j], model.keypointName(j));
            }
        }
        model.neutralConfiguration(q);
        Kinematics.keypoints(model, ws, q, p);
        assertEquals(0, p[0], 0);
        assertEquals(-bones[0], p[3 * 1 + 1], 1e-15); // RHip on the right (-y)
        assertEquals(-(bones[1] + bones[2]), p[3 * 3 + 2], 1e-12); // RFoot below the hip
    }

    @Test
    void keypointJacobianMatchesCentralDifferences() {
        for (Model model : new Model[] {CharacterBuilder.standard(), TestModels.twoLink(), TestModels.ball()}) {
            Workspace ws = model.newWorkspace();
            int nv = model.nv();
            int k3 = 3 * model.keypointCount();
            Random rng = new Random(4);
            double[] q = new double[model.nq()];
            TestModels.randomConfiguration(model, rng, 0.5, q);
            double[] jac = new double[k3 * nv];
            Kinematics.keypointJacobian(model, ws, q, jac);
            double h = 1e-6;
            double[] d = new double[nv];
            double[] qp = new double[model.nq()];
            double[] pp = new double[k3];
            double[] pm = new double[k3];
            for (int k = 0; k < nv; k++) {
                d[k] = h;
                ConfigSpace.integrate(model, q, d, 1, qp);
                Kinematics.keypoints(model, ws, qp, pp);
                d[k] = -h;
                ConfigSpace.integrate(model, q, d, 1, qp);
                Kinematics.keypoints(model, ws, qp, pm);
                d[k] = 0;
                for (int r = 0; r < k3; r++) {
                    double fd = (pp[r] - pm[r]) / (2 * h);
                    assertEquals(fd, jac[r * nv + k], 1e-7 + 1e-6 * Math.abs(fd), "J[" + r + "," + k + "]");
                }
            }
            // the q-coordinate VJP, mapped to the tangent space, equals Jᵀ g
            double[] g = TestModels.gaussian(rng, k3, 1);
            double[] gq = new double[model.nq()];
            double[] gv = new double[nv];
            Kinematics.keypointVjp(model, ws, q, g, gq);
            ConfigSpace.tangentGradient(model, q, gq, gv);
            for (int k = 0; k < nv; k++) {
                double s = 0;
                for (int r = 0; r < k3; r++) {
                    s += jac[r * nv + k] * g[r];
                }
                assertEquals(s, gv[k], 1e-10 * (1 + Math.abs(s)), "JᵀG[" + k + "]");
            }
        }
    }

    @Test
    void integrateAndDifferenceAreInverse() {
        Model model = CharacterBuilder.standard();
        Random rng = new Random(5);
        double[] q0 = new double[model.nq()];
        double[] q1 = new double[model.nq()];
        TestModels.randomConfiguration(model, rng, 0.8, q0);
        double[] v = TestModels.gaussian(rng, model.nv(), 0.7);
        ConfigSpace.integrate(model, q0, v, 1, q1);
        double[] back = new double[model.nv()];
        ConfigSpace.difference(model, q0, q1, back);
        for (int k = 0; k < v.length; k++) {
            assertEquals(v[k], back[k], 1e-10, "dof " + k);
        }
    }
}
