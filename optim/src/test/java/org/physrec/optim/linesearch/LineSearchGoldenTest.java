package org.physrec.optim.linesearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Both line searches against SciPy's {@code scalar_search_wolfe1} / {@code scalar_search_wolfe2}
 * on the three test functions of Moré and Thuente (1994, Table 1-3), four initial steps and two
 * (c1, c2) pairs: same step, same value, same number of φ evaluations.
 * Golden file {@code golden/scipy-linesearch.json}, produced once with SciPy 1.17.1.
 */
class LineSearchGoldenTest {

    /** φ and φ' of the named function; counts distinct evaluation points like SciPy's φ calls. */
    static final class Counting implements LineFunction {
        final DoubleUnaryOperator value;
        final DoubleUnaryOperator slope;
        int calls;
        double last = Double.NaN;

        Counting(DoubleUnaryOperator value, DoubleUnaryOperator slope) {
            this.value = value;
            this.slope = slope;
        }

        @Override
        public double value(double alpha) {
            if (alpha != last) {
                calls++;
                last = alpha;
            }
            return value.applyAsDouble(alpha);
        }

        @Override
        public double slope(double alpha) {
            return slope.applyAsDouble(alpha);
        }
    }

    static Counting function(String name) {
        switch (name) {
            case "mt1": {
                double b = 2;
                return new Counting(a -> -a / (a * a + b), a -> (a * a - b) / ((a * a + b) * (a * a + b)));
            }
            case "mt2": {
                double b = 0.004;
                return new Counting(a -> Math.pow(a + b, 5) - 2 * Math.pow(a + b, 4),
                        a -> 5 * Math.pow(a + b, 4) - 8 * Math.pow(a + b, 3));
            }
            case "mt3": {
                double b = 0.01;
                double l = 39;
                DoubleUnaryOperator phi0 = a -> a <= 1 - b ? 1 - a : (a >= 1 + b ? a - 1 : (a - 1) * (a - 1) / (2 * b) + b / 2);
                DoubleUnaryOperator d0 = a -> a <= 1 - b ? -1.0 : (a >= 1 + b ? 1.0 : (a - 1) / b);
                return new Counting(a -> phi0.applyAsDouble(a) + 2 * (1 - b) / (l * Math.PI) * Math.sin(l * Math.PI * a / 2),
                        a -> d0.applyAsDouble(a) + (1 - b) * Math.cos(l * Math.PI * a / 2));
            }
            default:
                throw new IllegalArgumentException("function: " + name);
        }
    }

    private static JsonNode cases() throws IOException {
        try (InputStream in = LineSearchGoldenTest.class.getResourceAsStream("/golden/scipy-linesearch.json")) {
            return new ObjectMapper().readTree(in).get("cases");
        }
    }

    @Test
    void moreThuenteMatchesScipyWolfe1() throws IOException {
        int checked = 0;
        for (JsonNode c : cases()) {
            Counting f = function(c.get("function").asText());
            double phi0 = f.value.applyAsDouble(0);
            double d0 = f.slope.applyAsDouble(0);
            MoreThuente mt = new MoreThuente(c.get("c1").asDouble(), c.get("c2").asDouble(), 1e-14, 1e-100, 1e100, false);
            double step = mt.search(f, phi0, d0, ScipyWolfe.initialStep(phi0, c.get("oldPhi0").asDouble(), d0), 100);
            JsonNode want = c.get("wolfe1");
            String label = c.toString();
            assertTrue(!want.get("step").isNull(), "golden cases all converge");
            assertEquals(want.get("step").asDouble(), step, 1e-12 * Math.abs(step), label);
            assertEquals(want.get("value").asDouble(), mt.lastValue(), 1e-12, label);
            assertEquals(want.get("phiCalls").asInt(), f.calls, label);
            checked++;
        }
        assertEquals(24, checked);
    }

    @Test
    void zoomMatchesScipyWolfe2() throws IOException {
        for (JsonNode c : cases()) {
            Counting f = function(c.get("function").asText());
            double phi0 = f.value.applyAsDouble(0);
            double d0 = f.slope.applyAsDouble(0);
            WolfeZoom zoom = new WolfeZoom(c.get("c1").asDouble(), c.get("c2").asDouble(), 1e100, 10);
            double step = zoom.search(f, phi0, c.get("oldPhi0").asDouble(), d0);
            JsonNode want = c.get("wolfe2");
            String label = c.toString();
            assertEquals(want.get("step").asDouble(), step, 1e-12 * Math.abs(step), label);
            assertEquals(want.get("value").asDouble(), zoom.lastValue(), 1e-12, label);
            assertEquals(want.get("phiCalls").asInt(), f.calls, label);
            assertEquals(want.get("slopeKnown").asBoolean(), zoom.slopeKnown(), label);
        }
    }

    @Test
    void acceptedStepsSatisfyTheStrongWolfeConditions() throws IOException {
        for (JsonNode c : cases()) {
            Counting f = function(c.get("function").asText());
            double phi0 = f.value.applyAsDouble(0);
            double d0 = f.slope.applyAsDouble(0);
            double c1 = c.get("c1").asDouble();
            double c2 = c.get("c2").asDouble();
            double step = new MoreThuente(c1, c2, 1e-14, 1e-100, 1e100, false).search(f, phi0, d0, 1e-3, 100);
            assertTrue(f.value.applyAsDouble(step) <= phi0 + c1 * step * d0, "sufficient decrease");
            assertTrue(Math.abs(f.slope.applyAsDouble(step)) <= c2 * Math.abs(d0), "curvature");
        }
    }

    @Test
    void nonFiniteValueEndsAStrictSearch() {
        Counting f = new Counting(a -> a > 0.5 ? Double.NaN : -a, a -> -1);
        MoreThuente mt = new MoreThuente(1e-4, 0.9, 1e-14, 1e-100, 1e100, true);
        assertTrue(Double.isNaN(mt.search(f, 0, -1, 1.0, 100)));
        assertTrue(mt.task().startsWith("ERROR: non-finite"), mt.task());
    }
}
