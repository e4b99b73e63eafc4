package org.physrec.optim.linesearch;

/**
 * The bracketing-and-zoom strong-Wolfe search of Nocedal and Wright (Algorithms 3.5 and 3.6),
 * behaving as SciPy's {@code scalar_search_wolfe2}: doubling steps up to {@code maxIter}, zoom by
 * cubic, then quadratic interpolation, then bisection. SciPy's BFGS falls back to it when
 * the Moré–Thuente search fails.
 */
public final class WolfeZoom {

    private static final int ZOOM_MAX_ITER = 10;
    private static final double DELTA_CUBIC = 0.2;
    private static final double DELTA_QUADRATIC = 0.1;

    private final double c1;
    private final double c2;
    private final double amax;
    private final int maxIter;

    private double lastValue;
    private boolean slopeKnown;

    /**
     * @param maxIter bracketing iterations (SciPy: 10)
     */
    public WolfeZoom(double c1, double c2, double amax, int maxIter) {
        if (!(0 < c1 && c1 < c2 && c2 < 1)) {
            throw new IllegalArgumentException("c1, c2: need 0 < c1 < c2 < 1, got " + c1 + ", " + c2);
        }
        this.c1 = c1;
        this.c2 = c2;
        this.amax = amax;
        this.maxIter = maxIter;
    }

    /** φ at the step returned by the last {@link #search}. */
    public double lastValue() {
        return lastValue;
    }

    /**
     * False when the last search returned a step without checking its slope (SciPy's
     * "did not converge" case, whose step is still taken); the caller then needs the gradient.
     */
    public boolean slopeKnown() {
        return slopeKnown;
    }

    /**
     * @param oldPhi0 φ at the previous iterate (for the initial step), or NaN if unknown
     * @return the step, or NaN if none was found
     */
    public double search(LineFunction phi, double phi0, double oldPhi0, double derphi0) {
        double alpha0 = 0;
        double alpha1 = Math.min(ScipyWolfe.initialStep(phi0, oldPhi0, derphi0), amax);
        double phiA1 = phi.value(alpha1);
        double phiA0 = phi0;
        double derphiA0 = derphi0;
        for (int i = 0; i < maxIter; i++) {
            if (alpha1 == 0 || alpha0 > amax) {
                return Double.NaN;
            }
            if (phiA1 > phi0 + c1 * alpha1 * derphi0 || (phiA1 >= phiA0 && i > 0)) {
                return zoom(alpha0, alpha1, phiA0, phiA1, derphiA0, phi, phi0, derphi0);
            }
            double derphiA1 = phi.slope(alpha1);
            if (Math.abs(derphiA1) <= -c2 * derphi0) {
                lastValue = phiA1;
                slopeKnown = true;
                return alpha1;
            }
            if (derphiA1 >= 0) {
                return zoom(alpha1, alpha0, phiA1, phiA0, derphiA1, phi, phi0, derphi0);
            }
            double alpha2 = Math.min(2 * alpha1, amax);
            alpha0 = alpha1;
            alpha1 = alpha2;
            phiA0 = phiA1;
            phiA1 = phi.value(alpha1);
            derphiA0 = derphiA1;
        }
        // SciPy returns the last trial step without a Wolfe guarantee.
        lastValue = phiA1;
        slopeKnown = false;
        return alpha1;
    }

    private double zoom(double aLo, double aHi, double phiLo, double phiHi, double derphiLo,
                        LineFunction phi, double phi0, double derphi0) {
        double phiRec = phi0;
        double aRec = 0;
        int i = 0;
        while (true) {
            double dalpha = aHi - aLo;
            double a = dalpha < 0 ? aHi : aLo;
            double b = dalpha < 0 ? aLo : aHi;
            double aj = Double.NaN;
            double cchk = 0;
            if (i > 0) {
                cchk = DELTA_CUBIC * dalpha;
                aj = cubicMin(aLo, phiLo, derphiLo, aHi, phiHi, aRec, phiRec);
            }
            if (i == 0 || Double.isNaN(aj) || aj > b - cchk || aj < a + cchk) {
                double qchk = DELTA_QUADRATIC * dalpha;
                aj = quadMin(aLo, phiLo, derphiLo, aHi, phiHi);
                if (Double.isNaN(aj) || aj > b - qchk || aj < a + qchk) {
                    aj = aLo + 0.5 * dalpha;
                }
            }
            double phiAj = phi.value(aj);
            if (phiAj > phi0 + c1 * aj * derphi0 || phiAj >= phiLo) {
                phiRec = phiHi;
                aRec = aHi;
                aHi = aj;
                phiHi = phiAj;
            } else {
                double derphiAj = phi.slope(aj);
                if (Math.abs(derphiAj) <= -c2 * derphi0) {
                    lastValue = phiAj;
                    slopeKnown = true;
                    return aj;
                }
                if (derphiAj * (aHi - aLo) >= 0) {
                    phiRec = phiHi;
                    aRec = aHi;
                    aHi = aLo;
                    phiHi = phiLo;
                } else {
                    phiRec = phiLo;
                    aRec = aLo;
                }
                aLo = aj;
                phiLo = phiAj;
                derphiLo = derphiAj;
            }
            i++;
            if (i > ZOOM_MAX_ITER) {
                return Double.NaN;
            }
        }
    }

    /**
     * Minimizer of the cubic through (a, fa), (b, fb), (c, fc) with slope fpa at a; NaN where
     * SciPy's version raises (division by zero, overflow, negative radical).
     */
    static double cubicMin(double a, double fa, double fpa, double b, double fb, double c, double fc) {
        double db = b - a;
        double dc = c - a;
        double denom = (db * dc) * (db * dc) * (db - dc);
        if (denom == 0 || !Double.isFinite(denom)) {
            return Double.NaN;
        }
        double r0 = fb - fa - fpa * db;
        double r1 = fc - fa - fpa * dc;
        double aa = (dc * dc * r0 - db * db * r1) / denom;
        double bb = (-dc * dc * dc * r0 + db * db * db * r1) / denom;
        double radical = bb * bb - 3 * aa * fpa;
        if (!(radical >= 0) || aa == 0) {
            return Double.NaN;
        }
        double xmin = a + (-bb + Math.sqrt(radical)) / (3 * aa);
        return Double.isFinite(xmin) ? xmin : Double.NaN;
    }

    /** Minimizer of the quadratic through (a, fa), (b, fb) with slope fpa at a; NaN when undefined. */
    static double quadMin(double a, double fa, double fpa, double b, double fb) {
        double db = b - a;
        if (db == 0) {
            return Double.NaN;
        }
        double bb = (fb - fa - fpa * db) / (db * db);
        if (bb == 0 || !Double.isFinite(bb)) {
            return Double.NaN;
        }
        double xmin = a - fpa / (2.0 * bb);
        return Double.isFinite(xmin) ? xmin : Double.NaN;
    }
}
