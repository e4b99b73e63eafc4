package org.physrec.optim.linesearch;

/**
 * φ(α) = f(x + α·p) and φ'(α) = ∇f(x + α·p)·p along one search direction. Implementations
 * evaluate value and slope together and cache the last point, so asking for both at the same
 * α costs one objective evaluation (as SciPy's cached {@code ScalarFunction} does).
 */
public interface LineFunction {

    /** φ(α). */
    double value(double alpha);

    /** φ'(α). */
    double slope(double alpha);
}
