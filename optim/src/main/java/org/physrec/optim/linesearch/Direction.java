package org.physrec.optim.linesearch;

import org.physrec.optim.Objective;
import org.physrec.optim.OptimizerState;

/**
 * The {@link LineFunction} along {@code p} from a state's iterate, with buffers allocated once.
 * Every objective evaluation is counted in the state. After a search, {@link #gradientAt}
 * gives the gradient at the accepted step without re-evaluating when it was the last point.
 */
public final class Direction implements LineFunction {

    /** Search direction p, length n; callers fill it before each search. */
    public final double[] p;
    private final double[] xTrial;
    private final double[] gTrial;
    private OptimizerState state;
    private Objective f;
    private double cachedAlpha = Double.NaN;
    private double cachedValue;
    private double cachedSlope;

    public Direction(int n) {
        p = new double[n];
        xTrial = new double[n];
        gTrial = new double[n];
    }

    /** Starts a new search from {@code state.x} along {@link #p}. */
    public void reset(OptimizerState state, Objective f) {
        this.state = state;
        this.f = f;
        this.cachedAlpha = Double.NaN;
    }

    private void evaluate(double alpha) {
        if (Double.doubleToLongBits(alpha) == Double.doubleToLongBits(cachedAlpha)) {
            return;
        }
        double[] x = state.x;
        for (int i = 0; i < x.length; i++) {
            xTrial[i] = x[i] + alpha * p[i];
        }
        cachedValue = state.evaluate(f, xTrial, gTrial);
        double slope = 0;
        for (int i = 0; i < x.length; i++) {
            slope += gTrial[i] * p[i];
        }
        cachedSlope = slope;
        cachedAlpha = alpha;
    }

    @Override
    public double value(double alpha) {
        evaluate(alpha);
        return cachedValue;
    }

    @Override
    public double slope(double alpha) {
        evaluate(alpha);
        return cachedSlope;
    }

    /** Point x + α·p (evaluated if it is not the cached one), its gradient in {@code gradOut}; returns f there. */
    public double pointAt(double alpha, double[] xOut, double[] gradOut) {
        evaluate(alpha);
        System.arraycopy(xTrial, 0, xOut, 0, xOut.length);
        System.arraycopy(gTrial, 0, gradOut, 0, gradOut.length);
        return cachedValue;
    }
}
