package org.physrec.physics.sim;

/** A rollout produced a non-finite or runaway state; names frame, substep and field. */
public final class SimulationDivergedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int frame;
    private final int substep;

    public SimulationDivergedException(int frame, int substep, String field, int index, double value) {
        super("simulation diverged at frame " + frame + ", substep " + substep + ": " + field + "[" + index + "] = "
                + value);
        this.frame = frame;
        this.substep = substep;
    }

    public int frame() {
        return frame;
    }

    public int substep() {
        return substep;
    }
}
