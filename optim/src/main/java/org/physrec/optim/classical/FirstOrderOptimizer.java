package org.physrec.optim.classical;

import org.physrec.optim.Objective;
import org.physrec.optim.OptimizerState;

/**
 * The shared loop of the fixed-step first-order methods (gradient descent, momentum, Adam): each
 * iteration proposes one trial point from x and ∇f(x), evaluates it once and takes it, unless it
 * is non-finite ({@link OptimizerState#accept} then keeps the last finite iterate).
 *
 * @param <C> the algorithm's settings record
 * @param <S> the algorithm's state
 */
abstract class FirstOrderOptimizer<C extends Record, S extends FirstOrderOptimizer.TrialState>
        extends ConfiguredOptimizer<C, S> {

    /** Iterate plus the trial point and its gradient, each length n. */
    static class TrialState extends OptimizerState {
        final double[] xTrial;
        final double[] gTrial;

        TrialState(int n) {
            super(n);
            xTrial = new double[n];
            gTrial = new double[n];
        }
    }

    FirstOrderOptimizer(C settings) {
        super(settings);
    }

    /** A fresh state of dimension n (not yet started). */
    abstract S newState(int n);

    /** Writes the trial point into {@code s.xTrial} from {@code s.x} and {@code s.gradient}, updating the algorithm's own buffers. */
    abstract void proposeTrial(S s);

    @Override
    public final S init(double[] x0, Objective f) {
        S s = newState(x0.length);
        s.start(x0, f);
        return s;
    }

    @Override
    public final void step(S s, Objective f) {
        if (!s.isRunning()) {
            return;
        }
        proposeTrial(s);
        double value = s.evaluate(f, s.xTrial, s.gTrial);
        s.accept(s.xTrial, value, s.gTrial);
    }
}
