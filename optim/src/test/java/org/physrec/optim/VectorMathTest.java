package org.physrec.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.junit.jupiter.api.Test;

class VectorMathTest {

    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;

    @Test
    void expMatchesMathExpToFloatPrecision() {
        Random rnd = new Random(3);
        float[] x = new float[F.length()];
        float[] y = new float[F.length()];
        double worst = 0;
        for (int k = 0; k < 20000; k++) {
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) (rnd.nextDouble() * 170 - 86);
            }
            x[0] = -(float) (rnd.nextDouble() * 20); // the softmax range
            VectorMath.exp(FloatVector.fromArray(F, x, 0)).intoArray(y, 0);
            for (int i = 0; i < x.length; i++) {
                double ref = Math.exp(x[i]);
                worst = Math.max(worst, Math.abs(y[i] - ref) / ref);
            }
        }
        assertTrue(worst < 3e-7, "max relative error " + worst);
    }

    @Test
    void expHandlesIntegerBoundariesAndClampsExtremes() {
        float[] x = new float[F.length()];
        float[] y = new float[F.length()];
        float[] probes = {0f, -1f, 1f, -0.5f, 0.5f, -87f, 87f, -1000f, 1000f, Float.NEGATIVE_INFINITY};
        for (float p : probes) {
            java.util.Arrays.fill(x, p);
            VectorMath.exp(FloatVector.fromArray(F, x, 0)).intoArray(y, 0);
            double ref = Math.exp(Math.max(-87.3f, Math.min(88.0f, p)));
            assertEquals(ref, y[0], ref * 3e-7, "exp(" + p + ")");
            assertTrue(Float.isFinite(y[0]) && y[0] > 0, "exp(" + p + ") = " + y[0]);
        }
    }

    @Test
    void sumLanesAddsInLaneOrder() {
        VectorSpecies<Double> d = DoubleVector.SPECIES_PREFERRED;
        double[] v = new double[d.length()];
        double expected = 0;
        for (int i = 0; i < v.length; i++) {
            v[i] = i == 0 ? 1e16 : 1.0 + i * 0.25;
        }
        for (double e : v) {
            expected += e;
        }
        assertEquals(expected, VectorMath.sumLanes(DoubleVector.fromArray(d, v, 0)), 0.0);
    }
}
