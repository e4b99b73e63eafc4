package org.physrec.app.recon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.physrec.datasets.Sequence;
import org.physrec.physics.ConfigSpace;
import org.physrec.physics.Model;

class StateLossTest {

    @Test
    void logVjpMatchesCentralDifferences() {
        Random rnd = new Random(11);
        for (int trial = 0; trial < 30; trial++) {
            double[] q = {rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian()};
            if (trial < 4) {
                q = new double[] {trial % 2 == 0 ? 1 : -1, 1e-8 * rnd.nextGaussian(), 1e-8, -2e-8};
            }
            double[] gr = {rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian()};
            double[] g = new double[4];
            RotationVectors.logVjp(q, 0, gr, 0, 1.5, g, 0);
            double h = 1e-7;
            double[] rp = new double[3];
            double[] rm = new double[3];
            for (int k = 0; k < 4; k++) {
                double keep = q[k];
                q[k] = keep + h;
                RotationVectors.log(q, 0, rp, 0);
                q[k] = keep - h;
                RotationVectors.log(q, 0, rm, 0);
                q[k] = keep;
                double fd = 0;
                for (int i = 0; i < 3; i++) {
                    fd += 1.5 * gr[i] * (rp[i] - rm[i]) / (2 * h);
                }
                assertEquals(fd, g[k], 2e-5 * Math.max(1, Math.abs(fd)), "trial " + trial + " coordinate " + k);
            }
        }
    }

    @Test
    void stateLossGradientsMatchCentralDifferences() throws Exception {
        Sequence s = TestData.motion(TestData.WALK).resample(25).window(30, 2);
        SceneFrame frame = new SceneFrame(3.0);
        Observations obs = LossGradientTest.observations(s, frame, 9);
        Model model = SubjectFit.character(SubjectFit.boneLengths(s.groundTruth()), 70);
        StateLoss loss = new StateLoss(model, obs, LossWeights.DEFAULTS.with2d3d(1, 1));
        double[] q = new double[model.nq()];
        double[] fit = new double[2 * model.nq()];
        new InverseKinematics(model, InverseKinematics.Settings.DEFAULTS).fitSequence(frame.toPhysics(s.groundTruth()),
                null, fit);
        System.arraycopy(fit, model.nq(), q, 0, model.nq());
        // push a few joints past their limits so the limit term is active
        Random rnd = new Random(12);
        double[] d = new double[model.nv()];
        for (int i = 6; i < d.length; i++) {
            d[i] = 0.8 * rnd.nextGaussian();
        }
        ConfigSpace.integrate(model, q, d, 1.0, q);
        double[] gq = new double[model.nq()];
        double f = loss.value(1, 4, q, gq);
        assertTrue(loss.lastLimits() > 0, "limits should be active");
        double h = 1e-6;
        for (int i = 0; i < q.length; i++) {
            double keep = q[i];
            q[i] = keep + h;
            double fp = loss.value(1, 4, q, null);
            q[i] = keep - h;
            double fm = loss.value(1, 4, q, null);
            q[i] = keep;
            double fd = (fp - fm) / (2 * h);
            assertEquals(fd, gq[i], 1e-6 + 1e-4 * Math.abs(fd), "q[" + i + "]");
        }
        double[] gv = new double[model.nv()];
        double ft = loss.valueTangent(1, 4, q, gv, new double[model.nv()]);
        assertEquals(f, ft, 1e-12);
        double[] qp = new double[model.nq()];
        for (int k = 0; k < model.nv(); k++) {
            double[] e = new double[model.nv()];
            e[k] = h;
            ConfigSpace.integrate(model, q, e, 1.0, qp);
            double fp = loss.value(1, 4, qp, null);
            e[k] = -h;
            ConfigSpace.integrate(model, q, e, 1.0, qp);
            double fm = loss.value(1, 4, qp, null);
            double fd = (fp - fm) / (2 * h);
            assertEquals(fd, gv[k], 1e-6 + 1e-4 * Math.abs(fd), "tangent " + k);
        }
    }
}
