package org.physrec.app.bench.recon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Median curves and convergence summaries on hand-made curves. */
class MedianCurvesTest {

    private static RunCurve curve(String window, String opt, double[] values, long[] evals) {
        double[] secs = new double[values.length];
        for (int k = 0; k < secs.length; k++) {
            secs[k] = 0.5 * evals[k];
        }
        return new RunCurve(window, opt, values, evals, secs, "STOPPED", "");
    }

    private final List<RunCurve> runs = List.of(
            curve("w1", "a", new double[] {10, 5, 1}, new long[] {1, 2, 3}),
            curve("w2", "a", new double[] {4, 2, 2}, new long[] {1, 2, 3}),
            curve("w3", "a", new double[] {2, 1}, new long[] {1, 2}),
            curve("w1", "b", new double[] {10, 9, 8}, new long[] {1, 5, 9}),
            curve("w2", "b", new double[] {4, 0.4, 0.4}, new long[] {1, 5, 9}),
            curve("w3", "b", new double[] {2, 2, 2}, new long[] {1, 5, 9}));

    @Test
    void mediansOfNormalizedLossCarryStoppedRunsForward() {
        List<RunCurve> a = MedianCurves.byOptimizer(runs).get("a");
        // normalized a: w1 1, .5, .1; w2 1, .5, .5; w3 1, .5, .5 (stopped after 1 iteration)
        assertArrayEquals(new double[] {1, 0.5, 0.5}, MedianCurves.byIteration(a, 2), 1e-15);
        List<RunCurve> b = MedianCurves.byOptimizer(runs).get("b");
        // within 4 evaluations b has only its start; within 5 it has iteration 1: .9, .1, 1
        assertArrayEquals(new double[] {1, 0.9}, MedianCurves.byBudget(b, new double[] {4, 5}, false), 1e-15);
        assertArrayEquals(new double[] {1, 0.9}, MedianCurves.byBudget(b, new double[] {2, 2.5}, true), 1e-15);
        assertEquals(2.5, MedianCurves.median(new double[] {4, 1, 2, 3}));
    }

    @Test
    void summaryCountsStepsToTheBestDecrease() {
        List<ConvergenceSummary> s = ConvergenceSummary.of(runs, 0.95);
        ConvergenceSummary a = s.get(0);
        ConvergenceSummary b = s.get(1);
        // targets: w1 10 - .95*9 = 1.45; w2 4 - .95*3.6 = 0.58; w3 2 - .95*1 = 1.05
        // a reaches w1 at 2, w3 at 1, never w2; b reaches only w2 at 1
        assertEquals("a", a.optimizer());
        assertEquals(2, a.reached());
        assertEquals(2.0, a.medianIterations());
        assertEquals(3.0, a.medianEvaluations());
        assertEquals(0.5, a.medianFinal(), 1e-15);
        assertEquals(1, b.reached());
        assertEquals(Double.POSITIVE_INFINITY, b.medianIterations());
        assertEquals(0.8, b.medianFinal(), 1e-15);
    }
}
