package org.physrec.physics.sim;

import org.physrec.physics.JointType;
import org.physrec.physics.Model;
import org.physrec.physics.SymbolicDynamics;
import org.physrec.physics.tape.Tape;
import org.physrec.physics.tape.TapeState;
import org.physrec.physics.tape.Tracer;

/**
 * One simulation substep of a model under fixed settings, compiled once into a tape:
 * (q, v, controls, reference) → (q⁺, v⁺, contact normal forces). Semi-implicit Euler:
 * v⁺ = v + h·qdd(q, v, τ), q⁺ = q ⊕ h·v⁺. Immutable and thread-safe; scratch lives in a
 * {@link TapeState} from {@link #newState()}.
 */
public final class Simulator {
    private final Model model;
    private final SimSettings settings;
    private final Tape tape;
    private final int nc;
    private final int inQ;
    private final int inV;
    private final int inU;
    private final int inRef;
    private final int outForces;
    private final int outTorques;
    private final int outFriction;

    private Simulator(Simulator other, Tape tape) {
        this.model = other.model;
        this.settings = other.settings;
        this.tape = tape;
        this.nc = other.nc;
        this.inQ = other.inQ;
        this.inV = other.inV;
        this.inU = other.inU;
        this.inRef = other.inRef;
        this.outForces = other.outForces;
        this.outTorques = other.outTorques;
        this.outFriction = other.outFriction;
    }

    /**
     * The same simulator replayed by generated straight-line Java instead of the tape
     * interpreter: bit-identical results, about 2× faster forward and 1.2× faster reverse per
     * substep, at a one-off in-memory compilation (seconds to tens of seconds on a loaded
     * machine) that later simulators of the same structure (any bone lengths, mass, gains)
     * reuse from a per-process cache. Unchanged if the runtime has no Java compiler.
     */
    public Simulator withGeneratedCode() {
        Tape g = tape.withGeneratedCode();
        return g == tape ? this : new Simulator(this, g);
    }

    /** True when substeps run generated code. */
    public boolean isGenerated() {
        return tape.isGenerated();
    }

    public Simulator(Model model, SimSettings settings) {
        if (settings.pdKp() != null && settings.pdKp().length != model.nu()) {
            throw new IllegalArgumentException("settings.pdKp: expected " + model.nu() + " gains, got "
                    + settings.pdKp().length);
        }
        this.model = model;
        this.settings = settings;
        this.nc = model.nu() + (settings.rootResidual() ? 6 : 0);
        if (settings.rootResidual() && model.joint(0) != JointType.FREE) {
            throw new IllegalArgumentException("settings.rootResidual: model root is not FREE");
        }
        Tracer t = new Tracer();
        int[] q = t.inputs(model.nq());
        int[] v = t.inputs(model.nv());
        int[] u = t.inputs(nc);
        int[] ref = settings.pdKp() != null ? t.inputs(model.nq()) : null;
        inQ = 0;
        inV = model.nq();
        inU = inV + model.nv();
        inRef = inU + nc;
        StepTrace trace = new StepTrace(t, model, settings);
        int[][] out = trace.step(q, v, u, ref);
        for (int[] o : out) {
            for (int s : o) {
                t.output(s);
            }
        }
        outForces = model.nq() + model.nv();
        outTorques = outForces + out[2].length;
        outFriction = outTorques + model.nu();
        tape = t.compile();
    }

    public Model model() {
        return model;
    }

    public SimSettings settings() {
        return settings;
    }

    /** Controls per frame: nu torques, plus 6 root residuals if enabled. */
    public int controlDim() {
        return nc;
    }

    /** True when a per-frame reference configuration is used (PD enabled). */
    public boolean usesReference() {
        return settings.pdKp() != null;
    }

    /** Operations per substep (cost measure). */
    public int operationCount() {
        return tape.operationCount();
    }

    public TapeState newState() {
        return tape.newState();
    }

    Tape tape() {
        return tape;
    }

    int inQ() {
        return inQ;
    }

    int inV() {
        return inV;
    }

    int inU() {
        return inU;
    }

    int inRef() {
        return inRef;
    }

    int outForces() {
        return outForces;
    }

    int outTorques() {
        return outTorques;
    }

    int outFriction() {
        return outFriction;
    }

    /**
     * Runs one substep without argument checks (hot path).
     *
     * @param u    controls, read from u[uPos .. uPos+controlDim)
     * @param ref  reference configuration at ref[refPos ..] (ignored without PD)
     */
    void load(TapeState s, double[] q, int qPos, double[] v, int vPos, double[] u, int uPos, double[] ref,
              int refPos) {
        tape.setInputs(s, inQ, q, qPos, model.nq());
        tape.setInputs(s, inV, v, vPos, model.nv());
        tape.setInputs(s, inU, u, uPos, nc);
        if (usesReference()) {
            tape.setInputs(s, inRef, ref, refPos, model.nq());
        }
    }

    /**
     * One substep with checks: (q, v) ← step(q, v, controls, reference).
     *
     * @param q         (nq) configuration, updated in place
     * @param v         (nv) velocity, updated in place
     * @param controls  (controlDim)
     * @param reference (nq) or null without PD
     */
    public void step(TapeState s, double[] q, double[] v, double[] controls, double[] reference) {
        org.physrec.physics.Checks.state(model, "q", q, "v", v);
        org.physrec.physics.Checks.length("controls", controls, nc);
        org.physrec.physics.Checks.finite("controls", controls);
        if (usesReference()) {
            org.physrec.physics.Checks.state(model, "reference", reference, "v", null);
        }
        load(s, q, 0, v, 0, controls, 0, reference, 0);
        tape.forward(s);
        tape.getOutputs(s, 0, q, 0, model.nq());
        tape.getOutputs(s, model.nq(), v, 0, model.nv());
    }

    /**
     * Actuator torques (N·m, nu) the last substep run on s applied: control plus PD feedback,
     * smoothly saturated, including the PD part taken implicitly (see StepTrace).
     */
    public void appliedTorques(TapeState s, double[] torquesOut) {
        org.physrec.physics.Checks.length("torquesOut", torquesOut, model.nu());
        tape.getOutputs(s, outTorques, torquesOut, 0, model.nu());
    }

    /**
     * Contact friction (tangential) forces (N, world x, y, z per contact sphere, C x 3) of the
     * last substep run on s, evaluated like the normal forces at the substep's start state.
     */
    public void frictionForces(TapeState s, double[] forcesOut) {
        org.physrec.physics.Checks.length("forcesOut", forcesOut, 3 * model.contactCount());
        if (settings.contact().enabled()) {
            tape.getOutputs(s, outFriction, forcesOut, 0, 3 * model.contactCount());
        } else {
            java.util.Arrays.fill(forcesOut, 0);
        }
    }

    /** Contact normal forces (N) of the last substep run on s, one per contact sphere. */
    public void contactForces(TapeState s, double[] forcesOut) {
        org.physrec.physics.Checks.length("forcesOut", forcesOut, model.contactCount());
        if (settings.contact().enabled()) {
            tape.getOutputs(s, outForces, forcesOut, 0, model.contactCount());
        } else {
            java.util.Arrays.fill(forcesOut, 0);
        }
    }
}
