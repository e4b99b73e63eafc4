package org.physrec.app.recon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.physrec.app.synth.SynthSettings;
import org.physrec.app.synth.Synthesizer;
import org.physrec.datasets.Sequence;
import org.physrec.physics.ConfigSpace;
import org.physrec.physics.Model;

class BoneLengthFitTest {

    /** The walk's first 100 input frames, one camera, 3D estimate with only scale and body-bias errors. */
    private static ReconstructionInput biasedWalk(double pixelSigma) throws Exception {
        SynthSettings d = SynthSettings.defaults(3);
        SynthSettings s = new SynthSettings(3, pixelSigma, 0, 0, 0, 1, d.bodyBiasMm(), 0, 0.5, 0, 0.04, 0, 0, 0, 1);
        Sequence synth = Synthesizer.synthesize(TestData.motion(TestData.WALK).window(0, 100), s);
        return ReconstructionInput.prepare(CameraSelection.apply(synth, "first"), ReconstructionSettings.DEFAULTS);
    }

    @Test
    void frameJacobianMatchesFiniteDifferences() throws Exception {
        ReconstructionInput in = biasedWalk(3);
        Model model = SubjectFit.character(in.boneLengths(), 70);
        InverseKinematics ik = new InverseKinematics(model, InverseKinematics.Settings.DEFAULTS);
        double[] q = new double[in.observations().frames() * model.nq()];
        ik.fitSequence(in.ikTargets(), null, in.observations(), q);
        ik.use2d(in.observations());
        int t = 5;
        double[] qt = java.util.Arrays.copyOfRange(q, t * model.nq(), (t + 1) * model.nq());
        Random rnd = new Random(5);
        double[] dv = new double[model.nv()];
        for (int i = 0; i < dv.length; i++) {
            dv[i] = 0.6 * rnd.nextGaussian();
        }
        ConfigSpace.integrate(model, qt, dv, 1.0, qt); // also leaves some joints outside their limits
        int rows = ik.rowCount();
        assertEquals(17 * 3 + 17 * 2 + model.nu(), rows);
        double[] r = new double[rows];
        double[] jac = new double[rows * model.nv()];
        double[] sw = new double[rows];
        ik.linearize(in.ikTargets(), t, qt, r, jac, sw);
        double[] again = new double[rows];
        ik.residuals(in.ikTargets(), t, qt, sw, again);
        double[] rp = new double[rows];
        double[] rm = new double[rows];
        double[] qp = new double[model.nq()];
        double h = 1e-6;
        for (int row = 0; row < rows; row++) {
            assertEquals(r[row], again[row], 1e-9 * Math.max(1, Math.abs(r[row])), "residual row " + row);
        }
        for (int k = 0; k < model.nv(); k++) {
            double[] d = new double[model.nv()];
            d[k] = h;
            ConfigSpace.integrate(model, qt, d, 1.0, qp);
            ik.residuals(in.ikTargets(), t, qp, sw, rp);
            d[k] = -h;
            ConfigSpace.integrate(model, qt, d, 1.0, qp);
            ik.residuals(in.ikTargets(), t, qp, sw, rm);
            for (int row = 0; row < rows; row++) {
                double fd = (rp[row] - rm[row]) / (2 * h);
                double an = jac[row * model.nv() + k];
                assertEquals(fd, an, 1e-5 + 1e-5 * Math.abs(fd), "row " + row + ", dof " + k);
            }
        }
    }

    @Test
    void twoDimensionalKeypointsCorrectBiasedBoneLengths() throws Exception {
        ReconstructionInput in = biasedWalk(1);
        double[] truth = SubjectFit.boneLengths(in.sequence().groundTruth());
        Model model = SubjectFit.character(in.boneLengths(), 70);
        double[] q = new double[in.observations().frames() * model.nq()];
        new InverseKinematics(model, InverseKinematics.Settings.DEFAULTS).fitSequence(in.ikTargets(), null,
                in.observations(), q);
        double[] refined = BoneLengthFit.refine(in.boneLengths(), 70, in.ikTargets(), in.observations(),
                InverseKinematics.Settings.DEFAULTS, BoneLengthFit.Settings.DEFAULTS, q);
        double before = meanAbsDifference(in.boneLengths(), truth);
        double after = meanAbsDifference(refined, truth);
        assertTrue(before > 0.008, "the test input should have biased bones, mean error " + before);
        assertTrue(after < 0.6 * before, "bone error " + before * 1000 + " mm -> " + after * 1000 + " mm");
        for (int[] pair : BoneLengthFit.PARAMS) {
            assertEquals(refined[pair[0]], refined[pair[pair.length - 1]], 0.0, "left and right stay equal");
        }
    }

    private static double meanAbsDifference(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += Math.abs(a[i] - b[i]);
        }
        return s / a.length;
    }
}
