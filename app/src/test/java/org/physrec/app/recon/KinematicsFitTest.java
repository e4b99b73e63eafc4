package org.physrec.app.recon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.physrec.datasets.Sequence;
import org.physrec.physics.ConfigSpace;
import org.physrec.physics.Kinematics;
import org.physrec.physics.Model;
import org.physrec.physics.character.CharacterBuilder;

class KinematicsFitTest {

    @Test
    void inverseRightJacobianMatchesFiniteDifferences() {
        Random rnd = new Random(1);
        double[] j = new double[9];
        for (int trial = 0; trial < 20; trial++) {
            double[] r = {rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian()};
            double scale = trial < 3 ? 1e-6 : 2.5 / Math.max(1, Math.sqrt(r[0] * r[0] + r[1] * r[1] + r[2] * r[2]));
            for (int k = 0; k < 3; k++) {
                r[k] *= scale;
            }
            double[] q = exp(r);
            RotationVectors.inverseRightJacobian(r, 0, j);
            double h = 1e-6;
            for (int k = 0; k < 3; k++) {
                double[] d = new double[3];
                d[k] = h;
                double[] rp = new double[3];
                double[] rm = new double[3];
                RotationVectors.log(mul(q, exp(d)), 0, rp, 0);
                d[k] = -h;
                RotationVectors.log(mul(q, exp(d)), 0, rm, 0);
                for (int i = 0; i < 3; i++) {
                    assertEquals((rp[i] - rm[i]) / (2 * h), j[3 * i + k], 1e-6, "trial " + trial + " J[" + i + "][" + k + "]");
                }
            }
        }
    }

    @Test
    void jointLimitGradientMatchesFiniteDifferences() {
        Model model = CharacterBuilder.standard();
        JointLimits limits = new JointLimits(model);
        Random rnd = new Random(2);
        double[] q = new double[model.nq()];
        model.neutralConfiguration(q);
        double[] v = new double[model.nv()];
        for (int i = 0; i < v.length; i++) {
            v[i] = 1.5 * rnd.nextGaussian();
        }
        ConfigSpace.integrate(model, q, v, 1.0, q);
        double[] g = new double[model.nv()];
        double f0 = limits.value(q, 1.0, g);
        assertTrue(f0 > 0.1, "the random pose should violate limits, f = " + f0);
        double h = 1e-6;
        double[] qp = new double[model.nq()];
        for (int k = 0; k < model.nv(); k++) {
            double[] d = new double[model.nv()];
            d[k] = h;
            ConfigSpace.integrate(model, q, d, 1.0, qp);
            double fp = limits.value(qp, 0, null);
            d[k] = -h;
            ConfigSpace.integrate(model, q, d, 1.0, qp);
            double fm = limits.value(qp, 0, null);
            assertEquals((fp - fm) / (2 * h), g[k], 1e-5 * Math.max(1, Math.abs(g[k])), "dof " + k);
        }
    }

    @Test
    void ikRecoversAPoseOfTheCharacter() {
        Model model = CharacterBuilder.standard();
        Random rnd = new Random(4);
        double[] q = new double[model.nq()];
        model.neutralConfiguration(q);
        double[] v = new double[model.nv()];
        for (int i = 0; i < v.length; i++) {
            v[i] = 0.3 * rnd.nextGaussian();
        }
        v[0] = 0.2;
        v[2] = 0.9;
        ConfigSpace.integrate(model, q, v, 1.0, q);
        // respect limits so that the target is reachable without penalty
        double[] coords = new double[model.nu()];
        new JointLimits(model).coordinates(q, coords);
        double[] target = new double[3 * model.keypointCount()];
        Kinematics.keypoints(model, model.newWorkspace(), q, target);
        InverseKinematics ik = new InverseKinematics(model, InverseKinematics.Settings.DEFAULTS.withLimitWeight(0));
        double[] fit = new double[model.nq()];
        double[] rms = ik.fitSequence(target, null, fit);
        assertTrue(rms[0] < 1e-4, "rms " + rms[0] + " m");
    }

    @Test
    void ikFitsRealWalkingWithinAFewCentimetres() throws Exception {
        Sequence s = TestData.motion(TestData.WALK).resample(25).window(20, 25);
        double[] mm = s.groundTruth();
        Model model = SubjectFit.character(SubjectFit.boneLengths(mm), 70);
        double[] targets = new SceneFrame(0).toPhysics(mm);
        InverseKinematics ik = new InverseKinematics(model, InverseKinematics.Settings.DEFAULTS);
        double[] q = new double[25 * model.nq()];
        double[] rms = ik.fitSequence(targets, null, q);
        double mean = 0;
        for (double r : rms) {
            mean += r / rms.length;
        }
        // the character's rigid torso and head cannot bend like the mocap skeleton: a few cm remain
        assertTrue(mean < 0.035, "mean IK RMS " + mean + " m");
    }

    static double[] exp(double[] r) {
        double th = Math.sqrt(r[0] * r[0] + r[1] * r[1] + r[2] * r[2]);
        double s = th < 1e-12 ? 0.5 : Math.sin(th / 2) / th;
        return new double[] {Math.cos(th / 2), s * r[0], s * r[1], s * r[2]};
    }

    static double[] mul(double[] a, double[] b) {
        return new double[] {
            a[0] * b[0] - a[1] * b[1] - a[2] * b[2] - a[3] * b[3],
            a[0] * b[1] + a[1] * b[0] + a[2] * b[3] - a[3] * b[2],
            a[0] * b[2] + a[2] * b[0] + a[3] * b[1] - a[1] * b[3],
            a[0] * b[3] + a[3] * b[0] + a[1] * b[2] - a[2] * b[1],
        };
    }
}
