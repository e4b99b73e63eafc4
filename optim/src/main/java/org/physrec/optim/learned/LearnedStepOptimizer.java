package org.physrec.optim.learned;

import org.physrec.optim.Objective;
import org.physrec.optim.Optimizer;
import org.physrec.optim.OptimizerState;

/**
 * The step protocol both learned optimizers share: features from the current gradient, a
 * network proposes a step s, the objective is evaluated at x − s, and the iterate is accepted
 * only if value and gradient are finite (otherwise the state stops as NON_FINITE and keeps
 * the last finite iterate). Non-finite features or network outputs stop with the reason too.
 */
abstract class LearnedStepOptimizer<S extends LearnedState> implements Optimizer<S> {

    /** Allocates a state for dimension n. */
    abstract S newState(int n);

    /**
     * Writes the step into {@code s.step} from {@code s.features}.
     *
     * @return null on success, else why the step is unusable (names the non-finite output)
     */
    abstract String computeStep(S s);

    @Override
    public S init(double[] x0, Objective f) {
        if (x0.length != f.dimension()) {
            throw new IllegalArgumentException("x0: expected " + f.dimension() + " values, got " + x0.length);
        }
        S s = newState(x0.length);
        System.arraycopy(x0, 0, s.x, 0, x0.length);
        s.value = f.valueAndGradient(s.x, s.gradient);
        s.evaluations = 1;
        if (!isFinite(s.value, s.gradient)) {
            s.stop(OptimizerState.Status.NON_FINITE, "objective non-finite at x0");
        }
        return s;
    }

    @Override
    public void step(S s, Objective f) {
        if (!s.isRunning()) {
            return;
        }
        AdafactorFeatures.update(s.accumulators, decays(), s.x, s.gradient, s.features, s.featureScratch);
        int bad = AdafactorFeatures.firstNonFinite(s.features, s.dimension());
        if (bad >= 0) {
            s.stop(OptimizerState.Status.NON_FINITE, "non-finite input feature " + (bad % AdafactorFeatures.COUNT)
                    + " of parameter " + (bad / AdafactorFeatures.COUNT) + " at iteration " + s.iteration);
            return;
        }
        String problem = computeStep(s);
        if (problem != null) {
            s.stop(OptimizerState.Status.NON_FINITE, problem + " at iteration " + s.iteration);
            return;
        }
        int n = s.dimension();
        for (int i = 0; i < n; i++) {
            s.xTrial[i] = s.x[i] - s.step[i];
        }
        double v = f.valueAndGradient(s.xTrial, s.gTrial);
        s.evaluations++;
        s.iteration++;
        if (!isFinite(v, s.gTrial)) {
            s.stop(OptimizerState.Status.NON_FINITE, "objective non-finite after iteration " + s.iteration);
            return;
        }
        System.arraycopy(s.xTrial, 0, s.x, 0, n);
        System.arraycopy(s.gTrial, 0, s.gradient, 0, n);
        s.value = v;
    }

    /** The feature decays for this θ. */
    abstract AdafactorFeatures.Decays decays();

    static boolean isFinite(double v, double[] g) {
        if (!Double.isFinite(v)) {
            return false;
        }
        for (double gi : g) {
            if (!Double.isFinite(gi)) {
                return false;
            }
        }
        return true;
    }
}
