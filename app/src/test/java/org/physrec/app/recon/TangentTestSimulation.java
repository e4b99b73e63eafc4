package org.physrec.app.recon;

import java.util.Arrays;
import org.physrec.physics.ConfigSpace;
import org.physrec.physics.Model;
import org.physrec.physics.State;

/**
 * A test double of the simulator for plumbing tests: each frame, v += dt·forces/inertia and
 * q ← q ⊕ dt·v (no gravity, no contact), with the gradient by central differences. Not
 * physics; it only lets the reconstructor's windowing, stitching and retries be tested alone.
 */
final class TangentTestSimulation implements WindowSimulation {

    private final Model model;
    private final double dt;
    private final double inertia;

    TangentTestSimulation(Model model, double fps, double inertia) {
        this.model = model;
        this.dt = 1 / fps;
        this.inertia = inertia;
    }

    @Override
    public double rollout(State start, double[] forces, FrameLoss loss, double[] gForcesOut) {
        double f = run(start, forces, loss, null, null);
        if (gForcesOut != null) {
            double[] x = forces.clone();
            for (int i = 0; i < x.length; i++) {
                double h = 1e-4 * Math.max(1, Math.abs(x[i]));
                double keep = x[i];
                x[i] = keep + h;
                double fp = run(start, x, loss, null, null);
                x[i] = keep - h;
                double fm = run(start, x, loss, null, null);
                x[i] = keep;
                gForcesOut[i] = (fp - fm) / (2 * h);
            }
        }
        return f;
    }

    @Override
    public void simulate(State start, double[] forces, double[] qOut, double[] vOut, double[] contactOut) {
        run(start, forces, null, qOut, vOut);
        if (contactOut != null) {
            Arrays.fill(contactOut, 0);
        }
    }

    @Override
    public int contactCount() {
        return 0;
    }

    private double run(State start, double[] forces, FrameLoss loss, double[] qOut, double[] vOut) {
        int nq = model.nq();
        int nv = model.nv();
        int frames = forces.length / nv;
        double[] q = start.q.clone();
        double[] v = start.v.clone();
        double sum = 0;
        for (int t = 0; t < frames; t++) {
            for (int i = 0; i < nv; i++) {
                v[i] += dt * forces[t * nv + i] / inertia;
            }
            ConfigSpace.integrate(model, q, v, dt, q);
            if (loss != null) {
                sum += loss.value(t, q, v, null, null);
            }
            if (qOut != null) {
                System.arraycopy(q, 0, qOut, t * nq, nq);
                System.arraycopy(v, 0, vOut, t * nv, nv);
            }
        }
        return sum;
    }
}
