package org.physrec.physics.sim;

import org.physrec.physics.State;

/** Value and gradient of a rollout loss; implemented exactly by {@link RolloutAdjoint}, approximately by {@link FiniteDifference}. */
public interface RolloutGradient {
    /**
     * @param x0           initial state
     * @param controls     (frames x controlDim)
     * @param reference    (frames x nq) PD reference or null without PD
     * @param frames       horizon T
     * @param loss         the frame loss
     * @param gControlsOut (frames x controlDim) dL/dcontrols (overwritten)
     * @param gQ0Out       (nv) dL/dδ for x0.q ⊕ δ (tangent), or null
     * @param gV0Out       (nv) dL/dx0.v, or null
     * @return L
     */
    double valueAndGradient(State x0, double[] controls, double[] reference, int frames, FrameLoss loss,
                            double[] gControlsOut, double[] gQ0Out, double[] gV0Out);

    /** How gradients are computed. */
    enum Mode { ADJOINT, FINITE_DIFFERENCE }

    /** A gradient of the chosen mode for horizons up to maxFrames (FD: fourth order, steps 1e-3 for controls and 1e-6 for the state). */
    static RolloutGradient create(Simulator sim, int maxFrames, Mode mode) {
        return mode == Mode.ADJOINT ? new RolloutAdjoint(sim, maxFrames) : new FiniteDifference(sim, maxFrames, 1e-3, 1e-6);
    }
}
