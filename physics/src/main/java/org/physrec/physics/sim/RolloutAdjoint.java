package org.physrec.physics.sim;

import org.physrec.physics.Checks;
import org.physrec.physics.ConfigSpace;
import org.physrec.physics.Model;
import org.physrec.physics.State;
import org.physrec.physics.tape.Tape;
import org.physrec.physics.tape.TapeState;

/**
 * Exact gradient of a rollout loss by reverse mode: a forward rollout stores the state of
 * every substep; the reverse sweep replays each substep's tape from its stored state and
 * propagates the adjoint (λ_q, λ_v) backwards, adding λ_u into the frame's control gradient.
 * Memory is linear in the horizon; one instance per thread; no allocation per substep. When
 * every substep's tape values fit in {@link #VALUE_CACHE_BYTES}, the forward pass keeps them
 * and the reverse sweep skips the replay.
 */
public final class RolloutAdjoint implements RolloutGradient {
    private final Rollout rollout;
    private final Simulator sim;
    private final Model model;
    private final TapeState state;
    private final double[] lq;
    private final double[] lv;

    /** Memory budget for keeping all substep values (bytes). */
    public static final long VALUE_CACHE_BYTES = 64L << 20;

    /** Keeps substep values when they fit in {@link #VALUE_CACHE_BYTES}. */
    public RolloutAdjoint(Simulator sim, int maxFrames) {
        this(sim, maxFrames, 8L * maxFrames * sim.settings().substeps() * sim.tape().slotCount() <= VALUE_CACHE_BYTES);
    }

    /**
     * @param cacheValues true: keep every substep's tape values (8·maxFrames·substeps·slots bytes)
     *                    instead of replaying each substep in the reverse sweep
     */
    public RolloutAdjoint(Simulator sim, int maxFrames, boolean cacheValues) {
        this.rollout = new Rollout(sim, maxFrames);
        if (cacheValues) {
            rollout.enableValueCache();
        }
        this.sim = sim;
        this.model = sim.model();
        this.state = sim.newState();
        this.lq = new double[model.nq()];
        this.lv = new double[model.nv()];
    }

    /** The rollout of the last evaluation (trajectory, keypoints, contact forces). */
    public Rollout rollout() {
        return rollout;
    }

    @Override
    public double valueAndGradient(State x0, double[] controls, double[] reference, int frames, FrameLoss loss,
                                   double[] gControlsOut, double[] gQ0Out, double[] gV0Out) {
        rollout.validate(x0, controls, reference, frames);
        if (loss == null) {
            throw new IllegalArgumentException("loss: must not be null");
        }
        int nc = sim.controlDim();
        Checks.length("gControlsOut", gControlsOut, frames * nc);
        if (gQ0Out != null) {
            Checks.length("gQ0Out", gQ0Out, model.nv());
        }
        if (gV0Out != null) {
            Checks.length("gV0Out", gV0Out, model.nv());
        }
        java.util.Arrays.fill(gControlsOut, 0);
        double value = rollout.simulate(x0.q, x0.v, controls, reference, frames, loss, gControlsOut, true);
        reverse(controls, reference, frames, gControlsOut);
        if (gQ0Out != null) {
            ConfigSpace.tangentGradient(model, x0.q, lq, gQ0Out);
        }
        if (gV0Out != null) {
            System.arraycopy(lv, 0, gV0Out, 0, model.nv());
        }
        return value;
    }

    /** Gradient of the initial configuration in coordinates (nq) from the last evaluation. */
    public void configurationGradient(double[] gqOut) {
        Checks.length("gqOut", gqOut, model.nq());
        System.arraycopy(lq, 0, gqOut, 0, lq.length);
    }

    private void reverse(double[] controls, double[] reference, int frames, double[] gControls) {
        Tape tape = sim.tape();
        int nq = model.nq();
        int nv = model.nv();
        int nc = sim.controlDim();
        int sub = sim.settings().substeps();
        java.util.Arrays.fill(lq, 0);
        java.util.Arrays.fill(lv, 0);
        int inQ = sim.inQ();
        int inV = sim.inV();
        int inU = sim.inU();
        TapeState[] kept = rollout.substepStates();
        for (int t = frames - 1; t >= 0; t--) {
            for (int i = 0; i < nq; i++) {
                lq[i] += rollout.gqFrame[t * nq + i];
            }
            for (int i = 0; i < nv; i++) {
                lv[i] += rollout.gvFrame[t * nv + i];
            }
            for (int s = sub - 1; s >= 0; s--) {
                int row = t * sub + s;
                TapeState st = kept != null ? kept[row] : state;
                if (kept == null) {
                    sim.load(st, rollout.qTraj, row * nq, rollout.vTraj, row * nv, controls, t * nc, reference,
                            t * nq);
                    tape.forward(st);
                }
                tape.seed(st, 0, lq, 0, nq, true);
                tape.seed(st, nq, lv, 0, nv, false);
                tape.reverse(st);
                double[] adj = st.adjoints();
                System.arraycopy(adj, inQ, lq, 0, nq);
                System.arraycopy(adj, inV, lv, 0, nv);
                for (int i = 0; i < nc; i++) {
                    gControls[t * nc + i] += adj[inU + i];
                }
            }
        }
    }
}
