package org.physrec.physics;

/** Joint-space mass matrix M(q) (composite rigid bodies, armature on the diagonal) and energies. */
public final class MassMatrix {
    private MassMatrix() {
    }

    /** @param massOut (nv x nv) row-major, symmetric */
    public static void compute(Model model, Workspace ws, double[] q, double[] massOut) {
        ws.check(model);
        Checks.state(model, "q", q, "v", null);
        Checks.length("massOut", massOut, model.nv() * model.nv());
        var tape = model.programs().mass;
        tape.setInputs(ws.mass, 0, q, 0, model.nq());
        tape.forward(ws.mass);
        tape.getOutputs(ws.mass, 0, massOut, 0, massOut.length);
    }

    /** @param energyOut (2): kinetic ½vᵀMv and gravitational potential (J, zero at world z = 0) */
    public static void energy(Model model, Workspace ws, double[] q, double[] v, double[] energyOut) {
        ws.check(model);
        Checks.state(model, "q", q, "v", v);
        Checks.length("energyOut", energyOut, 2);
        var tape = model.programs().energy;
        tape.setInputs(ws.energy, 0, q, 0, model.nq());
        tape.setInputs(ws.energy, model.nq(), v, 0, model.nv());
        tape.forward(ws.energy);
        tape.getOutputs(ws.energy, 0, energyOut, 0, 2);
    }
}
