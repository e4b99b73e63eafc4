package org.physrec.physics.sim;

import org.physrec.physics.Checks;
import org.physrec.physics.ConfigSpace;
import org.physrec.physics.State;

/**
 * Central finite differences of a rollout loss: the test oracle for {@link RolloutAdjoint}
 * and a selectable (slow: 4 rollouts per entry) gradient mode. Uses the fourth-order central
 * stencil (−f(2h) + 8f(h) − 8f(−h) + f(−2h)) / 12h, whose truncation error is small enough at
 * h ≈ 1e-3 N·m for controls that the rounding noise of a long simulation stays below 1e-8 of
 * the derivative. Initial states use their own, smaller step (default 1e-6): a position
 * step must stay inside the 1 mm contact smoothing band. Initial configurations are
 * perturbed on the manifold (q ⊕ δ).
 */
public final class FiniteDifference implements RolloutGradient {
    private final Rollout rollout;
    private final double controlStep;
    private final double stateStep;
    private final State probe;

    /**
     * @param controlStep stencil step for controls (N·m), e.g. 1e-3
     * @param stateStep   stencil step for the initial state (m, rad, m/s, rad/s), e.g. 1e-6
     */
    public FiniteDifference(Simulator sim, int maxFrames, double controlStep, double stateStep) {
        if (!(controlStep > 0)) {
            throw new IllegalArgumentException("controlStep: must be > 0, got " + controlStep);
        }
        if (!(stateStep > 0)) {
            throw new IllegalArgumentException("stateStep: must be > 0, got " + stateStep);
        }
        this.rollout = new Rollout(sim, maxFrames);
        this.controlStep = controlStep;
        this.stateStep = stateStep;
        this.probe = State.neutral(sim.model());
    }

    @Override
    public double valueAndGradient(State x0, double[] controls, double[] reference, int frames, FrameLoss loss,
                                   double[] gControlsOut, double[] gQ0Out, double[] gV0Out) {
        int nv = rollout.simulator().model().nv();
        Checks.length("gControlsOut", gControlsOut, controls.length);
        double value = rollout.run(x0, controls, reference, frames, loss);
        double[] e = new double[controls.length];
        for (int i = 0; i < e.length; i++) {
            e[i] = 1;
            gControlsOut[i] = directionalDerivative(x0, controls, reference, frames, loss, e, null, null);
            e[i] = 0;
        }
        double[] zero = new double[nv];
        for (int k = 0; k < nv && (gQ0Out != null || gV0Out != null); k++) {
            zero[k] = 1;
            if (gQ0Out != null) {
                gQ0Out[k] = directionalDerivative(x0, controls, reference, frames, loss, null, zero, null);
            }
            if (gV0Out != null) {
                gV0Out[k] = directionalDerivative(x0, controls, reference, frames, loss, null, null, zero);
            }
            zero[k] = 0;
        }
        return value;
    }

    /**
     * Central difference of L along a direction (any argument may be null = zero):
     * controls + ε·dU, x0.q ⊕ ε·dQ, x0.v + ε·dV (the control and state parts use their own steps).
     */
    public double directionalDerivative(State x0, double[] controls, double[] reference, int frames,
                                        FrameLoss loss, double[] dU, double[] dQ, double[] dV) {
        double d = 0;
        if (dU != null) {
            d += stencil(x0, controls, reference, frames, loss, dU, null, null, controlStep);
        }
        if (dQ != null || dV != null) {
            d += stencil(x0, controls, reference, frames, loss, null, dQ, dV, stateStep);
        }
        return d;
    }

    private double stencil(State x0, double[] controls, double[] reference, int frames, FrameLoss loss,
                           double[] dU, double[] dQ, double[] dV, double h) {
        double p1 = shifted(x0, controls, reference, frames, loss, dU, dQ, dV, h);
        double m1 = shifted(x0, controls, reference, frames, loss, dU, dQ, dV, -h);
        double p2 = shifted(x0, controls, reference, frames, loss, dU, dQ, dV, 2 * h);
        double m2 = shifted(x0, controls, reference, frames, loss, dU, dQ, dV, -2 * h);
        return (8 * (p1 - m1) - (p2 - m2)) / (12 * h);
    }

    private double shifted(State x0, double[] controls, double[] reference, int frames, FrameLoss loss,
                           double[] dU, double[] dQ, double[] dV, double e) {
        double[] u = controls.clone();
        if (dU != null) {
            for (int i = 0; i < u.length; i++) {
                u[i] += e * dU[i];
            }
        }
        probe.set(x0);
        if (dQ != null) {
            ConfigSpace.integrate(rollout.simulator().model(), x0.q, dQ, e, probe.q);
        }
        if (dV != null) {
            for (int i = 0; i < probe.v.length; i++) {
                probe.v[i] += e * dV[i];
            }
        }
        return rollout.run(probe, u, reference, frames, loss);
    }
}
