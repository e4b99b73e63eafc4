package org.physrec.optim.classical;

import org.physrec.optim.Objective;
import org.physrec.optim.OptimizerState;
import org.physrec.optim.linesearch.Direction;
import org.physrec.optim.linesearch.ScipyWolfe;

/**
 * BFGS as SciPy's {@code minimize(method='BFGS')} runs it: dense inverse Hessian H_0 = I,
 * p = −H·g, SciPy's strong-Wolfe line search (Moré–Thuente, zoom fallback) with SciPy's initial
 * step, update H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ with ρ = 1/(yᵀs) (ρ = 1000 when yᵀs = 0),
 * convergence when max|g| ≤ gtol. A failed line search ends the run ({@code FAILED}, SciPy's
 * "precision loss" warning). The update costs one vectorized sweep over H per iteration (see
 * {@link #updateAndDirection}); memory n² doubles.
 */
public final class Bfgs extends ConfiguredOptimizer<Bfgs.Settings, Bfgs.State> {

    /**
     * @param gtol convergence threshold on max|∇f| (SciPy: 1e-5)
     * @param c1   sufficient-decrease constant (SciPy: 1e-4)
     * @param c2   curvature constant (SciPy: 0.9)
     */
    public record Settings(double gtol, double c1, double c2) {
        /** SciPy's defaults: gtol = 1e-5, c1 = 1e-4, c2 = 0.9. */
        public static final Settings DEFAULTS = new Settings(1e-5, 1e-4, 0.9);

        public Settings {
            Checks.nonNegative("gtol", gtol);
            Checks.wolfeConstants(c1, c2);
        }

        public Settings withGtol(double value) {
            return new Settings(value, c1, c2);
        }
    }

    /** Iterate plus the inverse Hessian and the line-search buffers. */
    public static final class State extends OptimizerState {
        /**
         * Inverse Hessian approximation, (n x n) row-major, exactly symmetric, possibly lagging by
         * one pending rank-2 correction; read it through {@link #inverseHessian()}.
         */
        final double[] h;
        /** The pending correction R = c·s sᵀ − ρ(s uᵀ + u sᵀ): its s, u, ρ and c. */
        final double[] pendingS;
        final double[] pendingU;
        double pendingRho;
        double pendingC;
        boolean pending;
        /** f at the previous iterate, which sets the line search's initial step. */
        double previousValue;
        final Direction direction;
        final ScipyWolfe lineSearch;
        final double[] xNew;
        final double[] gNew;
        final double[] s;
        final double[] y;
        final double[] w;
        /** Line searches that needed the zoom fallback. */
        public int fallbackSearches;

        State(int n, Settings settings) {
            super(n);
            h = new double[n * n];
            pendingS = new double[n];
            pendingU = new double[n];
            direction = new Direction(n);
            lineSearch = new ScipyWolfe(settings.c1, settings.c2);
            xNew = new double[n];
            gNew = new double[n];
            s = new double[n];
            y = new double[n];
            w = new double[n];
        }

        /** The current inverse Hessian approximation, (n x n) row-major (applies a pending correction first). */
        public double[] inverseHessian() {
            if (pending) {
                HessianPass.run(h, dimension(), true, pendingRho, pendingC, pendingS, pendingU, gradient, w);
                pending = false;
            }
            return h;
        }
    }

    public Bfgs(Settings settings) {
        super(settings);
    }

    public Bfgs() {
        this(Settings.DEFAULTS);
    }

    @Override
    public String name() {
        return "bfgs";
    }

    @Override
    public State init(double[] x0, Objective f) {
        State st = new State(x0.length, settings());
        st.start(x0, f);
        if (!st.isRunning()) {
            return st;
        }
        int n = x0.length;
        for (int i = 0; i < n; i++) {
            st.h[i * n + i] = 1.0;
            st.direction.p[i] = -st.gradient[i];
        }
        // SciPy: "sets the initial step guess to dx ~ 1".
        st.previousValue = st.value + norm2(st.gradient) / 2;
        stopIfConverged(st, settings().gtol);
        return st;
    }

    @Override
    public void step(State st, Objective f) {
        if (!st.isRunning()) {
            return;
        }
        int n = st.dimension();
        double[] p = st.direction.p;
        double derphi0 = dot(st.gradient, p);
        st.direction.reset(st, f);
        double alpha = st.lineSearch.search(st.direction, st.value, st.previousValue, derphi0);
        if (st.lineSearch.usedFallback()) {
            st.fallbackSearches++;
        }
        if (Double.isNaN(alpha)) {
            st.stop(OptimizerState.Status.FAILED, "line search failed at iteration " + (st.iteration + 1)
                    + " (SciPy: desired error not necessarily achieved due to precision loss)");
            return;
        }
        double fNew = st.direction.pointAt(alpha, st.xNew, st.gNew);
        double stepNorm = 0;
        for (int i = 0; i < n; i++) {
            st.s[i] = alpha * p[i];
            st.y[i] = st.gNew[i] - st.gradient[i];
            stepNorm += p[i] * p[i];
        }
        stepNorm = alpha * Math.sqrt(stepNorm);
        double fOld = st.value;
        if (!st.accept(st.xNew, fNew, st.gNew)) {
            return;
        }
        st.previousValue = fOld;
        stopIfConverged(st, settings().gtol);
        if (!st.isRunning()) {
            return;
        }
        if (stepNorm <= 0) {
            st.stop(OptimizerState.Status.CONVERGED, "zero step at iteration " + st.iteration);
            return;
        }
        double ys = dot(st.y, st.s);
        double rho = ys == 0.0 ? 1000.0 : 1.0 / ys;
        updateAndDirection(st, n, rho, p);
    }

    /**
     * SciPy's update H_{k+1} = (I − ρ s yᵀ) H_k (I − ρ y sᵀ) + ρ s sᵀ, rewritten for symmetric H as
     * H_k + R_k with R_k = −ρ(s uᵀ + u sᵀ) + c s sᵀ, u = H_k y, c = ρ² yᵀu + ρ, and applied lazily:
     * one pass over H applies the pending R_{k−1} and computes w = H_k g_{k+1}; then
     * u = w + p_k (since H_k g_k = −p_k) and p_{k+1} = −(w + R_k g_{k+1}) follow in O(n), and R_k
     * becomes the pending correction. One read-write sweep of n² doubles per iteration instead of three.
     *
     * @param p on entry p_k, on exit p_{k+1}
     */
    private static void updateAndDirection(State st, int n, double rho, double[] p) {
        double[] g = st.gradient;
        HessianPass.run(st.h, n, st.pending, st.pendingRho, st.pendingC, st.pendingS, st.pendingU, g, st.w);
        double[] u = st.pendingU;
        double[] s = st.s;
        for (int i = 0; i < n; i++) {
            u[i] = st.w[i] + p[i];
        }
        double c = rho * rho * dot(st.y, u) + rho;
        double ug = dot(u, g);
        double sg = dot(s, g);
        for (int i = 0; i < n; i++) {
            p[i] = -(st.w[i] - rho * s[i] * ug - rho * u[i] * sg + c * s[i] * sg);
        }
        System.arraycopy(s, 0, st.pendingS, 0, n);
        st.pendingRho = rho;
        st.pendingC = c;
        st.pending = true;
    }

    static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    static double norm2(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    /** Marks {@code st} CONVERGED when max|∇f| ≤ gtol, the SciPy test both quasi-Newton methods use. */
    static void stopIfConverged(OptimizerState st, double gtol) {
        double gnorm = maxAbs(st.gradient);
        if (gnorm <= gtol) {
            st.stop(OptimizerState.Status.CONVERGED, "max|g| = " + gnorm + " <= gtol " + gtol);
        }
    }

    static double maxAbs(double[] a) {
        double max = 0;
        for (double v : a) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }
}
