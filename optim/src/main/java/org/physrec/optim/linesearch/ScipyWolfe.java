package org.physrec.optim.linesearch;

/**
 * SciPy's {@code _line_search_wolfe12}: the Moré–Thuente search first, the zoom search if it
 * fails. Initial step min(1, 2.02·(φ(0) − φ_prev)/φ'(0)), or 1 when that is negative.
 */
public final class ScipyWolfe {

    /** dcsrch iterations per search, as in SciPy. */
    private static final int MT_MAX_ITER = 100;
    /** Bracketing iterations of the fallback, as in SciPy. */
    private static final int ZOOM_MAX_ITER = 10;

    private final MoreThuente moreThuente;
    private final WolfeZoom zoom;
    private double lastValue;
    private boolean slopeKnown;
    private boolean usedFallback;

    /**
     * @param c1 sufficient decrease (SciPy BFGS: 1e-4)
     * @param c2 curvature (SciPy BFGS: 0.9)
     */
    public ScipyWolfe(double c1, double c2) {
        this.moreThuente = new MoreThuente(c1, c2, 1e-14, 1e-100, 1e100, false);
        this.zoom = new WolfeZoom(c1, c2, 1e100, ZOOM_MAX_ITER);
    }

    /**
     * @param phi0    φ(0) = f(x_k)
     * @param oldPhi0 f(x_{k-1}) (SciPy starts with f(x_0) + ‖∇f(x_0)‖/2)
     * @param derphi0 φ'(0), must be negative for the first search to start
     * @return the step, or NaN if both searches failed
     */
    public double search(LineFunction phi, double phi0, double oldPhi0, double derphi0) {
        usedFallback = false;
        double alpha = moreThuente.search(phi, phi0, derphi0, initialStep(phi0, oldPhi0, derphi0), MT_MAX_ITER);
        if (!Double.isNaN(alpha)) {
            lastValue = moreThuente.lastValue();
            slopeKnown = true;
            return alpha;
        }
        usedFallback = true;
        alpha = zoom.search(phi, phi0, oldPhi0, derphi0);
        lastValue = zoom.lastValue();
        slopeKnown = zoom.slopeKnown();
        return alpha;
    }

    /**
     * SciPy's first trial step: min(1, 2.02·(φ(0) − φ_prev)/φ'(0)), or 1 when that is negative, NaN
     * or φ'(0) = 0 — a quadratic model's step if the decrease repeats the last one.
     */
    public static double initialStep(double phi0, double oldPhi0, double derphi0) {
        if (derphi0 == 0 || Double.isNaN(oldPhi0)) {
            return 1.0;
        }
        double q = 1.01 * 2 * (phi0 - oldPhi0) / derphi0;
        double alpha1 = q < 1.0 ? q : 1.0; // Python's min(1.0, q): NaN gives 1.0
        return alpha1 < 0 ? 1.0 : alpha1;
    }

    /** φ at the returned step. */
    public double lastValue() {
        return lastValue;
    }

    /** False if the step came from the zoom search's give-up branch (its slope was never evaluated). */
    public boolean slopeKnown() {
        return slopeKnown;
    }

    /** True if the last search needed the zoom fallback. */
    public boolean usedFallback() {
        return usedFallback;
    }
}
