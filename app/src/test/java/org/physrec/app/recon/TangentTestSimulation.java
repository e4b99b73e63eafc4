package org.physrec.app.recon;

import java.util.Arrays;
import org.physrec.physics.ConfigSpace;
import org.physrec.physics.Kinematics;
import org.physrec.physics.Model;
import org.physrec.physics.State;
import org.physrec.physics.Workspace;
import org.physrec.physics.sim.FrameLoss;

/**
 * A test double of the simulator for plumbing tests: each frame, v += dt·τ/inertia (torques on
 * the actuated dofs, the residual on the root) and q ← q ⊕ dt·v (no gravity, contact or PD),
 * with the gradient by central differences. Not physics; it only lets the reconstructor's
 * windowing, stitching and retries be tested alone.
 */
final class TangentTestSimulation implements WindowSimulation {

    private final Model model;
    private final Workspace ws;
    private final double dt;
    private final double inertia;

    TangentTestSimulation(Model model, double fps, double inertia) {
        this.model = model;
        this.ws = model.newWorkspace();
        this.dt = 1 / fps;
        this.inertia = inertia;
    }

    @Override
    public int controlDim() {
        return model.nu() + 6;
    }

    @Override
    public double rollout(State start, double[] controls, double[] reference, FrameLoss loss, double[] gOut) {
        double f = run(start, controls, loss, null, null);
        if (gOut != null) {
            double[] x = controls.clone();
            for (int i = 0; i < x.length; i++) {
                double h = 1e-4 * Math.max(1, Math.abs(x[i]));
                double keep = x[i];
                x[i] = keep + h;
                double fp = run(start, x, loss, null, null);
                x[i] = keep - h;
                double fm = run(start, x, loss, null, null);
                x[i] = keep;
                gOut[i] = (fp - fm) / (2 * h);
            }
        }
        return f;
    }

    @Override
    public boolean simulate(State start, double[] controls, double[] reference, double[] qOut, double[] vOut,
                            double[] contactOut, double[] frictionOut, double[] torqueOut) {
        run(start, controls, null, qOut, vOut);
        if (torqueOut != null) {
            int nu = model.nu();
            for (int t = 0; t < torqueOut.length / nu; t++) {
                System.arraycopy(controls, t * (nu + 6), torqueOut, t * nu, nu); // no PD here: the controls act
            }
        }
        return true;
    }

    @Override
    public int contactCount() {
        return 0;
    }

    private double run(State start, double[] controls, FrameLoss loss, double[] qOut, double[] vOut) {
        int nq = model.nq();
        int nv = model.nv();
        int nu = model.nu();
        int nc = nu + 6;
        int frames = controls.length / nc;
        double[] q = start.q.clone();
        double[] v = start.v.clone();
        double[] kp = new double[3 * model.keypointCount()];
        double sum = 0;
        for (int t = 0; t < frames; t++) {
            for (int i = 0; i < nv; i++) {
                double tau = i < 6 ? controls[t * nc + nu + i] : controls[t * nc + i - 6];
                v[i] += dt * tau / inertia;
            }
            ConfigSpace.integrate(model, q, v, dt, q);
            if (loss != null) {
                Kinematics.keypoints(model, ws, q, kp);
                sum += loss.evaluate(t, q, v, kp, controls, new double[kp.length], new double[nq], new double[nv],
                        new double[controls.length]);
            }
            if (qOut != null) {
                System.arraycopy(q, 0, qOut, t * nq, nq);
                System.arraycopy(v, 0, vOut, t * nv, nv);
            }
        }
        return sum;
    }
}
