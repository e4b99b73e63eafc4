package org.physrec.app.recon;

import org.physrec.physics.State;
import org.physrec.physics.sim.FrameLoss;

/**
 * What the window objective needs from the simulator: a rollout over W frames under per-frame
 * controls (nu joint torques, then 6 root residual generalized forces; held over the frame's
 * substeps) with PD feedback towards a per-frame reference, a {@link FrameLoss} on the state at
 * the end of each frame, and the exact gradient of the summed loss with respect to the
 * controls. {@link PhysicsSimulation} implements it over physics' rollout adjoint.
 */
public interface WindowSimulation {

    /** Controls per frame: nu + 6. */
    int controlDim();

    /**
     * @param start        state at the beginning of the window (not modified)
     * @param controls     (W x controlDim)
     * @param reference    (W x nq) PD reference for each frame
     * @param loss         per-frame loss
     * @param gControlsOut (W x controlDim) gradient (overwritten), or null for the value only
     * @return Σ_t loss, or NaN if the simulation diverged
     */
    double rollout(State start, double[] controls, double[] reference, FrameLoss loss, double[] gControlsOut);

    /**
     * Forward simulation recording the end-of-frame states, the contact forces of each frame's
     * last substep and the joint torques the simulation applied.
     *
     * @param qOut        (W x nq)
     * @param vOut        (W x nv)
     * @param contactOut  (W x C) contact normal force per contact sphere (N), or null
     * @param frictionOut (W x C x 3) contact friction force per contact sphere (N, world), or null
     * @param torqueOut   (W x nu) actuator torques applied during each frame (control + PD feedback,
     *                    saturated), averaged over its substeps (N·m), or null
     * @return false if the simulation diverged
     */
    boolean simulate(State start, double[] controls, double[] reference, double[] qOut, double[] vOut,
                     double[] contactOut, double[] frictionOut, double[] torqueOut);

    /** Number of contact spheres C reported by {@link #simulate}. */
    int contactCount();
}
