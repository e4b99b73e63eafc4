package org.physrec.physics.bullet;

import org.physrec.physics.JointType;
import org.physrec.physics.Model;

/**
 * Maximal coordinates of a model: every body's world pose and velocity, and the conversions
 * to and from the reduced coordinates (q, v). Written independently of the physics tapes so
 * the cross-check does not share their code. Flat arrays, indexed by body.
 */
final class BodyFrames {
    /** (nb x 9) rotation body→world, row-major. */
    final double[] rot;
    /** (nb x 3) body origin (the joint to its parent) in world coordinates (m). */
    final double[] pos;
    /** (nb x 3) angular velocity, world coordinates (rad/s). */
    final double[] omega;
    /** (nb x 3) velocity of the body origin, world coordinates (m/s). */
    final double[] vel;
    private final Model model;
    private final double[] r = new double[9];
    private final double[] t = new double[3];
    private final double[] axis = new double[3];
    private final double[] axisWorld = new double[3];

    BodyFrames(Model model) {
        this.model = model;
        int n = model.bodyCount();
        rot = new double[9 * n];
        pos = new double[3 * n];
        omega = new double[3 * n];
        vel = new double[3 * n];
    }

    /** Poses and velocities from the reduced state. */
    void fromState(double[] q, double[] v) {
        for (int i = 0; i < model.bodyCount(); i++) {
            int qs = model.qStart(i);
            int vs = model.vStart(i);
            int p = model.parent(i);
            JointType j = model.joint(i);
            if (p < 0) {
                if (j == JointType.FREE) {
                    Rotations.quatToMatrix(q[qs + 3], q[qs + 4], q[qs + 5], q[qs + 6], rot, 0);
                    for (int c = 0; c < 3; c++) {
                        pos[c] = q[qs + c];
                        vel[c] = v[vs + c];
                        omega[c] = v[vs + 3 + c];
                    }
                } else {
                    Rotations.identity(rot, 0);
                    for (int c = 0; c < 3; c++) {
                        pos[c] = model.jointOffset(0, c);
                        vel[c] = 0;
                        omega[c] = 0;
                    }
                }
                continue;
            }
            // origin: parent origin + R_parent offset; origin velocity: rigid motion of the parent
            for (int c = 0; c < 3; c++) {
                t[c] = model.jointOffset(i, c);
            }
            Rotations.mulVec(rot, 9 * p, t, 0, pos, 3 * i);
            for (int c = 0; c < 3; c++) {
                pos[3 * i + c] += pos[3 * p + c];
            }
            double dx = pos[3 * i] - pos[3 * p];
            double dy = pos[3 * i + 1] - pos[3 * p + 1];
            double dz = pos[3 * i + 2] - pos[3 * p + 2];
            double wx = omega[3 * p];
            double wy = omega[3 * p + 1];
            double wz = omega[3 * p + 2];
            vel[3 * i] = vel[3 * p] + wy * dz - wz * dy;
            vel[3 * i + 1] = vel[3 * p + 1] + wz * dx - wx * dz;
            vel[3 * i + 2] = vel[3 * p + 2] + wx * dy - wy * dx;
            if (j == JointType.BALL) {
                Rotations.quatToMatrix(q[qs], q[qs + 1], q[qs + 2], q[qs + 3], r, 0);
                Rotations.mul(rot, 9 * p, r, 0, rot, 9 * i);
                // child-frame relative angular velocity
                Rotations.mulVec(rot, 9 * i, v, vs, t, 0);
                for (int c = 0; c < 3; c++) {
                    omega[3 * i + c] = omega[3 * p + c] + t[c];
                }
            } else {
                hingeAxis(i);
                Rotations.axisAngle(axis[0], axis[1], axis[2], q[qs], r, 0);
                Rotations.mul(rot, 9 * p, r, 0, rot, 9 * i);
                Rotations.mulVec(rot, 9 * p, axis, 0, t, 0);
                for (int c = 0; c < 3; c++) {
                    omega[3 * i + c] = omega[3 * p + c] + t[c] * v[vs];
                }
            }
        }
    }

    /**
     * Reduced state from the poses and velocities. Ball quaternions get w ≥ 0; hinge angles
     * are unwrapped to lie within π of {@code hingeReference[qStart]} (the previous reading).
     */
    void toState(double[] qOut, double[] vOut, double[] hingeReference) {
        for (int i = 0; i < model.bodyCount(); i++) {
            int qs = model.qStart(i);
            int vs = model.vStart(i);
            int p = model.parent(i);
            JointType j = model.joint(i);
            if (p < 0) {
                if (j == JointType.FREE) {
                    for (int c = 0; c < 3; c++) {
                        qOut[qs + c] = pos[c];
                        vOut[vs + c] = vel[c];
                        vOut[vs + 3 + c] = omega[c];
                    }
                    Rotations.matrixToQuat(rot, 0, qOut, qs + 3);
                }
                continue;
            }
            // relative rotation R_pᵀ R_c and relative angular velocity
            Rotations.mulTransposeA(rot, 9 * p, rot, 9 * i, r, 0);
            for (int c = 0; c < 3; c++) {
                t[c] = omega[3 * i + c] - omega[3 * p + c];
            }
            if (j == JointType.BALL) {
                Rotations.matrixToQuat(r, 0, qOut, qs);
                Rotations.mulTransposeVec(rot, 9 * i, t, 0, vOut, vs);
            } else {
                hingeAxis(i);
                double ax = axis[0];
                double ay = axis[1];
                double az = axis[2];
                // R = exp(θ[a]x): R − Rᵀ = 2 sinθ [a]x, trace = 1 + 2 cosθ
                double s = 0.5 * (ax * (r[7] - r[5]) + ay * (r[2] - r[6]) + az * (r[3] - r[1]));
                double cth = 0.5 * (r[0] + r[4] + r[8] - 1);
                double angle = Math.atan2(s, cth);
                double ref = hingeReference[qs];
                angle += 2 * Math.PI * Math.rint((ref - angle) / (2 * Math.PI));
                qOut[qs] = angle;
                Rotations.mulVec(rot, 9 * p, axis, 0, axisWorld, 0);
                vOut[vs] = axisWorld[0] * t[0] + axisWorld[1] * t[1] + axisWorld[2] * t[2];
            }
        }
    }

    private void hingeAxis(int body) {
        for (int c = 0; c < 3; c++) {
            axis[c] = model.hingeAxis(body, c);
        }
    }
}
