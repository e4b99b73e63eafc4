package org.physrec.physics;

/** Inverse dynamics by recursive Newton-Euler (world-frame spatial algebra), armature included. */
public final class InverseDynamics {
    private InverseDynamics() {
    }

    /**
     * τ = M(q) qdd + C(q, v) (gravity and velocity products).
     *
     * @param qdd    (nv) acceleration
     * @param tauOut (nv) generalized forces
     */
    public static void rnea(Model model, Workspace ws, double[] q, double[] v, double[] qdd, double[] tauOut) {
        ws.check(model);
        Checks.state(model, "q", q, "v", v);
        Checks.length("qdd", qdd, model.nv());
        Checks.finite("qdd", qdd);
        Checks.length("tauOut", tauOut, model.nv());
        var tape = model.programs().inverse;
        int nq = model.nq();
        int nv = model.nv();
        tape.setInputs(ws.inverse, 0, q, 0, nq);
        tape.setInputs(ws.inverse, nq, v, 0, nv);
        tape.setInputs(ws.inverse, nq + nv, qdd, 0, nv);
        tape.forward(ws.inverse);
        tape.getOutputs(ws.inverse, 0, tauOut, 0, nv);
    }
}
