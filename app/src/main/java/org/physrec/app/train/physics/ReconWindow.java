package org.physrec.app.train.physics;

import org.physrec.app.recon.LossWeights;
import org.physrec.app.recon.Observations;
import org.physrec.app.recon.PhysicsSimulation;
import org.physrec.app.recon.ReconstructionObjective;
import org.physrec.app.recon.ReconstructionSettings;
import org.physrec.app.recon.StateLoss;
import org.physrec.physics.Model;
import org.physrec.physics.State;

/**
 * One prepared reconstruction window: everything needed to build its objective, immutable
 * once built (arrays are never modified), so windows can be shared between threads while each
 * thread builds its own objective with {@link #objective()}.
 *
 * @param id           file and first scored frame, for logs and result files
 * @param model        the character fitted to the clip
 * @param observations the window's observations (2D of the first camera and 3D estimate), local frames
 * @param settings     reconstruction settings (window length, gains, substeps, weights)
 * @param start        state at the window start (reference q and v at local frame {@code first − 1})
 * @param reference    (W x nq) PD reference of the scored frames
 * @param first        local index of the first scored frame in {@code observations}
 * @param previous     (nu) normalized torque of the interval before the window
 * @param x0           starting point: the reference's inverse-dynamics torques (clamped, normalized), no residual
 */
public record ReconWindow(String id, Model model, Observations observations, ReconstructionSettings settings,
                          State start, double[] reference, int first, double[] previous, double[] x0) {

    /** W, the number of scored frames. */
    public int frames() {
        return settings.window();
    }

    /** A new objective with its own simulator and loss buffers (one per thread). */
    public ReconstructionObjective objective() {
        LossWeights w = settings.weights();
        PhysicsSimulation sim = new PhysicsSimulation(model, PhysicsSimulation.simSettings(model, settings), frames());
        return new ReconstructionObjective(model, sim, new StateLoss(model, observations, w), w, start, reference, first,
                frames(), previous);
    }
}
