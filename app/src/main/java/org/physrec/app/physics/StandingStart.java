package org.physrec.app.physics;

import org.physrec.physics.Kinematics;
import org.physrec.physics.Model;
import org.physrec.physics.State;

/** The neutral (standing) pose with the lowest contact sphere just touching the ground z = 0. */
final class StandingStart {
    private StandingStart() {
    }

    static State of(Model model) {
        State s = State.neutral(model);
        double[] c = new double[3 * model.contactCount()];
        Kinematics.contactCenters(model, model.newWorkspace(), s.q, c);
        double low = Double.POSITIVE_INFINITY;
        for (int k = 0; k < model.contactCount(); k++) {
            low = Math.min(low, c[3 * k + 2] - model.contactRadius(k));
        }
        s.q[2] -= low;
        return s;
    }
}
