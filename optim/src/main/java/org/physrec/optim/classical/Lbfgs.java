package org.physrec.optim.classical;

import org.physrec.optim.Objective;
import org.physrec.optim.OptimizerState;
import org.physrec.optim.linesearch.Direction;
import org.physrec.optim.linesearch.MoreThuente;

/**
 * Limited-memory BFGS (Nocedal and Wright, Algorithm 7.4/7.5): the two-loop recursion over the
 * last m pairs (s, y) with initial scaling H_0 = (sᵀy / yᵀy)·I, and the Moré–Thuente
 * strong-Wolfe line search (c1, c2 as BFGS). The first step is min(1, 1/‖g‖₂) as in L-BFGS-B,
 * later steps start at 1. Pairs with sᵀy ≤ ε·yᵀy are skipped (curvature guard, ε = 2.2e-16 as
 * in L-BFGS-B). A non-finite value or slope during a line search ends the run as
 * {@code NON_FINITE} at the last finite iterate. Memory 2·m·n doubles in preallocated rings.
 */
public final class Lbfgs extends ConfiguredOptimizer<Lbfgs.Settings, Lbfgs.State> {

    /** dcsrch iterations per search. */
    private static final int MT_MAX_ITER = 100;
    private static final double CURVATURE_EPS = 2.2e-16;

    /**
     * @param memory m ≥ 1, the number of stored pairs
     * @param gtol   convergence threshold on max|∇f|
     * @param c1     sufficient-decrease constant
     * @param c2     curvature constant
     */
    public record Settings(int memory, double gtol, double c1, double c2) {
        /** m = 10, gtol = 1e-5, c1 = 1e-4, c2 = 0.9. */
        public static final Settings DEFAULTS = new Settings(10, 1e-5, 1e-4, 0.9);

        public Settings {
            Checks.atLeast("memory", memory, 1);
            Checks.nonNegative("gtol", gtol);
            Checks.wolfeConstants(c1, c2);
        }

        public Settings withMemory(int m) {
            return new Settings(m, gtol, c1, c2);
        }
    }

    /** Iterate plus the (s, y) rings and line-search buffers. */
    public static final class State extends OptimizerState {
        /** (m x n) ring of steps s_k, row (k mod m). */
        final double[] sRing;
        /** (m x n) ring of gradient differences y_k. */
        final double[] yRing;
        final double[] rho;
        final double[] alphaTmp;
        /** Number of stored pairs (≤ m) and index of the newest. */
        int stored;
        int newest = -1;
        final Direction direction;
        final MoreThuente lineSearch;
        final double[] xNew;
        final double[] gNew;

        State(int n, Settings c) {
            super(n);
            sRing = new double[c.memory * n];
            yRing = new double[c.memory * n];
            rho = new double[c.memory];
            alphaTmp = new double[c.memory];
            direction = new Direction(n);
            lineSearch = new MoreThuente(c.c1, c.c2, 1e-14, 1e-100, 1e100, true);
            xNew = new double[n];
            gNew = new double[n];
        }
    }

    public Lbfgs(Settings settings) {
        super(settings);
    }

    public Lbfgs() {
        this(Settings.DEFAULTS);
    }

    @Override
    public String name() {
        return "lbfgs";
    }

    @Override
    public State init(double[] x0, Objective f) {
        State st = new State(x0.length, settings());
        st.start(x0, f);
        if (st.isRunning()) {
            Bfgs.stopIfConverged(st, settings().gtol);
        }
        return st;
    }

    @Override
    public void step(State st, Objective f) {
        if (!st.isRunning()) {
            return;
        }
        int n = st.dimension();
        double[] p = st.direction.p;
        twoLoop(st, n, p);
        double derphi0 = Bfgs.dot(st.gradient, p);
        double alpha1 = st.stored == 0 ? Math.min(1.0, 1.0 / Bfgs.norm2(st.gradient)) : 1.0;
        st.direction.reset(st, f);
        double alpha = derphi0 < 0 ? st.lineSearch.search(st.direction, st.value, derphi0, alpha1, MT_MAX_ITER) : Double.NaN;
        if (Double.isNaN(alpha) && st.lineSearch.task().startsWith("ERROR: non-finite")) {
            st.stop(OptimizerState.Status.NON_FINITE, "line search at iteration " + (st.iteration + 1) + ": "
                    + st.lineSearch.task() + "; kept the last finite iterate");
            return;
        }
        if (Double.isNaN(alpha)) {
            st.stop(OptimizerState.Status.FAILED, "line search failed at iteration " + (st.iteration + 1)
                    + (derphi0 < 0 ? " (" + st.lineSearch.task() + ")" : " (not a descent direction)"));
            return;
        }
        double fNew = st.direction.pointAt(alpha, st.xNew, st.gNew);
        int next = (st.newest + 1) % settings().memory;
        int row = next * n;
        double ys = 0;
        double yy = 0;
        for (int i = 0; i < n; i++) {
            double s = alpha * p[i];
            double y = st.gNew[i] - st.gradient[i];
            st.sRing[row + i] = s;
            st.yRing[row + i] = y;
            ys += s * y;
            yy += y * y;
        }
        if (!st.accept(st.xNew, fNew, st.gNew)) {
            return;
        }
        if (ys > CURVATURE_EPS * yy) {
            st.rho[next] = 1.0 / ys;
            st.newest = next;
            st.stored = Math.min(st.stored + 1, settings().memory);
        }
        Bfgs.stopIfConverged(st, settings().gtol);
    }

    /** pOut = −H_k·g by the two-loop recursion (newest pair first in the first loop). */
    private void twoLoop(State st, int n, double[] pOut) {
        int m = settings().memory;
        for (int i = 0; i < n; i++) {
            pOut[i] = -st.gradient[i];
        }
        for (int k = 0; k < st.stored; k++) {
            int idx = Math.floorMod(st.newest - k, m);
            int row = idx * n;
            double a = 0;
            for (int i = 0; i < n; i++) {
                a += st.sRing[row + i] * pOut[i];
            }
            a *= st.rho[idx];
            st.alphaTmp[idx] = a;
            for (int i = 0; i < n; i++) {
                pOut[i] -= a * st.yRing[row + i];
            }
        }
        if (st.stored > 0) {
            int row = st.newest * n;
            double yy = 0;
            for (int i = 0; i < n; i++) {
                yy += st.yRing[row + i] * st.yRing[row + i];
            }
            double gamma = 1.0 / (st.rho[st.newest] * yy);
            for (int i = 0; i < n; i++) {
                pOut[i] *= gamma;
            }
        }
        for (int k = st.stored - 1; k >= 0; k--) {
            int idx = Math.floorMod(st.newest - k, m);
            int row = idx * n;
            double b = 0;
            for (int i = 0; i < n; i++) {
                b += st.yRing[row + i] * pOut[i];
            }
            b *= st.rho[idx];
            double coef = st.alphaTmp[idx] - b;
            for (int i = 0; i < n; i++) {
                pOut[i] += coef * st.sRing[row + i];
            }
        }
    }
}
