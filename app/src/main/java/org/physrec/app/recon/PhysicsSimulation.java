package org.physrec.app.recon;

import java.util.function.Function;
import org.physrec.physics.Model;
import org.physrec.physics.State;
import org.physrec.physics.sim.ContactSettings;
import org.physrec.physics.sim.FrameLoss;
import org.physrec.physics.sim.Rollout;
import org.physrec.physics.sim.RolloutAdjoint;
import org.physrec.physics.sim.SimSettings;
import org.physrec.physics.sim.SimulationDivergedException;
import org.physrec.physics.sim.Simulator;

/**
 * {@link WindowSimulation} over physics: the character with smooth ground contact on z = 0,
 * soft joint limits, smooth torque saturation, PD feedback towards the reference (gains per
 * dof scaled by its torque limit), and a root residual wrench; gradients by
 * {@link RolloutAdjoint}. A diverging simulation is reported as NaN (the optimizer then
 * rejects the step). Not thread-safe: one per reconstruction.
 */
public final class PhysicsSimulation implements WindowSimulation {

    private final Simulator sim;
    private final RolloutAdjoint adjoint;
    private final Rollout rollout;
    private final State scratch;
    private final double[] forces;
    private final double[] friction;
    private final double[] torques;

    public PhysicsSimulation(Model model, SimSettings settings, int maxFrames) {
        this.sim = new Simulator(model, settings);
        this.adjoint = new RolloutAdjoint(sim, maxFrames);
        this.rollout = new Rollout(sim, maxFrames);
        this.scratch = new State(model.nq(), model.nv());
        this.forces = new double[model.contactCount()];
        this.friction = new double[3 * model.contactCount()];
        this.torques = new double[model.nu()];
    }

    /** The physics settings a reconstruction uses. */
    public static SimSettings simSettings(Model model, ReconstructionSettings s) {
        double[][] g = gains(model, s);
        return SimSettings.DEFAULTS.withFps(s.fps()).withSubsteps(s.substeps()).withContact(ContactSettings.DEFAULTS)
                .withPd(g[0], g[1]).withRootResidual(true);
    }

    /** {kp, kd} per actuated dof: the settings' gains scaled by each dof's torque limit / 300 N·m. */
    public static double[][] gains(Model model, ReconstructionSettings s) {
        int nu = model.nu();
        double[] kp = new double[nu];
        double[] kd = new double[nu];
        for (int j = 0; j < nu; j++) {
            double l = model.torqueLimit(j);
            double scale = Double.isFinite(l) ? l / 300.0 : 1.0;
            kp[j] = s.kp() * scale;
            kd[j] = s.kd() * scale;
        }
        return new double[][] {kp, kd};
    }

    /** A factory for the reconstructor. */
    public static Function<Model, WindowSimulation> factory(ReconstructionSettings s) {
        return m -> new PhysicsSimulation(m, simSettings(m, s), s.window());
    }

    @Override
    public int controlDim() {
        return sim.controlDim();
    }

    @Override
    public double rollout(State start, double[] controls, double[] reference, FrameLoss loss, double[] gControlsOut) {
        int frames = controls.length / sim.controlDim();
        try {
            if (gControlsOut == null) {
                return rollout.run(start, controls, reference, frames, loss);
            }
            return adjoint.valueAndGradient(start, controls, reference, frames, loss, gControlsOut, null, null);
        } catch (SimulationDivergedException e) {
            return Double.NaN;
        }
    }

    @Override
    public boolean simulate(State start, double[] controls, double[] reference, double[] qOut, double[] vOut,
                            double[] contactOut, double[] frictionOut, double[] torqueOut) {
        int frames = controls.length / sim.controlDim();
        Model m = sim.model();
        try {
            rollout.run(start, controls, reference, frames, null);
        } catch (SimulationDivergedException e) {
            return false;
        }
        int c = m.contactCount();
        for (int t = 0; t < frames; t++) {
            rollout.frameState(t, scratch);
            System.arraycopy(scratch.q, 0, qOut, t * m.nq(), m.nq());
            System.arraycopy(scratch.v, 0, vOut, t * m.nv(), m.nv());
            if (contactOut != null) {
                rollout.contactForces(t, forces);
                System.arraycopy(forces, 0, contactOut, t * c, c);
            }
            if (frictionOut != null) {
                rollout.frictionForces(t, friction);
                System.arraycopy(friction, 0, frictionOut, 3 * t * c, 3 * c);
            }
            if (torqueOut != null) {
                rollout.appliedTorques(t, torques);
                System.arraycopy(torques, 0, torqueOut, t * m.nu(), m.nu());
            }
        }
        return true;
    }

    @Override
    public int contactCount() {
        return sim.model().contactCount();
    }
}
