package org.physrec.physics;

import org.physrec.physics.tape.Tape;
import org.physrec.physics.tape.TapeState;

/**
 * Forward kinematics: world positions of the model's keypoints (the 17 H36M joints for the
 * character), their Jacobians with respect to the velocity (tangent) coordinates, the
 * vector-Jacobian product with respect to q, and body poses.
 */
public final class Kinematics {
    private Kinematics() {
    }

    /**
     * World keypoint positions.
     *
     * @param q            (nq) configuration
     * @param keypointsOut (K x 3) row-major, metres
     */
    public static void keypoints(Model model, Workspace ws, double[] q, double[] keypointsOut) {
        Checks.length("keypointsOut", keypointsOut, 3 * model.keypointCount());
        run(model, ws, q);
        Programs p = model.programs();
        p.kinematics.getOutputs(ws.kinematics, p.outKeypoints, keypointsOut, 0, keypointsOut.length);
    }

    /**
     * Jacobian of the keypoint positions with respect to the velocity coordinates:
     * d p / d δ for q ⊕ δ (see {@link ConfigSpace#integrate}).
     *
     * @param jacobianOut (3K x nv) row-major
     */
    public static void keypointJacobian(Model model, Workspace ws, double[] q, double[] jacobianOut) {
        int nv = model.nv();
        int kp = model.keypointCount();
        Checks.length("jacobianOut", jacobianOut, 3 * kp * nv);
        run(model, ws, q);
        Programs p = model.programs();
        Tape tape = p.kinematics;
        TapeState s = ws.kinematics;
        java.util.Arrays.fill(jacobianOut, 0);
        for (int j = 0; j < kp; j++) {
            double px = tape.output(s, p.outKeypoints + 3 * j);
            double py = tape.output(s, p.outKeypoints + 3 * j + 1);
            double pz = tape.output(s, p.outKeypoints + 3 * j + 2);
            for (int b = model.keypointBody(j); b != -1; b = model.parent(b)) {
                for (int k = model.vStart(b); k < model.vStart(b) + model.joint(b).nv(); k++) {
                    int o = p.outSubspace + 6 * k;
                    double ax = tape.output(s, o);
                    double ay = tape.output(s, o + 1);
                    double az = tape.output(s, o + 2);
                    // point velocity of a unit dof rate: l + a × p
                    jacobianOut[(3 * j) * nv + k] = tape.output(s, o + 3) + ay * pz - az * py;
                    jacobianOut[(3 * j + 1) * nv + k] = tape.output(s, o + 4) + az * px - ax * pz;
                    jacobianOut[(3 * j + 2) * nv + k] = tape.output(s, o + 5) + ax * py - ay * px;
                }
            }
        }
    }

    /**
     * Vector-Jacobian product in configuration coordinates: gqOut = (d keypoints / d q)ᵀ g.
     * Uses the configuration of the last {@link #keypoints} call on this workspace if
     * {@code q} is null.
     *
     * @param gKeypoints (K x 3) adjoint of the keypoint positions
     * @param gqOut      (nq) receives the product (overwritten)
     */
    public static void keypointVjp(Model model, Workspace ws, double[] q, double[] gKeypoints, double[] gqOut) {
        Checks.length("gKeypoints", gKeypoints, 3 * model.keypointCount());
        Checks.length("gqOut", gqOut, model.nq());
        if (q != null) {
            run(model, ws, q);
        }
        Programs p = model.programs();
        p.kinematics.seed(ws.kinematics, p.outKeypoints, gKeypoints, 0, gKeypoints.length, true);
        p.kinematics.reverse(ws.kinematics);
        System.arraycopy(ws.kinematics.adjoints(), 0, gqOut, 0, model.nq());
    }

    /**
     * Body poses.
     *
     * @param posesOut (nb x 12): rotation body→world row-major (9), origin (3)
     */
    public static void bodyPoses(Model model, Workspace ws, double[] q, double[] posesOut) {
        Checks.length("posesOut", posesOut, 12 * model.bodyCount());
        run(model, ws, q);
        Programs p = model.programs();
        p.kinematics.getOutputs(ws.kinematics, p.outPoses, posesOut, 0, posesOut.length);
    }

    /**
     * World centres of the contact spheres.
     *
     * @param centersOut (nc x 3)
     */
    public static void contactCenters(Model model, Workspace ws, double[] q, double[] centersOut) {
        Checks.length("centersOut", centersOut, 3 * model.contactCount());
        run(model, ws, q);
        Programs p = model.programs();
        p.kinematics.getOutputs(ws.kinematics, p.outContacts, centersOut, 0, centersOut.length);
    }

    /**
     * Body spatial velocities in world coordinates about the world origin (plain Java, no
     * tape): the velocity of a world point p moving with body b is v<sub>O</sub> + ω × p.
     *
     * @param q             (nq) configuration
     * @param v             (nv) velocity
     * @param velocitiesOut (nb x 6): angular velocity ω (3), then v<sub>O</sub> (3), the velocity of
     *                      the body-fixed point at the world origin
     */
    public static void bodyVelocities(Model model, Workspace ws, double[] q, double[] v, double[] velocitiesOut) {
        ws.check(model);
        Checks.state(model, "q", q, "v", v);
        Checks.length("velocitiesOut", velocitiesOut, 6 * model.bodyCount());
        ws.aba.velocities(q, v);
        System.arraycopy(ws.aba.vel, 0, velocitiesOut, 0, velocitiesOut.length);
    }

    private static void run(Model model, Workspace ws, double[] q) {
        ws.check(model);
        Checks.state(model, "q", q, "v", null);
        Programs p = model.programs();
        p.kinematics.setInputs(ws.kinematics, 0, q, 0, model.nq());
        p.kinematics.forward(ws.kinematics);
    }
}
