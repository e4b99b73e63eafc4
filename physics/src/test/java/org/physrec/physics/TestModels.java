package org.physrec.physics;

import java.util.Random;

/** Tiny models for tests: pendulum, two-link arm, single ball joint, floating box. */
public final class TestModels {
    private TestModels() {
    }

    /** Point-like bob of mass m at distance l below a hinge about y; tiny rotational inertia. */
    public static Model pendulum(double m, double l) {
        Model.Builder b = new Model.Builder();
        int base = b.addBody("base", -1, JointType.FIXED, v(0, 0, 1), null, 1, v(0, 0, 0), diag(1e-3));
        b.addBody("bob", base, JointType.HINGE, v(0, 0, 0), v(0, 1, 0), m, v(0, 0, -l), diag(1e-9));
        return b.build();
    }

    public static Model twoLink() {
        Model.Builder b = new Model.Builder();
        int base = b.addBody("base", -1, JointType.FIXED, v(0, 0, 1), null, 1, v(0, 0, 0), diag(1e-3));
        int a = b.addBody("upper", base, JointType.HINGE, v(0, 0, 0), v(0, 1, 0), 1.2, v(0.05, 0, -0.2),
                new double[] {0.02, 0.001, 0, 0.001, 0.018, 0, 0, 0, 0.004});
        b.addBody("lower", a, JointType.HINGE, v(0.1, 0, -0.4), v(1, 0, 0), 0.8, v(0, 0.02, -0.15),
                new double[] {0.01, 0, 0.0005, 0, 0.011, 0, 0.0005, 0, 0.002});
        b.keypoint("tip", 2, v(0, 0, -0.3));
        return b.build();
    }

    /** A solid sphere (radius r, mass m) on a FREE joint, origin at its centre, with a contact sphere and its geometry. */
    public static Model freeSphere(double m, double r) {
        Model.Builder b = new Model.Builder();
        int s = b.addBody("ball", -1, JointType.FREE, v(0, 0, 0), null, m, v(0, 0, 0), diag(0.4 * m * r * r));
        b.geometry(new Geometry(s, Geometry.Shape.SPHERE, v(0, 0, 0), v(0, 0, 0), r));
        b.contactSphere(s, v(0, 0, 0), r);
        return b.build();
    }

    public static Model ball() {
        Model.Builder b = new Model.Builder();
        int base = b.addBody("base", -1, JointType.FIXED, v(0, 0, 1), null, 1, v(0, 0, 0), diag(1e-3));
        b.addBody("link", base, JointType.BALL, v(0, 0, 0), null, 2.0, v(0.03, -0.02, -0.25),
                new double[] {0.03, 0.002, 0.001, 0.002, 0.025, -0.001, 0.001, -0.001, 0.01});
        b.keypoint("tip", 1, v(0.1, 0, -0.5));
        return b.build();
    }

    /**
     * A small floating tree with every joint type: FREE root, a BALL-HINGE chain and a BALL
     * branch (depth-first), non-diagonal inertias, offset coms, armature, one keypoint per body.
     */
    public static Model floatingTree() {
        Model.Builder b = new Model.Builder().armature(0.02);
        int root = b.addBody("root", -1, JointType.FREE, v(0, 0, 0), null, 3.0, v(0.01, 0.02, -0.03),
                new double[] {0.05, 0.003, -0.002, 0.003, 0.04, 0.001, -0.002, 0.001, 0.03});
        int a = b.addBody("a", root, JointType.BALL, v(0.1, -0.1, -0.05), null, 1.5, v(0, 0.01, -0.2),
                new double[] {0.02, 0.001, 0, 0.001, 0.018, 0.002, 0, 0.002, 0.004});
        int a2 = b.addBody("a2", a, JointType.HINGE, v(0, 0, -0.4), v(0.6, 0.8, 0), 0.9, v(0.02, 0, -0.18),
                new double[] {0.01, 0, 0.0005, 0, 0.011, 0, 0.0005, 0, 0.002});
        int c = b.addBody("c", root, JointType.BALL, v(-0.05, 0.12, 0.2), null, 1.1, v(0.03, 0, 0.15),
                new double[] {0.012, -0.001, 0.001, -0.001, 0.015, 0, 0.001, 0, 0.005});
        b.keypoint("root_p", root, v(0.05, -0.02, 0.1));
        b.keypoint("a_tip", a, v(0.02, 0, -0.4));
        b.keypoint("a2_tip", a2, v(0, 0.03, -0.35));
        b.keypoint("c_tip", c, v(0, 0.02, 0.3));
        return b.build();
    }

    public static double[] v(double x, double y, double z) {
        return new double[] {x, y, z};
    }

    public static double[] diag(double d) {
        return new double[] {d, 0, 0, 0, d, 0, 0, 0, d};
    }

    /** A random configuration: positions ~ N(0, s), quaternions exp(N(0, s)), angles ~ N(0, s). */
    public static void randomConfiguration(Model model, Random rng, double s, double[] qOut) {
        model.neutralConfiguration(qOut);
        double[] d = new double[model.nv()];
        for (int k = 0; k < d.length; k++) {
            d[k] = s * rng.nextGaussian();
        }
        ConfigSpace.integrate(model, qOut, d, 1.0, qOut);
    }

    public static double[] gaussian(Random rng, int n, double s) {
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = s * rng.nextGaussian();
        }
        return r;
    }

    /** Forward dynamics under test: writes q̈ of (q, v, τ) into {@code qddOut}. */
    public interface ForwardDynamicsRoute {
        void qdd(Model model, Workspace ws, double[] q, double[] v, double[] tau, double[] qddOut);
    }

    /**
     * At a random state drawn from {@code rng}, asserts M(q) · (∂q̈/∂τ by central differences) = I
     * within 1e-6, i.e. that {@code route} inverts the mass matrix (depth-first numbering matters
     * here); returns M (nv × nv, row-major) for further checks.
     */
    public static double[] assertMassTimesDqddDtauIsIdentity(Model model, Random rng, ForwardDynamicsRoute route,
                                                             String label) {
        Workspace ws = model.newWorkspace();
        int nv = model.nv();
        double[] q = new double[model.nq()];
        randomConfiguration(model, rng, 0.6, q);
        double[] v = gaussian(rng, nv, 1.0);
        double[] tau = gaussian(rng, nv, 3.0);
        double[] mass = new double[nv * nv];
        MassMatrix.compute(model, ws, q, mass);
        double[] ap = new double[nv];
        double[] am = new double[nv];
        double h = 1e-4; // q̈ is affine in τ: the difference is exact up to rounding
        double[] minv = new double[nv * nv];
        for (int j = 0; j < nv; j++) {
            tau[j] += h;
            route.qdd(model, ws, q, v, tau, ap);
            tau[j] -= 2 * h;
            route.qdd(model, ws, q, v, tau, am);
            tau[j] += h;
            for (int i = 0; i < nv; i++) {
                minv[i * nv + j] = (ap[i] - am[i]) / (2 * h);
            }
        }
        for (int i = 0; i < nv; i++) {
            for (int j = 0; j < nv; j++) {
                double s = 0;
                for (int k = 0; k < nv; k++) {
                    s += mass[i * nv + k] * minv[k * nv + j];
                }
                org.junit.jupiter.api.Assertions.assertEquals(i == j ? 1 : 0, s, 1e-6,
                        label + " (M·dq̈/dτ)[" + i + "," + j + "]");
            }
        }
        return mass;
    }
}
