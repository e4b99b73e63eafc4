package org.physrec.app.recon;

import java.util.List;
import java.util.Map;
import org.physrec.physics.Model;

/**
 * The result of a reconstruction, frames at {@link #fps}; positions in the data frame (mm).
 *
 * @param id              sequence id
 * @param fps             frame rate (Hz)
 * @param frames          T
 * @param model           the fitted character
 * @param groundZmm       floor height used (mm)
 * @param boneLengths     (16) fitted bone lengths (m)
 * @param jointsMm        (T x 17 x 3) simulated H36M-17 joints
 * @param kinematicMm     (T x 17 x 3) the 3D keypoint input (the kinematic estimate), NaN where missing
 * @param referenceMm     (T x 17 x 3) the inverse-kinematics reference (character fitted per frame)
 * @param q               (T x nq) simulated configurations
 * @param v0              (nv) velocity of the simulation's initial state (frame 0)
 * @param torques         (T x nu) joint torques (N·m) applied from frame t to t+1 (last frame repeats)
 * @param residualWrench  (T x 6) residual root force (N) and moment (N·m), zero if disabled
 * @param contactForces   (T x C x 3) world contact forces (N)
 * @param windows         per-window optimization reports
 * @param seconds         wall time per stage
 */
public record Reconstruction(String id, double fps, int frames, Model model, double groundZmm, double[] boneLengths,
                             double[] jointsMm,
                             double[] kinematicMm, double[] referenceMm, double[] q, double[] v0, double[] torques,
                             double[] residualWrench, double[] contactForces, List<WindowReport> windows,
                             Map<String, Double> seconds) {

    /** Windows whose first attempt diverged and had to be retried. */
    public long retriedWindows() {
        return windows.stream().filter(w -> w.attempts() > 1).count();
    }

    /** Mean over frames of the residual root force magnitude (N). */
    public double meanResidualForce() {
        double s = 0;
        for (int t = 0; t < frames; t++) {
            double fx = residualWrench[6 * t];
            double fy = residualWrench[6 * t + 1];
            double fz = residualWrench[6 * t + 2];
            s += Math.sqrt(fx * fx + fy * fy + fz * fz);
        }
        return s / frames;
    }
}
