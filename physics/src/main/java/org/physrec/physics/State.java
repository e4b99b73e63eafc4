package org.physrec.physics;

import java.util.Arrays;

/** A mutable simulation state: configuration q (length nq) and velocity v (length nv). */
public final class State {
    /** (nq) configuration, see {@link JointType} for the layout per joint. */
    public final double[] q;
    /** (nv) velocity. */
    public final double[] v;

    public State(int nq, int nv) {
        q = new double[nq];
        v = new double[nv];
    }

    /** A state at the model's neutral configuration with zero velocity. */
    public static State neutral(Model model) {
        State s = new State(model.nq(), model.nv());
        model.neutralConfiguration(s.q);
        return s;
    }

    public State copy() {
        State s = new State(q.length, v.length);
        s.set(this);
        return s;
    }

    public void set(State other) {
        System.arraycopy(other.q, 0, q, 0, q.length);
        System.arraycopy(other.v, 0, v, 0, v.length);
    }

    @Override
    public String toString() {
        return "State{q=" + Arrays.toString(q) + ", v=" + Arrays.toString(v) + "}";
    }
}
