package org.physrec.physics.bullet;

import org.physrec.physics.Geometry;
import org.physrec.physics.Model;

/** Copies of a model with one property changed (tests only). */
final class ModelCopies {
    private ModelCopies() {
    }

    static Model withGravity(Model m, double[] gravity) {
        Model.Builder b = new Model.Builder().gravity(gravity)
                .armature(m.nu() > 0 ? m.armature(m.actuatedStart()) : 0);
        for (int i = 0; i < m.bodyCount(); i++) {
            double[] offset = {m.jointOffset(i, 0), m.jointOffset(i, 1), m.jointOffset(i, 2)};
            double[] axis = {m.hingeAxis(i, 0), m.hingeAxis(i, 1), m.hingeAxis(i, 2)};
            double[] com = {m.com(i, 0), m.com(i, 1), m.com(i, 2)};
            double[] inertia = new double[9];
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 3; c++) {
                    inertia[3 * r + c] = m.inertia(i, r, c);
                }
            }
            b.addBody(m.bodyName(i), m.parent(i), m.joint(i), offset, axis, m.mass(i), com, inertia);
            int n = m.joint(i).nv();
            int first = m.vStart(i) - m.actuatedStart();
            if (first >= 0 && n > 0) {
                double[] lo = new double[n];
                double[] hi = new double[n];
                double[] tl = new double[n];
                for (int k = 0; k < n; k++) {
                    lo[k] = m.lowerLimit(first + k);
                    hi[k] = m.upperLimit(first + k);
                    tl[k] = m.torqueLimit(first + k);
                }
                if (Double.isFinite(lo[0])) {
                    b.limits(i, lo, hi);
                }
                if (Double.isFinite(tl[0])) {
                    b.torqueLimits(i, tl);
                }
            }
        }
        for (Geometry g : m.geometry()) {
            b.geometry(g);
        }
        for (int k = 0; k < m.contactCount(); k++) {
            b.contactSphere(m.contactBody(k), new double[] {m.contactCenter(k, 0), m.contactCenter(k, 1),
                    m.contactCenter(k, 2)}, m.contactRadius(k));
        }
        for (int k = 0; k < m.keypointCount(); k++) {
            b.keypoint(m.keypointName(k), m.keypointBody(k), new double[] {m.keypointPoint(k, 0),
                    m.keypointPoint(k, 1), m.keypointPoint(k, 2)});
        }
        return b.build();
    }
}
