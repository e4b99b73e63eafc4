package org.physrec.physics.bullet;

import org.physrec.physics.ConfigSpace;
import org.physrec.physics.ForwardDynamics;
import org.physrec.physics.Model;
import org.physrec.physics.Workspace;

/**
 * Our reduced-coordinate dynamics without contact, stepped by semi-implicit Euler
 * (v += h·qdd, q = q ⊕ h·v): the comparison side for the in-air cross-checks.
 */
final class OurSemiImplicitEuler {
    private final Model model;
    private final Workspace ws;
    private final double[] qdd;

    OurSemiImplicitEuler(Model model) {
        this.model = model;
        this.ws = model.newWorkspace();
        this.qdd = new double[model.nv()];
    }

    /** One step in place. tau (nv). */
    void step(double[] q, double[] v, double[] tau, double h) {
        ForwardDynamics.compute(model, ws, q, v, tau, qdd);
        for (int k = 0; k < v.length; k++) {
            v[k] += h * qdd[k];
        }
        ConfigSpace.integrate(model, q, v, h, q);
    }
}
