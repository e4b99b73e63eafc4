package org.physrec.app.recon;

import java.util.Arrays;
import org.physrec.optim.Objective;
import org.physrec.physics.Model;
import org.physrec.physics.State;
import org.physrec.physics.sim.FrameLoss;

/**
 * The reconstruction loss of one window as an {@link Objective} over its normalized controls
 * x = [u (W x nu) | r (W x 6)]: feed-forward joint torques τ = τmax ⊙ u (the simulator adds
 * PD feedback towards the reference) and a residual root wrench (force m·g·r_lin, moment
 * m·g·(1 m)·r_ang). Value = Σ_t {@link StateLoss} at the simulated end-of-frame states +
 * {@link ControlLoss}; gradient from the simulator's adjoint, through forward kinematics and
 * the camera projections. Not thread-safe.
 */
public final class ReconstructionObjective implements Objective {

    private final WindowSimulation sim;
    private final LossWeights weights;
    private final State start;
    private final double[] reference;
    private final int frames;
    private final double[] previous;
    private final int nu;
    private final int nc;
    private final double[] tauMax;
    private final double wrenchScale;
    private final double[] controls;
    private final double[] gControls;
    private final FrameLoss frameLoss;
    private double lastState;
    private double lastControl;

    /**
     * @param first     index of the window's first scored frame in the observations of {@code stateLoss}
     * @param frames    W
     * @param start     state at the start of the window (copied)
     * @param reference (W x nq) PD reference of each frame (copied)
     * @param previous  (nu) last normalized torque before the window, or null
     */
    public ReconstructionObjective(Model model, WindowSimulation sim, StateLoss stateLoss, LossWeights weights,
                                   State start, double[] reference, int first, int frames, double[] previous) {
        this.sim = sim;
        this.weights = weights;
        this.start = start.copy();
        this.reference = reference.clone();
        this.frames = frames;
        this.previous = previous == null ? null : previous.clone();
        nu = model.nu();
        nc = sim.controlDim();
        if (nc != nu + 6) {
            throw new IllegalArgumentException("sim: expected " + (nu + 6) + " controls per frame (torques + root "
                    + "residual), got " + nc);
        }
        if (reference.length != frames * model.nq()) {
            throw new IllegalArgumentException("reference: expected " + frames * model.nq() + " values, got "
                    + reference.length);
        }
        tauMax = torqueScale(model);
        wrenchScale = model.totalMass() * 9.81;
        controls = new double[frames * nc];
        gControls = new double[frames * nc];
        frameLoss = (t, q, v, kp, u, gK, gq, gv, gU) -> stateLoss.value(first + t, frames, q, kp, gK, gq);
    }

    /** τmax per actuated dof (100 N·m where the model has no limit). */
    public static double[] torqueScale(Model model) {
        double[] s = new double[model.nu()];
        for (int i = 0; i < s.length; i++) {
            double l = model.torqueLimit(i);
            s[i] = Double.isFinite(l) ? l : 100;
        }
        return s;
    }

    @Override
    public int dimension() {
        return frames * (nu + 6);
    }

    /** Maps normalized x to simulator controls (W x (nu + 6)). */
    public void controls(double[] x, double[] controlsOut) {
        for (int t = 0; t < frames; t++) {
            for (int i = 0; i < nu; i++) {
                controlsOut[t * nc + i] = tauMax[i] * x[t * nu + i];
            }
            for (int k = 0; k < 6; k++) {
                controlsOut[t * nc + nu + k] = wrenchScale * x[frames * nu + 6 * t + k];
            }
        }
    }

    /** Inverse of {@link #controls}. */
    public void normalized(double[] controlsIn, double[] xOut) {
        for (int t = 0; t < frames; t++) {
            for (int i = 0; i < nu; i++) {
                xOut[t * nu + i] = controlsIn[t * nc + i] / tauMax[i];
            }
            for (int k = 0; k < 6; k++) {
                xOut[frames * nu + 6 * t + k] = controlsIn[t * nc + nu + k] / wrenchScale;
            }
        }
    }

    @Override
    public double valueAndGradient(double[] x, double[] gradOut) {
        controls(x, controls);
        double state = sim.rollout(start, controls, reference, frameLoss, gControls);
        if (!Double.isFinite(state)) {
            Arrays.fill(gradOut, Double.NaN);
            return Double.NaN;
        }
        for (int t = 0; t < frames; t++) {
            for (int i = 0; i < nu; i++) {
                gradOut[t * nu + i] = tauMax[i] * gControls[t * nc + i];
            }
            for (int k = 0; k < 6; k++) {
                gradOut[frames * nu + 6 * t + k] = wrenchScale * gControls[t * nc + nu + k];
            }
        }
        lastState = state;
        lastControl = ControlLoss.value(x, frames, nu, true, previous, weights, gradOut);
        return state + lastControl;
    }

    @Override
    public double value(double[] x) {
        controls(x, controls);
        double state = sim.rollout(start, controls, reference, frameLoss, null);
        if (!Double.isFinite(state)) {
            return Double.NaN;
        }
        lastState = state;
        lastControl = ControlLoss.value(x, frames, nu, true, previous, weights, null);
        return state + lastControl;
    }

    /** {state (keypoints + limits), control} parts of the last evaluation. */
    public double[] lastTerms() {
        return new double[] {lastState, lastControl};
    }
}
