package org.physrec.physics.sim;

import org.physrec.physics.JointType;
import org.physrec.physics.Model;
import org.physrec.physics.SymbolicDynamics;
import org.physrec.physics.tape.Tracer;

/** Records one substep (forces, dynamics, integration) on a tracer. */
final class StepTrace {
    private final Tracer t;
    private final Model m;
    private final SimSettings s;
    private final SymbolicDynamics d;

    StepTrace(Tracer t, Model m, SimSettings s) {
        this.t = t;
        this.m = m;
        this.s = s;
        this.d = new SymbolicDynamics(t, m);
    }

    /** Per actuator: the saturated explicit torque and its implicit PD coefficient h·kd + h²·kp (set by generalizedForces). */
    private int[] actuator;
    private double[] actuatorImplicit;
    /** Per contact sphere: the tangential (friction) force, world x, y, z (set by contact). */
    private int[] friction;

    /**
     * Returns {q⁺ (nq), v⁺ (nv), contact normal forces (C or empty), applied actuator torques (nu),
     * contact friction forces (C x 3 or empty)}. The applied torque is what the actuator exerts in
     * this substep including the linearly implicit PD part: sat(u + kp·e − kd·v − h·kp·v) −
     * (h·kd + h²·kp)·q̈ (= u + kp·(e − h·v⁺) − kd·v⁺ below the limits).
     */
    int[][] step(int[] q, int[] v, int[] u, int[] ref) {
        d.kinematics(q);
        d.velocities(v);
        int nb = m.bodyCount();
        int[][] fext = new int[nb][];
        int[][] implicit = new int[nb][];
        int[] diagonal = new int[m.nv()];
        java.util.Arrays.fill(diagonal, t.constant(0));
        int[] fn = s.contact().enabled() ? contact(fext, implicit) : new int[0];
        int[] tau = generalizedForces(q, v, u, ref, diagonal);
        int[] bias = d.rnea(null, fext);
        int[] rhs = new int[m.nv()];
        for (int k = 0; k < rhs.length; k++) {
            rhs[k] = t.sub(tau[k], bias[k]);
        }
        // linearly implicit: (M + h·D + h²·K) qdd = τ − C, with D, K the damping and stiffness of the stiff forces
        int[] qdd = d.solve(d.massMatrix(implicit, diagonal), rhs);
        int h = t.constant(s.dt());
        int[] vNext = new int[m.nv()];
        for (int k = 0; k < vNext.length; k++) {
            vNext[k] = t.add(v[k], t.mul(h, qdd[k]));
        }
        int[] qNext = d.integrate(q, vNext, s.dt());
        int[] applied = new int[m.nu()];
        for (int j = 0; j < applied.length; j++) {
            int dof = m.actuatedStart() + j;
            applied[j] = actuatorImplicit[j] == 0 ? actuator[j]
                    : t.sub(actuator[j], t.mul(t.constant(actuatorImplicit[j]), qdd[dof]));
        }
        return new int[][] {qNext, vNext, fn, applied, s.contact().enabled() ? friction : new int[0]};
    }

    private int[] contact(int[][] fext, int[][] implicit) {
        double h = s.dt();
        ContactSettings c = s.contact();
        double[] nrm = c.normal();
        int[] n = d.constVec(nrm[0], nrm[1], nrm[2]);
        int k = t.constant(c.stiffness());
        int damp = t.constant(c.damping());
        int gate = t.constant(c.gateDepth());
        int mu = t.constant(c.friction());
        int eps2 = t.constant(c.frictionVelocity() * c.frictionVelocity());
        int[] forces = new int[m.contactCount()];
        friction = new int[3 * m.contactCount()];
        for (int i = 0; i < m.contactCount(); i++) {
            int b = m.contactBody(i);
            double r = m.contactRadius(i);
            int[] centre = d.point(b, m.contactCenter(i, 0), m.contactCenter(i, 1), m.contactCenter(i, 2));
            // penetration depth of the sphere below the plane n·x = height
            int depth = t.sub(t.constant(c.height() + r), d.dot3(n, centre));
            int[] p = d.sub3(centre, d.constVec(r * nrm[0], r * nrm[1], r * nrm[2]));
            int[] vp = d.pointVelocity(b, p);
            int vn = d.dot3(n, vp);
            int pen = t.softplus(depth, c.smoothing());
            int g = t.div(pen, t.add(pen, gate));
            int raw = t.sub(t.mul(k, pen), t.mul(t.mul(damp, vn), g));
            // raw·σ(raw/e): ≈ max(0, raw), exactly 0 for a sphere off the ground (raw ≈ 0)
            int f = t.mul(raw, t.sigmoid(raw, c.forceSmoothing()));
            int[] vt = d.sub3(vp, new int[] {t.mul(vn, n[0]), t.mul(vn, n[1]), t.mul(vn, n[2])});
            int speed = t.sqrt(t.add(d.dot3(vt, vt), eps2));
            int ft = t.neg(t.div(t.mul(mu, f), speed));
            // implicit terms at the contact point: stiffness K_n = S'·k·P' and damping D_n = S'·d·g (normal),
            // D_t = μ f / speed (tangential); backward Euler adds -h·K_n·v_n to the force and
            // Jᵀ(h·D + h²·K)J to the mass matrix
            int slope = t.sigmoid(raw, c.forceSmoothing());
            int stiff = t.mul(slope, t.mul(k, t.sigmoid(depth, c.smoothing())));
            int fn = t.sub(f, t.mul(t.constant(h), t.mul(stiff, vn)));
            int[] tangentialForce = {t.mul(ft, vt[0]), t.mul(ft, vt[1]), t.mul(ft, vt[2])};
            System.arraycopy(tangentialForce, 0, friction, 3 * i, 3);
            int[] force = d.add3(new int[] {t.mul(fn, n[0]), t.mul(fn, n[1]), t.mul(fn, n[2])}, tangentialForce);
            int[] moment = d.cross3(p, force);
            int[] w = {moment[0], moment[1], moment[2], force[0], force[1], force[2]};
            if (fext[b] == null) {
                fext[b] = w;
            } else {
                for (int j = 0; j < 6; j++) {
                    fext[b][j] = t.add(fext[b][j], w[j]);
                }
            }
            forces[i] = f;
            int normal = t.mul(t.constant(h), t.add(t.mul(slope, t.mul(damp, g)), t.mul(t.constant(h), stiff)));
            int tangential = t.mul(t.constant(h), t.div(t.mul(mu, f), speed));
            int extra = t.sub(normal, tangential);
            int[] dm = {
                t.add(tangential, t.mul(extra, t.constant(nrm[0] * nrm[0]))),
                t.add(tangential, t.mul(extra, t.constant(nrm[1] * nrm[1]))),
                t.add(tangential, t.mul(extra, t.constant(nrm[2] * nrm[2]))),
                t.mul(extra, t.constant(nrm[0] * nrm[1])),
                t.mul(extra, t.constant(nrm[0] * nrm[2])),
                t.mul(extra, t.constant(nrm[1] * nrm[2])),
            };
            int[] k6 = d.pointInertia(p, dm);
            if (implicit[b] == null) {
                implicit[b] = k6;
            } else {
                for (int j = 0; j < 21; j++) {
                    implicit[b][j] = t.add(implicit[b][j], k6[j]);
                }
            }
        }
        return forces;
    }

    /** Generalized forces: root residual, actuators (control + PD, saturated), damping, limits. */
    private int[] generalizedForces(int[] q, int[] v, int[] u, int[] ref, int[] diagonal) {
        double h = s.dt();
        int nv = m.nv();
        int a0 = m.actuatedStart();
        int[] tau = new int[nv];
        int zero = t.constant(0);
        java.util.Arrays.fill(tau, zero);
        if (s.rootResidual()) {
            for (int k = 0; k < 6; k++) {
                tau[k] = u[m.nu() + k];
            }
        }
        int[] error = s.pdKp() != null ? pdError(q, ref) : null;
        int[] angle = s.limitStiffness() > 0 ? jointCoordinates(q) : null;
        actuator = new int[m.nu()];
        actuatorImplicit = new double[m.nu()];
        for (int j = 0; j < m.nu(); j++) {
            int dof = a0 + j;
            int act = u[j];
            double implicitDiag = h * s.jointDamping();
            if (error != null) {
                act = t.add(act, t.sub(t.mul(t.constant(s.pdKp()[j]), error[j]),
                        t.mul(t.constant(s.pdKd()[j]), v[dof])));
                implicitDiag += h * s.pdKd()[j] + h * h * s.pdKp()[j];
                // backward Euler on the PD spring: kp·(e − h·v⁺) gives −h·kp·v here and h²·kp above
                act = t.sub(act, t.mul(t.constant(h * s.pdKp()[j]), v[dof]));
            }
            diagonal[dof] = t.constant(implicitDiag);
            double lim = m.torqueLimit(j);
            if (s.torqueLimits() && Double.isFinite(lim)) {
                double e = 0.01 * lim;
                act = t.add(t.sub(act, t.softplus(t.sub(act, t.constant(lim)), e)),
                        t.softplus(t.sub(t.constant(-lim), act), e));
            }
            actuator[j] = act;
            if (error != null) {
                actuatorImplicit[j] = h * s.pdKd()[j] + h * h * s.pdKp()[j];
            }
            int total = act;
            if (s.jointDamping() > 0) {
                total = t.sub(total, t.mul(t.constant(s.jointDamping()), v[dof]));
            }
            if (angle != null && Double.isFinite(m.lowerLimit(j))) {
                int[] limit = limit(angle[j], v[dof], m.lowerLimit(j), m.upperLimit(j));
                total = t.add(total, limit[0]);
                total = t.sub(total, t.mul(t.mul(t.constant(h), limit[2]), v[dof]));
                diagonal[dof] = t.add(diagonal[dof], limit[1]);
            }
            tau[dof] = total;
        }
        return tau;
    }

    /**
     * One-sided smooth springs beyond [lo, hi] plus damping that fades in with the violation,
     * and their implicit part. Returns {torque, h·d·gate + h²·K, K} with
     * K = k·(P'(lo − x) + P'(x − hi)); the caller also adds −h·K·v to the torque.
     */
    private int[] limit(int x, int vel, double lo, double hi) {
        double e = s.limitSmoothing();
        double h = s.dt();
        int k = t.constant(s.limitStiffness());
        int underLo = t.sub(t.constant(lo), x);
        int overHi = t.sub(x, t.constant(hi));
        int below = t.softplus(underLo, e);
        int above = t.softplus(overHi, e);
        int spring = t.mul(k, t.sub(below, above));
        int gate = t.constant(e);
        int active = t.add(t.div(below, t.add(below, gate)), t.div(above, t.add(above, gate)));
        int torque = t.sub(spring, t.mul(t.mul(t.constant(s.limitDamping()), vel), active));
        int slope = t.add(t.sigmoid(underLo, e), t.sigmoid(overHi, e));
        int stiffness = t.mul(k, slope);
        int diagonal = t.add(t.mul(t.constant(h * s.limitDamping()), active), t.mul(t.constant(h * h), stiffness));
        return new int[] {torque, diagonal, stiffness};
    }

    /**
     * Per actuated dof: hinge angle, or the rotation-vector component of a ball joint.
     */
    private int[] jointCoordinates(int[] q) {
        int[] r = new int[m.nu()];
        int a0 = m.actuatedStart();
        for (int i = 0; i < m.bodyCount(); i++) {
            int qs = m.qStart(i);
            int j = m.vStart(i) - a0;
            if (m.joint(i) == JointType.HINGE) {
                r[j] = q[qs];
            } else if (m.joint(i) == JointType.BALL) {
                int[] rv = d.quatLog(new int[] {q[qs], q[qs + 1], q[qs + 2], q[qs + 3]});
                System.arraycopy(rv, 0, r, j, 3);
            }
        }
        return r;
    }

    /** PD error per actuated dof: hinge ref − q; ball 2·w·vec of q⁻¹ ⊗ ref (= sin θ · axis, sign-free). */
    private int[] pdError(int[] q, int[] ref) {
        int[] e = new int[m.nu()];
        int a0 = m.actuatedStart();
        int two = t.constant(2);
        for (int i = 0; i < m.bodyCount(); i++) {
            int qs = m.qStart(i);
            int j = m.vStart(i) - a0;
            if (m.joint(i) == JointType.HINGE) {
                e[j] = t.sub(ref[qs], q[qs]);
            } else if (m.joint(i) == JointType.BALL) {
                int[] qc = d.quatConj(new int[] {q[qs], q[qs + 1], q[qs + 2], q[qs + 3]});
                int[] qe = d.quatMul(qc, new int[] {ref[qs], ref[qs + 1], ref[qs + 2], ref[qs + 3]});
                int w2 = t.mul(two, qe[0]);
                for (int k = 0; k < 3; k++) {
                    e[j + k] = t.mul(w2, qe[1 + k]);
                }
            }
        }
        return e;
    }
}
