package org.physrec.optim.meta;

import org.physrec.optim.Objective;

/** A scalable test problem a {@link FunctionTaskFamily} can sample: f for any valid n, its init box and minimum. */
public interface Problem {

    String name();

    /** Whether n is a valid dimension (e.g. Powell needs a multiple of 4). */
    default boolean supports(int n) {
        return n >= 1;
    }

    /** f on R^n. */
    Objective create(int n);

    /** Lower end of the per-coordinate initialization box for dimension n. */
    double initLower(int n);

    /** Upper end of the per-coordinate initialization box for dimension n. */
    double initUpper(int n);

    /** f* for dimension n. */
    double minimum(int n);
}
