package org.physrec.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.physrec.physics.character.CharacterBuilder;

class DynamicsTest {
    static Stream<Arguments> models() {
        return Stream.of(Arguments.of("pendulum", TestModels.pendulum(1.5, 0.7)),
                Arguments.of("twoLink", TestModels.twoLink()),
                Arguments.of("ball", TestModels.ball()),
                Arguments.of("character", CharacterBuilder.standard()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void inverseOfForwardIsIdentity(String name, Model model) {
        Random rng = new Random(1);
        Workspace ws = model.newWorkspace();
        double[] q = new double[model.nq()];
        for (int trial = 0; trial < 5; trial++) {
            TestModels.randomConfiguration(model, rng, 0.5, q);
            double[] v = TestModels.gaussian(rng, model.nv(), 1.0);
            double[] tau = TestModels.gaussian(rng, model.nv(), 5.0);
            double[] qdd = new double[model.nv()];
            double[] back = new double[model.nv()];
            ForwardDynamics.compute(model, ws, q, v, tau, qdd);
            InverseDynamics.rnea(model, ws, q, v, qdd, back);
            for (int k = 0; k < tau.length; k++) {
                assertEquals(tau[k], back[k], 1e-9 * (1 + Math.abs(tau[k])), name + " dof " + k);
            }
        }
    }

    /** M⁻¹ from the mass matrix equals d(forward dynamics)/d tau by central differences. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void inverseMassMatrixMatchesFiniteDifferencesOfForwardDynamics(String name, Model model) {
        int nv = model.nv();
        double[] mass = TestModels.assertMassTimesDqddDtauIsIdentity(model, new Random(2), ForwardDynamics::compute,
                name + " CRBA");
        for (int i = 0; i < nv; i++) {
            for (int j = 0; j < nv; j++) {
                assertEquals(mass[i * nv + j], mass[j * nv + i], 1e-12, "symmetry");
            }
            assertTrue(mass[i * nv + i] > 0, "diagonal positive");
        }
    }

    @Test
    void pendulumMassMatrixIsMl2() {
        Model p = TestModels.pendulum(2.0, 0.5);
        double[] m = new double[1];
        MassMatrix.compute(p, p.newWorkspace(), new double[] {0.3}, m);
        assertEquals(2.0 * 0.25 + 1e-9, m[0], 1e-12);
    }

    @Test
    void rejectsNonDepthFirstNumbering() {
        Model.Builder b = new Model.Builder();
        double[] z = TestModels.v(0, 0, 0);
        int root = b.addBody("root", -1, JointType.FIXED, z, null, 1, z, TestModels.diag(1));
        int a = b.addBody("a", root, JointType.BALL, z, null, 1, z, TestModels.diag(1));
        b.addBody("b", root, JointType.BALL, z, null, 1, z, TestModels.diag(1));
        b.addBody("a_child", a, JointType.BALL, z, null, 1, z, TestModels.diag(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, b::build);
        assertTrue(e.getMessage().contains("depth-first"), e.getMessage());
    }

    @Test
    void rejectsParentNumberedAfterChild() {
        Model.Builder b = new Model.Builder();
        double[] z = TestModels.v(0, 0, 0);
        b.addBody("root", -1, JointType.FIXED, z, null, 1, z, TestModels.diag(1));
        b.addBody("a", 2, JointType.BALL, z, null, 1, z, TestModels.diag(1));
        b.addBody("b", 0, JointType.BALL, z, null, 1, z, TestModels.diag(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, b::build);
        assertTrue(e.getMessage().contains("body 1 (a): parent 2 must come before it"), e.getMessage());
    }

    @Test
    void badInputsNameTheArgument() {
        Model model = TestModels.ball();
        Workspace ws = model.newWorkspace();
        double[] q = {1, 0, 0, 0};
        double[] out = new double[3];
        assertMessage(() -> ForwardDynamics.compute(model, ws, q, new double[3], new double[2], out), "tau");
        assertMessage(() -> ForwardDynamics.compute(model, ws, q, new double[3], new double[] {0, Double.NaN, 0}, out),
                "tau[1]");
        assertMessage(() -> ForwardDynamics.compute(model, ws, new double[] {1, 0.1, 0, 0}, new double[3],
                new double[3], out), "not normalized");
        assertMessage(() -> ForwardDynamics.compute(model, ws, q, new double[] {0, Double.POSITIVE_INFINITY, 0},
                new double[3], out), "v[1]");
        assertMessage(() -> new Model.Builder().addBody("x", -1, JointType.FIXED, new double[3], null, -1,
                new double[3], TestModels.diag(1)), "mass of x");
    }

    static void assertMessage(org.junit.jupiter.api.function.Executable ex, String part) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, ex);
        assertTrue(e.getMessage().contains(part), "message '" + e.getMessage() + "' should contain '" + part + "'");
    }
}
