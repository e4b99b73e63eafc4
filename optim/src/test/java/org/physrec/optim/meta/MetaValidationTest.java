package org.physrec.optim.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.physrec.optim.classical.GradientDescent;

class MetaValidationTest {

    private static GradientDescent gd(double eta) {
        return new GradientDescent(new GradientDescent.Settings(eta));
    }

    private static MetaValidation quadratics(int episode) {
        return new MetaValidation(PesTrainerTest.quadratics(), 5, 3, episode, true, 1e-8);
    }

    /** One step of episode 1 scores the start: the mean of log(f(x0) − 0 + 1e-8) over the tasks. */
    @Test
    void oneStepEpisodeScoresTheStartingPoints() {
        MetaValidation v = quadratics(1);
        double expected = 0;
        for (MetaTask t : v.tasks()) {
            expected += Math.log(t.objective().value(t.x0()) - t.lowerBound() + 1e-8);
        }
        MetaValidation.Score s = v.score(gd(1e-3));
        assertEquals(expected / v.tasks().size(), s.meanLoss(), 1e-12);
        assertEquals(s.meanLoss(), s.finalLoss(), 0.0);
        assertEquals(0, s.failures());
    }

    /** A fitting optimizer scores lower than a timid one, the same one scores the same twice, and divergence is charged. */
    @Test
    void ranksOptimizersAndChargesDivergence() {
        MetaValidation v = quadratics(50);
        MetaValidation.Score good = v.score(gd(0.005));
        MetaValidation.Score timid = v.score(gd(1e-6));
        MetaValidation.Score diverging = v.score(gd(1e6));
        assertTrue(good.meanLoss() < timid.meanLoss(), good + " vs " + timid);
        assertEquals(good, v.score(gd(0.005)));
        assertTrue(diverging.failures() > 0 && diverging.finalLoss() == MetaValidation.FAILED_LOSS, diverging.toString());
    }
}
