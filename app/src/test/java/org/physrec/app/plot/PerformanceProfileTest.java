package org.physrec.app.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class PerformanceProfileTest {

    @Test
    void ratiosAndRhoFollowDolanMore() {
        // 3 problems, 2 solvers: A best on p0 (ratio B 4), tie on p1, B best on p2 (ratio A 2), ...
        double[][] cost = {{1, 4}, {3, 3}, {2, 1}};
        boolean[][] failed = {{false, false}, {false, false}, {false, false}};
        PerformanceProfile.Result r = PerformanceProfile.compute(List.of("A", "B"), cost, failed);
        assertEquals(4.0, r.ratios()[0][1]);
        assertEquals(2.0, r.ratios()[2][0]);
        assertEquals(2.0 / 3, r.rho(0, 1.0), 1e-15);
        assertEquals(2.0 / 3, r.rho(1, 1.0), 1e-15);
        assertEquals(1.0, r.rho(0, 2.0), 1e-15);
        assertEquals(2.0 / 3, r.rho(1, 3.9), 1e-15);
        assertEquals(4.0, r.maxFiniteRatio());
    }

    @Test
    void failuresNeverCount() {
        double[][] cost = {{1, 5}, {1, 1}};
        boolean[][] failed = {{false, true}, {true, true}};
        PerformanceProfile.Result r = PerformanceProfile.compute(List.of("A", "B"), cost, failed);
        assertEquals(Double.POSITIVE_INFINITY, r.ratios()[0][1]);
        assertEquals(0.0, r.rho(1, 1e300));
        assertEquals(0.5, r.rho(0, 1e300));
        PerformanceProfile.chart(r, "test");
    }

    @Test
    void nonPositiveCostIsRejectedWithItsIndex() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PerformanceProfile.compute(
                List.of("A"), new double[][] {{0}}, new boolean[][] {{false}}));
        assertEquals(true, e.getMessage().contains("cost[0][0]"), e.getMessage());
    }
}
