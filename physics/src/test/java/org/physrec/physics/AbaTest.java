package org.physrec.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.physrec.physics.character.CharacterBuilder;

/** The articulated-body algorithm against the traced CRBA + LᵀDL forward dynamics and against M⁻¹. */
class AbaTest {
    static Stream<Arguments> models() {
        return Stream.of(Arguments.of("pendulum", TestModels.pendulum(1.5, 0.7)),
                Arguments.of("twoLink", TestModels.twoLink()),
                Arguments.of("ball", TestModels.ball()),
                Arguments.of("floatingTree", TestModels.floatingTree()),
                Arguments.of("character", CharacterBuilder.standard()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void abaEqualsCrba(String name, Model model) {
        Random rng = new Random(11);
        Workspace ws = model.newWorkspace();
        int nv = model.nv();
        double[] q = new double[model.nq()];
        double[] crba = new double[nv];
        double[] aba = new double[nv];
        double[] back = new double[nv];
        for (int trial = 0; trial < 20; trial++) {
            double spread = trial < 10 ? 0.5 : 2.0;
            TestModels.randomConfiguration(model, rng, spread, q);
            double[] v = TestModels.gaussian(rng, nv, trial < 10 ? 1.0 : 4.0);
            double[] tau = TestModels.gaussian(rng, nv, 5.0);
            ForwardDynamics.compute(model, ws, q, v, tau, crba);
            ForwardDynamics.aba(model, ws, q, v, tau, aba);
            assertClose(crba, aba, name + " trial " + trial);
            InverseDynamics.rnea(model, ws, q, v, aba, back);
            for (int k = 0; k < nv; k++) {
                assertEquals(tau[k], back[k], 1e-9 * (1 + Math.abs(tau[k])), name + " rnea(aba) dof " + k);
            }
        }
    }

    /**
     * Forces at the keypoints: ABA with f_ext = [p × f; f] on the keypoint's body equals CRBA
     * with the generalized force τ + Σ Jᵀ f (J the keypoint Jacobian).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void abaWithExternalForcesEqualsCrba(String name, Model model) {
        int kp = model.keypointCount();
        if (kp == 0) {
            return;
        }
        Random rng = new Random(12);
        Workspace ws = model.newWorkspace();
        int nv = model.nv();
        double[] q = new double[model.nq()];
        double[] points = new double[3 * kp];
        double[] jac = new double[3 * kp * nv];
        double[] fext = new double[6 * model.bodyCount()];
        double[] crba = new double[nv];
        double[] aba = new double[nv];
        for (int trial = 0; trial < 10; trial++) {
            TestModels.randomConfiguration(model, rng, 0.7, q);
            double[] v = TestModels.gaussian(rng, nv, 1.0);
            double[] tau = TestModels.gaussian(rng, nv, 5.0);
            double[] force = TestModels.gaussian(rng, 3 * kp, 20.0);
            Kinematics.keypoints(model, ws, q, points);
            Kinematics.keypointJacobian(model, ws, q, jac);
            java.util.Arrays.fill(fext, 0);
            double[] total = tau.clone();
            for (int j = 0; j < kp; j++) {
                int o = 6 * model.keypointBody(j);
                double px = points[3 * j];
                double py = points[3 * j + 1];
                double pz = points[3 * j + 2];
                double fx = force[3 * j];
                double fy = force[3 * j + 1];
                double fz = force[3 * j + 2];
                fext[o] += py * fz - pz * fy;
                fext[o + 1] += pz * fx - px * fz;
                fext[o + 2] += px * fy - py * fx;
                fext[o + 3] += fx;
                fext[o + 4] += fy;
                fext[o + 5] += fz;
                for (int k = 0; k < nv; k++) {
                    for (int c = 0; c < 3; c++) {
                        total[k] += jac[(3 * j + c) * nv + k] * force[3 * j + c];
                    }
                }
            }
            ForwardDynamics.compute(model, ws, q, v, total, crba);
            ForwardDynamics.aba(model, ws, q, v, tau, fext, aba);
            assertClose(crba, aba, name + " with forces, trial " + trial);
            ForwardDynamics.aba(model, ws, q, v, tau, null, aba);
            ForwardDynamics.compute(model, ws, q, v, tau, crba);
            assertClose(crba, aba, name + " without forces, trial " + trial);
        }
    }

    /** M⁻¹ equals d(ABA)/dτ by central differences: M · dABA/dτ = I (depth-first numbering matters here). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void inverseMassMatrixMatchesFiniteDifferencesOfAba(String name, Model model) {
        TestModels.assertMassTimesDqddDtauIsIdentity(model, new Random(13),
                (m, ws, q, v, tau, out) -> ForwardDynamics.aba(m, ws, q, v, tau, out), name + " ABA");
    }

    @Test
    void badExternalForcesNameTheArgument() {
        Model model = TestModels.ball();
        Workspace ws = model.newWorkspace();
        double[] q = {1, 0, 0, 0};
        double[] z = new double[3];
        double[] out = new double[3];
        DynamicsTest.assertMessage(() -> ForwardDynamics.aba(model, ws, q, z, z, new double[6], out), "fext");
        double[] bad = new double[12];
        bad[7] = Double.NaN;
        DynamicsTest.assertMessage(() -> ForwardDynamics.aba(model, ws, q, z, z, bad, out), "fext[7]");
        DynamicsTest.assertMessage(() -> ForwardDynamics.aba(model, ws, new double[] {1, 0.1, 0, 0}, z, z, out),
                "not normalized");
        DynamicsTest.assertMessage(() -> ForwardDynamics.aba(model, model.newWorkspace(), q, z, new double[2], out),
                "tau");
        DynamicsTest.assertMessage(() -> ForwardDynamics.aba(model, TestModels.twoLink().newWorkspace(), q, z, z, out),
                "workspace");
    }

    /** |a − b| ≤ 1e-10 · max(1, max |a|). */
    private static void assertClose(double[] expected, double[] actual, String what) {
        double scale = 1;
        for (double x : expected) {
            scale = Math.max(scale, Math.abs(x));
        }
        for (int k = 0; k < expected.length; k++) {
            assertTrue(Math.abs(expected[k] - actual[k]) <= 1e-10 * scale, what + " dof " + k + ": CRBA "
                    + expected[k] + " vs ABA " + actual[k] + " (scale " + scale + ")");
        }
    }
}
