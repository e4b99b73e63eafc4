package org.physrec.optim.linesearch;

/**
 * The Moré–Thuente line search (MINPACK-2 {@code dcsrch} with {@code dcstep}), step for step as
 * SciPy's {@code scalar_search_wolfe1} runs it: finds α with
 * φ(α) ≤ φ(0) + ftol·α·φ'(0) and |φ'(α)| ≤ gtol·|φ'(0)| (strong Wolfe).
 * Holds the search's saved variables, so one instance serves one search at a time.
 */
public final class MoreThuente {

    private static final double P5 = 0.5;
    private static final double P66 = 0.66;
    private static final double XTRAPL = 1.1;
    private static final double XTRAPU = 4.0;

    private final double ftol;
    private final double gtol;
    private final double xtol;
    private final double stpmin;
    private final double stpmax;
    private final boolean stopOnNonFinite;

    // dcsrch's saved variables (isave/dsave).
    private boolean brackt;
    private int stage;
    private double ginit;
    private double gtest;
    private double gx;
    private double gy;
    private double finit;
    private double fx;
    private double fy;
    private double stx;
    private double sty;
    private double stmin;
    private double stmax;
    private double width;
    private double width1;

    // dcstep's outputs.
    private double oStx;
    private double oFx;
    private double oDx;
    private double oSty;
    private double oFy;
    private double oDy;
    private boolean oBrackt;

    /** φ at the returned step, valid after {@link #search}. */
    private double lastValue;
    private String task = "";

    /**
     * @param ftol   sufficient-decrease constant c1
     * @param gtol   curvature constant c2
     * @param xtol   relative interval width at which the search gives up (SciPy: 1e-14)
     * @param stpmin smallest step (SciPy BFGS: 1e-100)
     * @param stpmax largest step (SciPy BFGS: 1e100)
     * @param stopOnNonFinite end the search (as failed) at the first non-finite φ or φ'; SciPy
     *                        instead feeds them to dcstep, which usually yields a non-finite step
     */
    public MoreThuente(double ftol, double gtol, double xtol, double stpmin, double stpmax, boolean stopOnNonFinite) {
        if (!(0 < ftol && ftol < gtol && gtol < 1)) {
            throw new IllegalArgumentException("ftol, gtol: need 0 < ftol < gtol < 1, got " + ftol + ", " + gtol);
        }
        this.ftol = ftol;
        this.gtol = gtol;
        this.xtol = xtol;
        this.stpmin = stpmin;
        this.stpmax = stpmax;
        this.stopOnNonFinite = stopOnNonFinite;
    }

    /** φ at the step returned by the last successful {@link #search}. */
    public double lastValue() {
        return lastValue;
    }

    /** The last search's final task string (CONVERGENCE, WARNING..., ERROR...). */
    public String task() {
        return task;
    }

    /**
     * Runs the search from the initial step {@code alpha1}.
     *
     * @return the step, or NaN when the search failed (warning, error or no convergence)
     */
    public double search(LineFunction phi, double phi0, double derphi0, double alpha1, int maxIter) {
        double stp = alpha1;
        double f = phi0;
        double g = derphi0;
        task = "START";
        for (int i = 0; i < maxIter; i++) {
            stp = iterate(stp, f, g);
            if (!Double.isFinite(stp)) {
                task = "WARNING: non-finite step";
                return Double.NaN;
            }
            if (task.startsWith("FG")) {
                f = phi.value(stp);
                g = phi.slope(stp);
                if (stopOnNonFinite && !(Double.isFinite(f) && Double.isFinite(g))) {
                    task = "ERROR: non-finite value " + f + " or slope " + g + " at step " + stp;
                    return Double.NaN;
                }
            } else {
                break;
            }
        }
        if (task.startsWith("FG")) {
            task = "WARNING: dcsrch did not converge within max iterations";
            return Double.NaN;
        }
        if (task.startsWith("WARN") || task.startsWith("ERROR")) {
            return Double.NaN;
        }
        lastValue = f;
        return stp;
    }

    private double iterate(double stp, double f, double g) {
        if (task.startsWith("START")) {
            if (stp < stpmin) {
                task = "ERROR: STP .LT. STPMIN";
            }
            if (stp > stpmax) {
                task = "ERROR: STP .GT. STPMAX";
            }
            if (g >= 0) {
                task = "ERROR: INITIAL G .GE. ZERO";
            }
            if (task.startsWith("ERROR")) {
                return stp;
            }
            brackt = false;
            stage = 1;
            finit = f;
            ginit = g;
            gtest = ftol * ginit;
            width = stpmax - stpmin;
            width1 = width / P5;
            stx = 0.0;
            fx = finit;
            gx = ginit;
            sty = 0.0;
            fy = finit;
            gy = ginit;
            stmin = 0;
            stmax = stp + XTRAPU * stp;
            task = "FG";
            return stp;
        }
        double ftest = finit + stp * gtest;
        if (stage == 1 && f <= ftest && g >= 0) {
            stage = 2;
        }
        if (brackt && (stp <= stmin || stp >= stmax)) {
            task = "WARNING: ROUNDING ERRORS PREVENT PROGRESS";
        }
        if (brackt && stmax - stmin <= xtol * stmax) {
            task = "WARNING: XTOL TEST SATISFIED";
        }
        if (stp == stpmax && f <= ftest && g <= gtest) {
            task = "WARNING: STP = STPMAX";
        }
        if (stp == stpmin && (f > ftest || g >= gtest)) {
            task = "WARNING: STP = STPMIN";
        }
        if (f <= ftest && Math.abs(g) <= gtol * -ginit) {
            task = "CONVERGENCE";
        }
        if (task.startsWith("WARN") || task.startsWith("CONV")) {
            return stp;
        }
        if (stage == 1 && f <= fx && f > ftest) {
            // Stage 1 works on the modified function ψ(α) = φ(α) − φ(0) − ftol·α·φ'(0).
            double fm = f - stp * gtest;
            double fxm = fx - stx * gtest;
            double fym = fy - sty * gtest;
            double gm = g - gtest;
            double gxm = gx - gtest;
            double gym = gy - gtest;
            stp = dcstep(stx, fxm, gxm, sty, fym, gym, stp, fm, gm, brackt, stmin, stmax);
            stx = oStx;
            sty = oSty;
            brackt = oBrackt;
            fx = oFx + stx * gtest;
            fy = oFy + sty * gtest;
            gx = oDx + gtest;
            gy = oDy + gtest;
        } else {
            stp = dcstep(stx, fx, gx, sty, fy, gy, stp, f, g, brackt, stmin, stmax);
            stx = oStx;
            fx = oFx;
            gx = oDx;
            sty = oSty;
            fy = oFy;
            gy = oDy;
            brackt = oBrackt;
        }
        if (brackt) {
            if (Math.abs(sty - stx) >= P66 * width1) {
                stp = stx + P5 * (sty - stx);
            }
            width1 = width;
            width = Math.abs(sty - stx);
            stmin = Math.min(stx, sty);
            stmax = Math.max(stx, sty);
        } else {
            stmin = stp + XTRAPL * (stp - stx);
            stmax = stp + XTRAPU * (stp - stx);
        }
        stp = clip(stp, stpmin, stpmax);
        if (brackt && (stp <= stmin || stp >= stmax) || brackt && stmax - stmin <= xtol * stmax) {
            stp = stx;
        }
        task = "FG";
        return stp;
    }

    /** numpy.clip semantics: NaN stays NaN. */
    private static double clip(double v, double lo, double hi) {
        return v < lo ? lo : (v > hi ? hi : v);
    }

    /** Python's max(a, b, c) for the non-NaN case used here. */
    private static double max3(double a, double b, double c) {
        return Math.max(Math.max(a, b), c);
    }

    /** Safeguarded cubic/quadratic step; writes the updated interval to the o* fields and returns the new trial step. */
    private double dcstep(double stx, double fx, double dx, double sty, double fy, double dy,
                          double stp, double fp, double dp, boolean brackt, double stpmin, double stpmax) {
        double sgnd = Math.signum(dp) * Math.signum(dx);
        double stpf;
        if (fp > fx) {
            // Higher value: the minimum is bracketed; take the cubic step or the average with the quadratic one.
            double theta = 3.0 * (fx - fp) / (stp - stx) + dx + dp;
            double s = max3(Math.abs(theta), Math.abs(dx), Math.abs(dp));
            double gamma = s * Math.sqrt((theta / s) * (theta / s) - (dx / s) * (dp / s));
            if (stp < stx) {
                gamma = -gamma;
            }
            double p = (gamma - dx) + theta;
            double q = ((gamma - dx) + gamma) + dp;
            double r = p / q;
            double stpc = stx + r * (stp - stx);
            double stpq = stx + ((dx / ((fx - fp) / (stp - stx) + dx)) / 2.0) * (stp - stx);
            stpf = Math.abs(stpc - stx) <= Math.abs(stpq - stx) ? stpc : stpc + (stpq - stpc) / 2.0;
            brackt = true;
        } else if (sgnd < 0.0) {
            // Derivatives of opposite sign: bracketed; the step farther from stp.
            double theta = 3 * (fx - fp) / (stp - stx) + dx + dp;
            double s = max3(Math.abs(theta), Math.abs(dx), Math.abs(dp));
            double gamma = s * Math.sqrt((theta / s) * (theta / s) - (dx / s) * (dp / s));
            if (stp > stx) {
                gamma = -gamma;
            }
            double p = (gamma - dp) + theta;
            double q = ((gamma - dp) + gamma) + dx;
            double r = p / q;
            double stpc = stp + r * (stx - stp);
            double stpq = stp + (dp / (dp - dx)) * (stx - stp);
            stpf = Math.abs(stpc - stp) > Math.abs(stpq - stp) ? stpc : stpq;
            brackt = true;
        } else if (Math.abs(dp) < Math.abs(dx)) {
            // Same sign, derivative decreasing in magnitude: cubic step only if it points the right way.
            double theta = 3 * (fx - fp) / (stp - stx) + dx + dp;
            double s = max3(Math.abs(theta), Math.abs(dx), Math.abs(dp));
            double gamma = s * Math.sqrt(Math.max(0, (theta / s) * (theta / s) - (dx / s) * (dp / s)));
            if (stp > stx) {
                gamma = -gamma;
            }
            double p = (gamma - dp) + theta;
            double q = (gamma + (dx - dp)) + gamma;
            double r = p / q;
            double stpc;
            if (r < 0 && gamma != 0) {
                stpc = stp + r * (stx - stp);
            } else if (stp > stx) {
                stpc = stpmax;
            } else {
                stpc = stpmin;
            }
            double stpq = stp + (dp / (dp - dx)) * (stx - stp);
            if (brackt) {
                stpf = Math.abs(stpc - stp) < Math.abs(stpq - stp) ? stpc : stpq;
                stpf = stp > stx ? Math.min(stp + 0.66 * (sty - stp), stpf) : Math.max(stp + 0.66 * (sty - stp), stpf);
            } else {
                stpf = Math.abs(stpc - stp) > Math.abs(stpq - stp) ? stpc : stpq;
                stpf = clip(stpf, stpmin, stpmax);
            }
        } else {
            // Same sign, derivative not decreasing: cubic through sty, or go to a bound.
            if (brackt) {
                double theta = 3.0 * (fp - fy) / (sty - stp) + dy + dp;
                double s = max3(Math.abs(theta), Math.abs(dy), Math.abs(dp));
                double gamma = s * Math.sqrt((theta / s) * (theta / s) - (dy / s) * (dp / s));
                if (stp > sty) {
                    gamma = -gamma;
                }
                double p = (gamma - dp) + theta;
                double q = ((gamma - dp) + gamma) + dy;
                double r = p / q;
                stpf = stp + r * (sty - stp);
            } else if (stp > stx) {
                stpf = stpmax;
            } else {
                stpf = stpmin;
            }
        }
        if (fp > fx) {
            sty = stp;
            fy = fp;
            dy = dp;
        } else {
            if (sgnd < 0) {
                sty = stx;
                fy = fx;
                dy = dx;
            }
            stx = stp;
            fx = fp;
            dx = dp;
        }
        oStx = stx;
        oFx = fx;
        oDx = dx;
        oSty = sty;
        oFy = fy;
        oDy = dy;
        oBrackt = brackt;
        return stpf;
    }
}
