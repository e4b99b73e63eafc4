package org.physrec.app.recon;

import org.physrec.physics.State;

/**
 * What the window objective needs from the simulator: a rollout over W frames under per-frame
 * generalized forces (held over the frame's substeps), a loss evaluated on the state at the
 * end of each frame, and the exact gradient of the summed loss with respect to the forces.
 */
public interface WindowSimulation {

    /** Loss on the state at the end of frame t (0-based within the window). */
    interface FrameLoss {
        /**
         * @param gqOut (nq) gradient w.r.t. the configuration coordinates, accumulated into (null: value only)
         * @param gvOut (nv) gradient w.r.t. the velocity, accumulated into (null: value only)
         */
        double value(int t, double[] q, double[] v, double[] gqOut, double[] gvOut);
    }

    /**
     * @param start      state at the beginning of the window (not modified)
     * @param forces     (W x nv) generalized forces per frame; the FREE root's 6 entries are a
     *                   residual wrench, the rest joint torques (N·m)
     * @param loss       per-frame loss
     * @param gForcesOut (W x nv) gradient of the summed loss w.r.t. forces (overwritten), or null
     * @return Σ_t loss, or NaN if the simulation became non-finite
     */
    double rollout(State start, double[] forces, FrameLoss loss, double[] gForcesOut);

    /**
     * Forward simulation recording the end-of-frame states and contact forces.
     *
     * @param qOut       (W x nq)
     * @param vOut       (W x nv)
     * @param contactOut (W x C x 3) world contact forces per contact sphere (frame average), or null
     */
    void simulate(State start, double[] forces, double[] qOut, double[] vOut, double[] contactOut);

    /** Number of contact points C reported by {@link #simulate}. */
    int contactCount();
}
