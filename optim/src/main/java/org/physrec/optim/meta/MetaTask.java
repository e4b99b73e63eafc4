package org.physrec.optim.meta;

import org.physrec.optim.Objective;

/**
 * One sampled inner problem: an objective, its starting point, and a known lower bound of f
 * (f* when known, used to measure the gap f − f*; 0 otherwise).
 *
 * @param objective   the function to minimize (used by one thread at a time)
 * @param x0          starting point, length {@code objective.dimension()}
 * @param lowerBound  f* or a lower bound of f
 * @param description what was sampled, for logs
 */
public record MetaTask(Objective objective, double[] x0, double lowerBound, String description) {

    public MetaTask {
        if (x0.length != objective.dimension()) {
            throw new IllegalArgumentException("x0: expected " + objective.dimension() + " values, got " + x0.length);
        }
    }
}
