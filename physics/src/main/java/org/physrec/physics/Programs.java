package org.physrec.physics;

import org.physrec.physics.tape.Tape;
import org.physrec.physics.tape.Tracer;

/** The compiled tapes of a model's algorithms (traced once, immutable, shared by threads). */
final class Programs {
    /** q → keypoints (3K), body poses (12 per body: R row-major, origin), subspace (6 per dof), contact centres (3 per sphere). */
    final Tape kinematics;
    /** q, v, generalized force (nv) → qdd (nv). */
    final Tape forward;
    /** q, v, qdd → generalized force (nv). */
    final Tape inverse;
    /** q → mass matrix (nv x nv, row-major, full). */
    final Tape mass;
    /** q, v → kinetic, potential energy. */
    final Tape energy;

    final int outKeypoints;
    final int outPoses;
    final int outSubspace;
    final int outContacts;

    Programs(Model m) {
        int nq = m.nq();
        int nv = m.nv();
        {
            Tracer t = new Tracer();
            int[] q = t.inputs(nq);
            SymbolicDynamics d = new SymbolicDynamics(t, m);
            d.kinematics(q);
            outKeypoints = 0;
            for (int j = 0; j < m.keypointCount(); j++) {
                outputs(t, d.point(m.keypointBody(j), m.keypointPoint(j, 0), m.keypointPoint(j, 1),
                        m.keypointPoint(j, 2)));
            }
            outPoses = t.outputCount();
            for (int i = 0; i < m.bodyCount(); i++) {
                outputs(t, d.rotation(i));
                outputs(t, d.origin(i));
            }
            outSubspace = t.outputCount();
            for (int k = 0; k < nv; k++) {
                outputs(t, d.subspaceAngular(k));
                outputs(t, d.subspaceLinear(k));
            }
            outContacts = t.outputCount();
            for (int c = 0; c < m.contactCount(); c++) {
                outputs(t, d.point(m.contactBody(c), m.contactCenter(c, 0), m.contactCenter(c, 1),
                        m.contactCenter(c, 2)));
            }
            kinematics = t.compile().withGeneratedCode();
        }
        {
            Tracer t = new Tracer();
            int[] q = t.inputs(nq);
            int[] v = t.inputs(nv);
            int[] tau = t.inputs(nv);
            SymbolicDynamics d = new SymbolicDynamics(t, m);
            d.kinematics(q);
            d.velocities(v);
            int[] bias = d.rnea(null, null);
            int[] rhs = new int[nv];
            for (int k = 0; k < nv; k++) {
                rhs[k] = t.sub(tau[k], bias[k]);
            }
            outputs(t, d.solve(d.massMatrix(), rhs));
            forward = t.compile().withGeneratedCode();
        }
        {
            Tracer t = new Tracer();
            int[] q = t.inputs(nq);
            int[] v = t.inputs(nv);
            int[] a = t.inputs(nv);
            SymbolicDynamics d = new SymbolicDynamics(t, m);
            d.kinematics(q);
            d.velocities(v);
            int[] tau = d.rnea(a, null);
            for (int k = 0; k < nv; k++) {
                // armature torque, matching the mass matrix used by forward dynamics
                tau[k] = t.add(tau[k], t.mul(t.constant(m.armature(k)), a[k]));
            }
            outputs(t, tau);
            inverse = t.compile();
        }
        {
            Tracer t = new Tracer();
            int[] q = t.inputs(nq);
            SymbolicDynamics d = new SymbolicDynamics(t, m);
            d.kinematics(q);
            int[][] h = d.massMatrix();
            int zero = t.constant(0);
            for (int r = 0; r < nv; r++) {
                for (int c = 0; c < nv; c++) {
                    int e = r >= c ? h[r][c] : h[c][r];
                    t.output(e < 0 ? zero : e);
                }
            }
            mass = t.compile();
        }
        {
            Tracer t = new Tracer();
            int[] q = t.inputs(nq);
            int[] v = t.inputs(nv);
            SymbolicDynamics d = new SymbolicDynamics(t, m);
            d.kinematics(q);
            d.velocities(v);
            t.output(d.kineticEnergy(v));
            t.output(d.potentialEnergy());
            energy = t.compile();
        }
    }

    private static void outputs(Tracer t, int[] slots) {
        for (int s : slots) {
            t.output(s);
        }
    }
}
