package org.physrec.app.recon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.physrec.physics.Model;
import org.physrec.physics.State;

/** The window objective's gradient (physics adjoint + FK + camera Jacobians) against central differences. */
class ReconstructionObjectiveTest {

    @Test
    void gradientMatchesCentralDifferencesOnASmallWindow() throws Exception {
        ReconstructionInput in = ReconstructorPlumbingTest.input(10);
        ReconstructionSettings settings = ReconstructionSettings.DEFAULTS.withWindow(2, 0);
        Model model = SubjectFit.character(in.boneLengths(), 70);
        int frames = in.observations().frames();
        double[] qRef = new double[frames * model.nq()];
        new InverseKinematics(model, settings.ik()).fitSequence(in.ikTargets(), null, qRef);
        ReferenceMotion ref = ReferenceMotion.of(model, qRef, 25);
        int s = 3;
        State start = new State(model.nq(), model.nv());
        System.arraycopy(ref.q(), s * model.nq(), start.q, 0, model.nq());
        System.arraycopy(ref.v(), s * model.nv(), start.v, 0, model.nv());
        double[] wref = java.util.Arrays.copyOfRange(qRef, (s + 1) * model.nq(), (s + 3) * model.nq());
        PhysicsSimulation sim = new PhysicsSimulation(model, PhysicsSimulation.simSettings(model, settings), 2);
        ReconstructionObjective f = new ReconstructionObjective(model, sim,
                new StateLoss(model, in.observations(), settings.weights()), settings.weights(), start, wref, s + 1, 2,
                new double[model.nu()]);
        Random rnd = new Random(21);
        double[] x = new double[f.dimension()];
        for (int i = 0; i < x.length; i++) {
            x[i] = 0.05 * rnd.nextGaussian();
        }
        double[] g = new double[x.length];
        double value = f.valueAndGradient(x, g);
        assertTrue(Double.isFinite(value) && value > 0, "value " + value);
        assertEquals(value, f.value(x), 1e-12 * Math.abs(value));
        double h = 1e-5;
        double maxAbs = 0;
        for (double gi : g) {
            maxAbs = Math.max(maxAbs, Math.abs(gi));
        }
        for (int i = 0; i < x.length; i++) {
            double keep = x[i];
            x[i] = keep + h;
            double fp = f.value(x);
            x[i] = keep - h;
            double fm = f.value(x);
            x[i] = keep;
            double fd = (fp - fm) / (2 * h);
            assertEquals(fd, g[i], 1e-6 * maxAbs + 1e-4 * Math.abs(fd), "variable " + i + " (max |g| " + maxAbs + ")");
        }
    }
}
