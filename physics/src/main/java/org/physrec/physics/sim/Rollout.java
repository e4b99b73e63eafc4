package org.physrec.physics.sim;

import org.physrec.physics.Checks;
import org.physrec.physics.Kinematics;
import org.physrec.physics.Model;
import org.physrec.physics.State;
import org.physrec.physics.Workspace;
import org.physrec.physics.tape.Tape;
import org.physrec.physics.tape.TapeState;

/**
 * Simulates T frames × substeps from an initial state under per-frame controls, storing the
 * state at every substep (memory linear in the horizon, allocated once for up to
 * {@code maxFrames}) and evaluating an optional {@link FrameLoss} at every frame end.
 * One instance per thread; it allocates nothing per call.
 */
public final class Rollout {
    private final Simulator sim;
    private final Model model;
    private final int maxFrames;
    private final int substeps;
    private final int nq;
    private final int nv;
    private final int nc;
    private final int nk;
    private final TapeState step;
    private final Workspace ws;
    /** ((maxFrames·substeps + 1) x nq) configurations; row t·S + s is before substep s of frame t. */
    final double[] qTraj;
    /** ((maxFrames·substeps + 1) x nv) velocities. */
    final double[] vTraj;
    /** (maxFrames x 3K) keypoints at frame ends. */
    private final double[] keypoints;
    /** (maxFrames x contacts) contact normal forces of each frame's last substep. */
    private final double[] forces;
    /** (maxFrames x contacts x 3) contact friction forces of each frame's last substep. */
    private final double[] friction;
    /** (maxFrames x nu) actuator torques applied, averaged over each frame's substeps. */
    private final double[] torques;
    /** (nu) one substep's applied torques. */
    private final double[] tauStep;
    /** (maxFrames x nq), (maxFrames x nv) loss partials at frame ends (configuration coordinates). */
    final double[] gqFrame;
    final double[] gvFrame;
    private final double[] gK;
    private final double[] gq;
    private final double[] gqKin;
    private final double[] gv;
    private final double[] gControlsScratch;
    private final double[] qEnd;
    private final double[] vEnd;
    /** (3K) keypoints of the current frame, handed to the loss. */
    private final double[] kp;
    private int frames;
    /** (maxFrames·substeps) tape states, one per substep, kept for the adjoint when they fit its budget; else null. */
    private TapeState[] substepStates;

    public Rollout(Simulator sim, int maxFrames) {
        if (maxFrames < 1) {
            throw new IllegalArgumentException("maxFrames: must be >= 1, got " + maxFrames);
        }
        this.sim = sim;
        this.model = sim.model();
        this.maxFrames = maxFrames;
        this.substeps = sim.settings().substeps();
        this.nq = model.nq();
        this.nv = model.nv();
        this.nc = sim.controlDim();
        this.nk = 3 * model.keypointCount();
        step = sim.newState();
        ws = model.newWorkspace();
        int rows = maxFrames * substeps + 1;
        qTraj = new double[rows * nq];
        vTraj = new double[rows * nv];
        keypoints = new double[maxFrames * nk];
        forces = new double[maxFrames * model.contactCount()];
        friction = new double[maxFrames * 3 * model.contactCount()];
        torques = new double[maxFrames * model.nu()];
        tauStep = new double[model.nu()];
        gqFrame = new double[maxFrames * nq];
        gvFrame = new double[maxFrames * nv];
        gK = new double[nk];
        gq = new double[nq];
        gqKin = new double[nq];
        gv = new double[nv];
        gControlsScratch = new double[maxFrames * nc];
        qEnd = new double[nq];
        vEnd = new double[nv];
        kp = new double[nk];
    }

    public Simulator simulator() {
        return sim;
    }

    public int maxFrames() {
        return maxFrames;
    }

    /** Frames of the last run. */
    public int frames() {
        return frames;
    }

    /**
     * Simulates and returns Σ_t ℓ_t (0 without a loss).
     *
     * @param x0        initial state (unit quaternions)
     * @param controls  (frames x controlDim) row-major
     * @param reference (frames x nq) PD reference per frame, or null without PD
     * @param frames    T, 1..maxFrames
     * @param loss      frame loss or null
     * @throws SimulationDivergedException naming frame and substep
     */
    public double run(State x0, double[] controls, double[] reference, int frames, FrameLoss loss) {
        validate(x0, controls, reference, frames);
        return simulate(x0.q, x0.v, controls, reference, frames, loss, gControlsScratch, false);
    }

    void validate(State x0, double[] controls, double[] reference, int frames) {
        if (frames < 1 || frames > maxFrames) {
            throw new IllegalArgumentException("frames: must be in [1, " + maxFrames + "], got " + frames);
        }
        if (x0 == null) {
            throw new IllegalArgumentException("x0: must not be null");
        }
        Checks.state(model, "x0.q", x0.q, "x0.v", x0.v);
        if (controls == null || controls.length != frames * nc) {
            throw new IllegalArgumentException("controls: expected " + frames + " x " + nc + " = " + frames * nc
                    + " values, got " + (controls == null ? "null" : controls.length));
        }
        for (int i = 0; i < controls.length; i++) {
            if (!Double.isFinite(controls[i])) {
                throw new IllegalArgumentException("controls[" + i + "] (frame " + i / nc + ", control " + i % nc
                        + "): not finite (" + controls[i] + ")");
            }
        }
        if (sim.usesReference()) {
            if (reference == null || reference.length != frames * nq) {
                throw new IllegalArgumentException("reference: expected " + frames + " x " + nq + " values, got "
                        + (reference == null ? "null" : reference.length));
            }
            for (int t = 0; t < frames; t++) {
                System.arraycopy(reference, t * nq, qEnd, 0, nq);
                if (!Checks.isValidConfiguration(model, qEnd)) {
                    Checks.state(model, "reference frame " + t, qEnd, "v", null); // throws with the details
                }
            }
        }
    }

    /** Unchecked simulation; with {@code partials}, stores loss partials per frame and adds into gControls. */
    double simulate(double[] q0, double[] v0, double[] controls, double[] reference, int frames, FrameLoss loss,
                    double[] gControls, boolean partials) {
        this.frames = frames;
        Tape tape = sim.tape();
        System.arraycopy(q0, 0, qTraj, 0, nq);
        System.arraycopy(v0, 0, vTraj, 0, nv);
        double total = 0;
        double maxSpeed = sim.settings().maxSpeed();
        int nContacts = model.contactCount();
        int nu = model.nu();
        double perSubstep = 1.0 / substeps;
        for (int t = 0; t < frames; t++) {
            java.util.Arrays.fill(torques, t * nu, (t + 1) * nu, 0);
            for (int s = 0; s < substeps; s++) {
                int row = t * substeps + s;
                // with partials, each substep runs in its own state, which the reverse sweep reuses as is
                TapeState st = partials && substepStates != null ? substepStates[row] : step;
                sim.load(st, qTraj, row * nq, vTraj, row * nv, controls, t * nc, reference, t * nq);
                tape.forward(st);
                tape.getOutputs(st, 0, qTraj, (row + 1) * nq, nq);
                tape.getOutputs(st, nq, vTraj, (row + 1) * nv, nv);
                check(t, s, (row + 1) * nq, (row + 1) * nv, maxSpeed);
                tape.getOutputs(st, sim.outTorques(), tauStep, 0, nu);
                for (int j = 0; j < nu; j++) {
                    torques[t * nu + j] += perSubstep * tauStep[j];
                }
            }
            if (nContacts > 0 && sim.settings().contact().enabled()) {
                TapeState last = partials && substepStates != null ? substepStates[(t + 1) * substeps - 1] : step;
                tape.getOutputs(last, sim.outForces(), forces, t * nContacts, nContacts);
                tape.getOutputs(last, sim.outFriction(), friction, 3 * t * nContacts, 3 * nContacts);
            }
            int end = (t + 1) * substeps;
            System.arraycopy(qTraj, end * nq, qEnd, 0, nq);
            System.arraycopy(vTraj, end * nv, vEnd, 0, nv);
            if (nk > 0) {
                Kinematics.keypoints(model, ws, qEnd, kp);
                System.arraycopy(kp, 0, keypoints, t * nk, nk);
            }
            if (loss != null) {
                java.util.Arrays.fill(gK, 0);
                java.util.Arrays.fill(gq, 0);
                java.util.Arrays.fill(gv, 0);
                double l = loss.evaluate(t, qEnd, vEnd, kp, controls, gK, gq, gv, gControls);
                if (!Double.isFinite(l)) {
                    throw new IllegalStateException("loss: frame " + t + " returned " + l);
                }
                total += l;
                if (partials) {
                    if (nk > 0) {
                        Kinematics.keypointVjp(model, ws, null, gK, gqKin);
                        for (int i = 0; i < nq; i++) {
                            gq[i] += gqKin[i];
                        }
                    }
                    System.arraycopy(gq, 0, gqFrame, t * nq, nq);
                    System.arraycopy(gv, 0, gvFrame, t * nv, nv);
                }
            } else if (partials) {
                java.util.Arrays.fill(gqFrame, t * nq, (t + 1) * nq, 0);
                java.util.Arrays.fill(gvFrame, t * nv, (t + 1) * nv, 0);
            }
        }
        return total;
    }

    private void check(int frame, int substep, int qo, int vo, double maxSpeed) {
        for (int i = 0; i < nq; i++) {
            if (!Double.isFinite(qTraj[qo + i])) {
                throw new SimulationDivergedException(frame, substep, "q", i, qTraj[qo + i]);
            }
        }
        for (int i = 0; i < nv; i++) {
            double x = vTraj[vo + i];
            if (!(Math.abs(x) <= maxSpeed)) {
                throw new SimulationDivergedException(frame, substep, "v", i, x);
            }
        }
    }

    /** Keeps every substep's tape values during gradient runs (memory maxFrames·substeps·slots doubles). */
    void enableValueCache() {
        substepStates = sim.tape().newStates(maxFrames * substeps);
    }

    /** The state of every substep of the last gradient run (values of the forward pass), or null. */
    TapeState[] substepStates() {
        return substepStates;
    }

    /** State at the end of frame t of the last run. */
    public void frameState(int t, State out) {
        checkFrame(t);
        int end = (t + 1) * substeps;
        System.arraycopy(qTraj, end * nq, out.q, 0, nq);
        System.arraycopy(vTraj, end * nv, out.v, 0, nv);
    }

    /** Keypoints (K x 3, m) at the end of frame t of the last run. */
    public void keypoints(int t, double[] out) {
        checkFrame(t);
        Checks.length("out", out, nk);
        System.arraycopy(keypoints, t * nk, out, 0, nk);
    }

    /** Contact normal forces (N) of the last substep of frame t, one per contact sphere. */
    public void contactForces(int t, double[] out) {
        checkFrame(t);
        Checks.length("out", out, model.contactCount());
        System.arraycopy(forces, t * model.contactCount(), out, 0, model.contactCount());
    }

    /** Contact friction (tangential) forces (N, world x, y, z per contact sphere) of the last substep of frame t. */
    public void frictionForces(int t, double[] out) {
        checkFrame(t);
        Checks.length("out", out, 3 * model.contactCount());
        System.arraycopy(friction, 3 * t * model.contactCount(), out, 0, 3 * model.contactCount());
    }

    /**
     * Actuator torques (N·m, nu) the simulation applied during frame t, averaged over its
     * substeps: control plus PD feedback, smoothly saturated, including the implicit PD part.
     * Held constant over the frame (with the same passive forces), they reproduce the frame up to
     * the variation of the PD torque within it.
     */
    public void appliedTorques(int t, double[] out) {
        checkFrame(t);
        Checks.length("out", out, model.nu());
        System.arraycopy(torques, t * model.nu(), out, 0, model.nu());
    }

    private void checkFrame(int t) {
        if (t < 0 || t >= frames) {
            throw new IllegalArgumentException("t: must be in [0, " + frames + "), got " + t);
        }
    }
}
