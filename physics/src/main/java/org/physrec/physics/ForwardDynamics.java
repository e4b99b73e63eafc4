package org.physrec.physics;

/**
 * Forward dynamics qdd = M(q)⁻¹ (τ − C(q, v)), two ways that agree to rounding:
 * {@link #compute}: composite-rigid-body mass matrix, Newton-Euler bias forces and a sparse
 * L<sup>T</sup>DL solve on the depth-first dof tree, run as a compiled tape (the same
 * operations the simulation step traces for its adjoint); {@link #aba}: Featherstone's
 * articulated-body algorithm in plain Java, without a tape (for forward-only use). See
 * docs/PHYSICS.md for the measured costs. No contact here; see the {@code sim} package for
 * the full step.
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

    /**
     * The same qdd by the articulated-body algorithm (plain Java, no allocation, no tape).
     *
     * @param q      (nq) configuration
     * @param v      (nv) velocity
     * @param tau    (nv) generalized forces, as for {@link #compute}
     * @param qddOut (nv) acceleration
     */
    public static void aba(Model model, Workspace ws, double[] q, double[] v, double[] tau, double[] qddOut) {
        aba(model, ws, q, v, tau, null, qddOut);
    }

    /**
     * Articulated-body algorithm with external forces: qdd = M⁻¹ (τ + Σ J<sub>b</sub>ᵀ f<sub>b</sub> − C),
     * the external forces entering as in the simulation step's Newton-Euler pass.
     *
     * @param fext   (nb x 6) per body the world spatial force about the WORLD ORIGIN
     *               [moment (N·m); force (N)] (a force f at world point p is [p × f; f]), or null
     * @param qddOut (nv) acceleration
     */
    public static void aba(Model model, Workspace ws, double[] q, double[] v, double[] tau, double[] fext,
                           double[] qddOut) {
        ws.check(model);
        Checks.state(model, "q", q, "v", v);
        Checks.length("tau", tau, model.nv());
        Checks.finite("tau", tau);
        if (fext != null) {
            Checks.length("fext", fext, 6 * model.bodyCount());
            Checks.finite("fext", fext);
        }
        Checks.length("qddOut", qddOut, model.nv());
        ws.aba.compute(q, v, tau, fext, qddOut);
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
