package org.physrec.physics.bullet;

import org.physrec.physics.Geometry;
import org.physrec.physics.JointType;
import org.physrec.physics.Model;

/** Small models with geometry for the jbullet tests. */
final class BulletTestModels {
    private BulletTestModels() {
    }

    /** A solid box (half extents hx, hy, hz, mass m) on a FREE joint, origin at its centre. */
    static Model freeBox(double m, double hx, double hy, double hz) {
        Model.Builder b = new Model.Builder();
        double x = 2 * hx;
        double y = 2 * hy;
        double z = 2 * hz;
        int s = b.addBody("box", -1, JointType.FREE, v(0, 0, 0), null, m, v(0, 0, 0),
                diag(m * (y * y + z * z) / 12, m * (x * x + z * z) / 12, m * (x * x + y * y) / 12));
        b.geometry(new Geometry(s, Geometry.Shape.BOX, v(0, 0, 0), v(hx, hy, hz), 0));
        return b.build();
    }

    /**
     * A compound pendulum: a solid sphere bob (mass m, radius r) at distance l below a hinge
     * about y at height 2 m.
     */
    static Model pendulum(double m, double r, double l) {
        return pendulum(m, r, l, 0);
    }

    /** The same pendulum with armature on the hinge (kg·m²). */
    static Model pendulum(double m, double r, double l, double armature) {
        Model.Builder b = new Model.Builder().armature(armature);
        int base = b.addBody("base", -1, JointType.FIXED, v(0, 0, 2), null, 1, v(0, 0, 0), diag(1e-3, 1e-3, 1e-3));
        double i = 0.4 * m * r * r;
        int bob = b.addBody("bob", base, JointType.HINGE, v(0, 0, 0), v(0, 1, 0), m, v(0, 0, -l), diag(i, i, i));
        b.geometry(new Geometry(bob, Geometry.Shape.SPHERE, v(0, 0, -l), v(0, 0, 0), r));
        b.keypoint("bob", bob, v(0, 0, -l));
        return b.build();
    }

    static double[] v(double x, double y, double z) {
        return new double[] {x, y, z};
    }

    static double[] diag(double a, double b, double c) {
        return new double[] {a, 0, 0, 0, b, 0, 0, 0, c};
    }
}
