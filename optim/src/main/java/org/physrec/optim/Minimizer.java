package org.physrec.optim;

import java.util.Optional;

/**
 * The run loop: init, then step until the optimizer stops by itself (converged, failed,
 * non-finite) or the stopping rule fires. The rule is checked before every step, so
 * {@code maxIterations(200)} gives exactly 200 iterations unless the optimizer stops first.
 */
public final class Minimizer {

    private Minimizer() {
    }

    /** Minimizes f from x0 without listening. */
    public static <S extends OptimizerState> RunResult run(Optimizer<S> optimizer, Objective f, double[] x0,
                                                           StoppingRule rule) {
        return run(optimizer, f, x0, rule, IterationListener.none());
    }

    /**
     * Minimizes f from x0 (not modified).
     *
     * @param listener sees the state after init and after every iteration (e.g. a {@link Trace})
     * @throws IllegalStateException if the optimizer neither advances nor stops (a broken optimizer)
     */
    public static <S extends OptimizerState> RunResult run(Optimizer<S> optimizer, Objective f, double[] x0,
                                                           StoppingRule rule, IterationListener listener) {
        S s = optimizer.init(x0, f);
        ValueHistory history = new ValueHistory();
        history.add(s.value);
        listener.onIteration(s);
        while (s.isRunning()) {
            Optional<String> stop = rule.check(s, history);
            if (stop.isPresent()) {
                s.stop(OptimizerState.Status.STOPPED, stop.get());
                break;
            }
            int before = s.iteration;
            optimizer.step(s, f);
            if (s.iteration == before + 1) {
                if (!Double.isFinite(s.value)) {
                    // Defensive: an optimizer must never accept a non-finite value.
                    s.stop(OptimizerState.Status.NON_FINITE, "optimizer " + optimizer.name()
                            + " produced f = " + s.value + " at iteration " + s.iteration);
                    break;
                }
                history.add(s.value);
                listener.onIteration(s);
            } else if (s.iteration != before || s.isRunning()) {
                throw new IllegalStateException("optimizer " + optimizer.name() + ": step moved iteration from "
                        + before + " to " + s.iteration + " with status " + s.status);
            }
        }
        return new RunResult(s.x.clone(), s.value, s.iteration, s.evaluations, s.status, s.message);
    }
}
