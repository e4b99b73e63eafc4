package org.physrec.physics.pinocchio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.physrec.physics.ForwardDynamics;
import org.physrec.physics.InverseDynamics;
import org.physrec.physics.Kinematics;
import org.physrec.physics.MassMatrix;
import org.physrec.physics.Model;
import org.physrec.physics.Workspace;
import org.physrec.physics.character.CharacterBuilder;

/**
 * The character's dynamics (mass matrix and its inverse, RNEA, ABA with and without external
 * forces, CRBA forward dynamics, keypoints, body placements) against Pinocchio 4.1 golden values (src/test/resources/pinocchio:
 * character-golden.json, made once by make_golden.py from {@link ModelExport}'s output; all
 * arrays in our conventions, the free-flyer and quaternion conversions are in the script).
 * Tolerance: 1e-9 relative to the largest entry of each compared array.
 */
class PinocchioGoldenTest {
    private static final double TOL = 1e-9;
    private static JsonNode golden;
    private static Model model;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = PinocchioGoldenTest.class.getResourceAsStream("/pinocchio/character-golden.json")) {
            assertNotNull(in, "resource /pinocchio/character-golden.json");
            golden = new ObjectMapper().readTree(in);
        }
        model = CharacterBuilder.standard();
    }

    @Test
    void goldenFileDescribesTheCurrentCharacter() {
        JsonNode ours = ModelExport.describe(new ObjectMapper(), model);
        assertEquals(ours, golden.get("model"), "the character changed since the golden file was made: "
                + "regenerate it (ModelExport, then make_golden.py; see the script's header)");
    }

    @Test
    void massMatrixMatchesPinocchio() {
        Workspace ws = model.newWorkspace();
        double[] m = new double[model.nv() * model.nv()];
        double worst = 0;
        for (JsonNode c : golden.get("cases")) {
            MassMatrix.compute(model, ws, array(c, "q"), m);
            worst = Math.max(worst, compare("M(q)", array(c, "mass_matrix"), m));
        }
        report("mass matrix", worst);
    }

    @Test
    void inverseDynamicsMatchesPinocchioRnea() {
        Workspace ws = model.newWorkspace();
        double[] tau = new double[model.nv()];
        double worst = 0;
        for (JsonNode c : golden.get("cases")) {
            InverseDynamics.rnea(model, ws, array(c, "q"), array(c, "v"), array(c, "qdd"), tau);
            worst = Math.max(worst, compare("rnea", array(c, "rnea_tau"), tau));
        }
        report("RNEA", worst);
    }

    @Test
    void forwardDynamicsMatchesPinocchioAba() {
        Workspace ws = model.newWorkspace();
        double[] qdd = new double[model.nv()];
        double worstAba = 0;
        double worstCrba = 0;
        for (JsonNode c : golden.get("cases")) {
            double[] expected = array(c, "aba_qdd");
            ForwardDynamics.aba(model, ws, array(c, "q"), array(c, "v"), array(c, "tau"), qdd);
            worstAba = Math.max(worstAba, compare("ABA", expected, qdd));
            ForwardDynamics.compute(model, ws, array(c, "q"), array(c, "v"), array(c, "tau"), qdd);
            worstCrba = Math.max(worstCrba, compare("CRBA forward dynamics", expected, qdd));
        }
        report("ABA", worstAba);
        report("CRBA + LDL", worstCrba);
    }

    @Test
    void abaWithExternalForcesMatchesPinocchio() {
        Workspace ws = model.newWorkspace();
        double[] qdd = new double[model.nv()];
        double worst = 0;
        for (JsonNode c : golden.get("cases")) {
            ForwardDynamics.aba(model, ws, array(c, "q"), array(c, "v"), array(c, "tau"), array(c, "fext"), qdd);
            worst = Math.max(worst, compare("ABA with external forces", array(c, "aba_qdd_fext"), qdd));
        }
        report("ABA with external forces", worst);
    }

    /**
     * M⁻¹ against Pinocchio's computeMinverse: column j is qdd(τ = e_j) − qdd(τ = 0) (forward
     * dynamics is affine in τ), by both forward-dynamics routes.
     */
    @Test
    void inverseMassMatrixMatchesPinocchio() {
        Workspace ws = model.newWorkspace();
        int nv = model.nv();
        double[] base = new double[nv];
        double[] col = new double[nv];
        double[] minvAba = new double[nv * nv];
        double[] minvCrba = new double[nv * nv];
        double[] tau = new double[nv];
        double worstAba = 0;
        double worstCrba = 0;
        for (JsonNode c : golden.get("cases")) {
            double[] q = array(c, "q");
            double[] v = array(c, "v");
            for (int route = 0; route < 2; route++) {
                double[] minv = route == 0 ? minvAba : minvCrba;
                java.util.Arrays.fill(tau, 0);
                forward(route, ws, q, v, tau, base);
                for (int j = 0; j < nv; j++) {
                    tau[j] = 1;
                    forward(route, ws, q, v, tau, col);
                    tau[j] = 0;
                    for (int i = 0; i < nv; i++) {
                        minv[i * nv + j] = col[i] - base[i];
                    }
                }
            }
            double[] expected = array(c, "mass_matrix_inverse");
            worstAba = Math.max(worstAba, compare("M⁻¹ by ABA", expected, minvAba));
            worstCrba = Math.max(worstCrba, compare("M⁻¹ by CRBA + LDL", expected, minvCrba));
        }
        report("M⁻¹ by ABA", worstAba);
        report("M⁻¹ by CRBA + LDL", worstCrba);
    }

    private static void forward(int route, Workspace ws, double[] q, double[] v, double[] tau, double[] qdd) {
        if (route == 0) {
            ForwardDynamics.aba(model, ws, q, v, tau, qdd);
        } else {
            ForwardDynamics.compute(model, ws, q, v, tau, qdd);
        }
    }

    @Test
    void kinematicsMatchesPinocchio() {
        Workspace ws = model.newWorkspace();
        double[] kp = new double[3 * model.keypointCount()];
        double[] poses = new double[12 * model.bodyCount()];
        double worstKp = 0;
        double worstPose = 0;
        for (JsonNode c : golden.get("cases")) {
            Kinematics.keypoints(model, ws, array(c, "q"), kp);
            worstKp = Math.max(worstKp, compare("keypoints", array(c, "keypoints"), kp));
            Kinematics.bodyPoses(model, ws, array(c, "q"), poses);
            worstPose = Math.max(worstPose, compare("body poses", array(c, "body_poses"), poses));
        }
        report("keypoints", worstKp);
        report("body poses", worstPose);
    }

    /** Asserts |actual − expected| ≤ TOL · max(1, max |expected|); returns the max relative deviation. */
    private static double compare(String what, double[] expected, double[] actual) {
        assertEquals(expected.length, actual.length, what + ": length");
        double scale = 1;
        for (double x : expected) {
            scale = Math.max(scale, Math.abs(x));
        }
        double worst = 0;
        for (int k = 0; k < expected.length; k++) {
            double d = Math.abs(actual[k] - expected[k]) / scale;
            assertTrue(d <= TOL, what + "[" + k + "]: ours " + actual[k] + ", Pinocchio " + expected[k]);
            worst = Math.max(worst, d);
        }
        return worst;
    }

    private static double[] array(JsonNode c, String field) {
        JsonNode a = c.get(field);
        assertNotNull(a, "golden case field " + field);
        double[] r = new double[a.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = a.get(i).doubleValue();
        }
        return r;
    }

    private static void report(String what, double worst) {
        if (Boolean.getBoolean("physrec.report") || System.getenv("PHYSREC_REPORT") != null) {
            System.out.printf("Pinocchio golden, %s: max deviation %.2e (relative to the largest entry)%n", what, worst);
        }
    }
}
