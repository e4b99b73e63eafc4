package org.physrec.physics.tape;

/** Per-thread values and adjoints of one {@link Tape}; create with {@link Tape#newState()}. */
public final class TapeState {
    /** (slots) values after the last forward replay. */
    final double[] val;
    /** (slots) adjoints after the last reverse replay. */
    final double[] adj;

    TapeState(double[] val, double[] adj) {
        this.val = val;
        this.adj = adj;
    }

    /** Adjoint array; entries [0, nIn) are input adjoints after a reverse sweep. */
    public double[] adjoints() {
        return adj;
    }

    /** Value array; entries [0, nIn) are the inputs. */
    public double[] values() {
        return val;
    }
}
