package org.physrec.physics;

/**
 * Forward dynamics qdd = M(q)⁻¹ (τ − C(q, v)): composite-rigid-body mass matrix, Newton-Euler
 * bias forces and a sparse L<sup>T</sup>DL solve that exploits the depth-first dof tree
 * (chosen over ABA after measuring, see docs/PHYSICS.md). No contact here; see the
 * {@code sim} package for the full step.
 */
public final class ForwardDynamics {
    private ForwardDynamics() {
    }

    /**
     * @param q       (nq) configuration
     * @param v       (nv) velocity
     * @param tau     (nv) generalized forces (the FREE root's 6 entries are a world force at the
     *                root origin then a world moment about it; usually zero)
     * @param qddOut  (nv) acceleration
     */
    public static void compute(Model model, Workspace ws, double[] q, double[] v, double[] tau, double[] qddOut) {
        ws.check(model);
        Checks.state(model, "q", q, "v", v);
        Checks.length("tau", tau, model.nv());
        Checks.finite("tau", tau);
        Checks.length("qddOut", qddOut, model.nv());
        computeUnchecked(model, ws, q, v, tau, qddOut);
    }

    static void computeUnchecked(Model model, Workspace ws, double[] q, double[] v, double[] tau, double[] qddOut) {
        var tape = model.programs().forward;
        int nq = model.nq();
        int nv = model.nv();
        tape.setInputs(ws.forward, 0, q, 0, nq);
        tape.setInputs(ws.forward, nq, v, 0, nv);
        tape.setInputs(ws.forward, nq + nv, tau, 0, nv);
        tape.forward(ws.forward);
        tape.getOutputs(ws.forward, 0, qddOut, 0, nv);
    }
}
