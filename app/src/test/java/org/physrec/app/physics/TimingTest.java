package org.physrec.app.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The benchmark harness's bookkeeping (no assertions on the times themselves). */
class TimingTest {
    @Test
    void reportsOrderedStatisticsOverTheSamples() {
        int[] calls = {0};
        Timing t = Timing.measure("count", () -> calls[0]++, 0, 7, 0.01);
        assertEquals(7, t.samples());
        assertTrue(t.batch() >= 1);
        assertTrue(calls[0] >= 1 + 7L * t.batch(), "warm-up call plus every batch ran: " + calls[0]);
        assertTrue(t.min() <= t.p10() && t.p10() <= t.median() && t.median() <= t.p90() && t.p90() <= t.max());
        assertTrue(t.cpuP10() <= t.cpuMedian() && t.cpuMedian() <= t.cpuP90());
        assertTrue(Double.isFinite(t.spread()));
    }

    @Test
    void rejectsTooFewSamples() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Timing.measure("x", () -> { }, 0, 0, 1));
        assertTrue(e.getMessage().contains("samples"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new PhysicsBenchmark.Settings(0, 2, 1, 1));
    }
}
