package org.physrec.app.recon;

import java.util.Arrays;
import org.physrec.optim.Objective;
import org.physrec.physics.Model;
import org.physrec.physics.State;

/**
 * The reconstruction loss of one window as an {@link Objective} over its normalized controls
 * x = [u (W x nu) | r (W x 6)]: joint torques τ = τmax ⊙ u and, optionally, a residual root
 * wrench (force m·g·r_lin, moment m·g·(1 m)·r_ang). Value = Σ_t {@link StateLoss} at the
 * simulated end-of-frame states + {@link ControlLoss}; gradient from the simulator's adjoint
 * through forward kinematics and the camera projections. Not thread-safe.
 */
public final class ReconstructionObjective implements Objective {

    private final Model model;
    private final WindowSimulation sim;
    private final StateLoss stateLoss;
    private final LossWeights weights;
    private final State start;
    private final int first;
    private final int frames;
    private final boolean residual;
    private final double[] previous;
    private final int nu;
    private final int nv;
    private final int a0;
    private final double[] tauMax;
    private final double wrenchScale;
    private final double[] forces;
    private final double[] gForces;
    private final WindowSimulation.FrameLoss frameLoss;
    private final double[] terms = new double[3];

    /**
     * @param first     index of the window's first frame in the observations of {@code stateLoss}
     * @param frames    W
     * @param start     state at the start of the window (copied)
     * @param residual  whether the controls include a residual root wrench
     * @param previous  (nu) last normalized torque of the previous window, or null
     */
    public ReconstructionObjective(Model model, WindowSimulation sim, StateLoss stateLoss, LossWeights weights,
                                   State start, int first, int frames, boolean residual, double[] previous) {
        this.model = model;
        this.sim = sim;
        this.stateLoss = stateLoss;
        this.weights = weights;
        this.start = start.copy();
        this.first = first;
        this.frames = frames;
        this.residual = residual;
        this.previous = previous == null ? null : previous.clone();
        nu = model.nu();
        nv = model.nv();
        a0 = model.actuatedStart();
        if (residual && a0 != 6) {
            throw new IllegalArgumentException("residual: the model has no FREE root to apply a residual wrench to");
        }
        tauMax = new double[nu];
        for (int i = 0; i < nu; i++) {
            double l = model.torqueLimit(i);
            tauMax[i] = Double.isFinite(l) ? l : 100;
        }
        wrenchScale = model.totalMass() * Math.abs(model.gravity(2) == 0 ? 9.81 : model.gravity(2));
        forces = new double[frames * nv];
        gForces = new double[frames * nv];
        frameLoss = (t, q, v, gq, gv) -> stateLoss.value(first + t, frames, q, gq);
    }

    @Override
    public int dimension() {
        return frames * nu + (residual ? frames * 6 : 0);
    }

    /** Normalized torque scale τmax (nu). */
    public double[] torqueScale() {
        return tauMax.clone();
    }

    /** Maps controls x to per-frame generalized forces (W x nv). */
    public void forces(double[] x, double[] forcesOut) {
        Arrays.fill(forcesOut, 0);
        for (int t = 0; t < frames; t++) {
            for (int i = 0; i < nu; i++) {
                forcesOut[t * nv + a0 + i] = tauMax[i] * x[t * nu + i];
            }
            if (residual) {
                for (int k = 0; k < 6; k++) {
                    forcesOut[t * nv + k] = wrenchScale * x[frames * nu + 6 * t + k];
                }
            }
        }
    }

    /** Controls x for given generalized forces (inverse of {@link #forces}). */
    public void controls(double[] forcesIn, double[] xOut) {
        for (int t = 0; t < frames; t++) {
            for (int i = 0; i < nu; i++) {
                xOut[t * nu + i] = forcesIn[t * nv + a0 + i] / tauMax[i];
            }
            if (residual) {
                for (int k = 0; k < 6; k++) {
                    xOut[frames * nu + 6 * t + k] = forcesIn[t * nv + k] / wrenchScale;
                }
            }
        }
    }

    @Override
    public double valueAndGradient(double[] x, double[] gradOut) {
        forces(x, forces);
        double state = sim.rollout(start, forces, frameLoss, gForces);
        Arrays.fill(gradOut, 0);
        if (!Double.isFinite(state)) {
            Arrays.fill(gradOut, Double.NaN);
            return Double.NaN;
        }
        for (int t = 0; t < frames; t++) {
            for (int i = 0; i < nu; i++) {
                gradOut[t * nu + i] = tauMax[i] * gForces[t * nv + a0 + i];
            }
            if (residual) {
                for (int k = 0; k < 6; k++) {
                    gradOut[frames * nu + 6 * t + k] = wrenchScale * gForces[t * nv + k];
                }
            }
        }
        double control = ControlLoss.value(x, frames, nu, residual, previous, weights, gradOut);
        terms[0] = state;
        terms[1] = control;
        return state + control;
    }

    @Override
    public double value(double[] x) {
        forces(x, forces);
        double state = sim.rollout(start, forces, frameLoss, null);
        if (!Double.isFinite(state)) {
            return Double.NaN;
        }
        return state + ControlLoss.value(x, frames, nu, residual, previous, weights, null);
    }

    /** The state part (keypoints + limits) and control part of the last {@link #valueAndGradient}. */
    public double[] lastTerms() {
        return new double[] {terms[0], terms[1]};
    }
}
