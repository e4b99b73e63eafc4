package org.physrec.optim.learned;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AdafactorFeaturesTest {

    private static final double[] P = {0.5, 1, -1};
    private static final double[] G = {1, -2, 0.5};

    private static float[] firstStep(AdafactorFeatures.Decays d) {
        AdafactorFeatures.Accumulators acc = new AdafactorFeatures.Accumulators(3);
        float[] f = new float[3 * AdafactorFeatures.COUNT];
        AdafactorFeatures.update(acc, d, P, G, f, new double[AdafactorFeatures.NORMALIZED]);
        return f;
    }

    /** Values worked out by hand for N = 3, t = 0, default decays. */
    @Test
    void handComputedFirstStep() {
        float[] f = firstStep(AdafactorFeatures.Decays.defaults());
        int c = AdafactorFeatures.COUNT;
        // g normalized: mean g² = (1 + 4 + 0.25)/3 = 1.75
        assertEquals(1 / Math.sqrt(1.75001), f[0], 1e-6);
        assertEquals(-2 / Math.sqrt(1.75001), f[c], 1e-6);
        // p normalized: mean p² = 0.75
        assertEquals(0.5 / Math.sqrt(0.75001), f[1], 1e-6);
        // m_j = (1 − β_j) g, normalized: (1 − β_j)/√(1e-5 + (1 − β_j)²·1.75); the 1e-5 makes them differ
        assertEquals(0.1 / Math.sqrt(1e-5 + 0.01 * 1.75), f[2], 1e-6);
        assertEquals(0.01 / Math.sqrt(1e-5 + 1e-4 * 1.75), f[3], 1e-6);
        assertEquals(0.001 / Math.sqrt(1e-5 + 1e-6 * 1.75), f[4], 1e-6);
        // V row/col slots duplicate; rsqrt slots duplicate
        for (int j = 0; j < 3; j++) {
            assertEquals(f[13 + j], f[16 + j]);
            assertEquals(f[19 + j], f[22 + j]);
        }
        // time features at t = 0: tanh(−1)
        for (int k = 0; k < 11; k++) {
            assertEquals(-0.7615941559557649, f[28 + k], 1e-7);
            assertEquals(-0.7615941559557649, f[2 * c + 28 + k], 1e-7);
        }
        // m/√(v + 1e-6) for g = 1: 0.1/√(0.001 + 1e-6) = 3.160698
        double raw0 = 0.1 / Math.sqrt(0.001 + 1e-6);
        double raw1 = -0.2 / Math.sqrt(0.004 + 1e-6);
        double raw2 = 0.05 / Math.sqrt(0.00025 + 1e-6);
        assertEquals(3.160698, raw0, 1e-6);
        double norm = Math.sqrt(1e-5 + (raw0 * raw0 + raw1 * raw1 + raw2 * raw2) / 3);
        assertEquals(raw0 / norm, f[6], 1e-6);
        assertEquals(raw1 / norm, f[c + 6], 1e-6);
    }

    /** Every channel against a direct transcription of the learned_optimization formulas. */
    @Test
    void allChannelsMatchFormulasOverTwoSteps() {
        AdafactorFeatures.Decays d = AdafactorFeatures.Decays.of(new float[] {0.1f, -0.05f, 0, 0.02f, 0, 0.03f, -0.1f}, 0);
        assertEquals(1 - 0.1 * Math.exp(1.0), d.momentum()[0], 1e-6);
        AdafactorFeatures.Accumulators acc = new AdafactorFeatures.Accumulators(3);
        float[] f = new float[3 * AdafactorFeatures.COUNT];
        double[] g2 = {-0.3, 0.7, 2.0};
        AdafactorFeatures.update(acc, d, P, G, f, new double[28]);
        AdafactorFeatures.update(acc, d, P, g2, f, new double[28]);
        double[][] raw = new double[3][28];
        for (int i = 0; i < 3; i++) {
            double v = 0;
            double[] m = new double[3];
            double[] vv = new double[3];
            for (double[] g : new double[][] {G, g2}) {
                v = d.rms() * v + (1 - d.rms()) * g[i] * g[i];
                for (int j = 0; j < 3; j++) {
                    m[j] = d.momentum()[j] * m[j] + (1 - d.momentum()[j]) * g[i];
                    vv[j] = d.adafactor()[j] * vv[j] + (1 - d.adafactor()[j]) * (g[i] * g[i] + 1e-30);
                }
            }
            double[] r = raw[i];
            r[0] = g2[i];
            r[1] = P[i];
            r[5] = v;
            r[9] = 1 / Math.sqrt(v + 1e-6);
            for (int j = 0; j < 3; j++) {
                r[2 + j] = m[j];
                r[6 + j] = m[j] / Math.sqrt(v + 1e-6);
                r[10 + j] = g2[i] / Math.sqrt(Math.max(vv[j] + 1e-9, 1e-9));
                r[13 + j] = vv[j];
                r[16 + j] = vv[j];
                r[19 + j] = 1 / Math.sqrt(vv[j] + 1e-8);
                r[22 + j] = 1 / Math.sqrt(vv[j] + 1e-8);
                r[25 + j] = m[j] / Math.sqrt(vv[j] + 1e-6);
            }
        }
        for (int ch = 0; ch < 28; ch++) {
            double ms = 0;
            for (int i = 0; i < 3; i++) {
                ms += raw[i][ch] * raw[i][ch];
            }
            double scale = 1 / Math.sqrt(1e-5 + ms / 3);
            for (int i = 0; i < 3; i++) {
                assertEquals(raw[i][ch] * scale, f[i * 39 + ch], 1e-5 * Math.max(1, Math.abs(raw[i][ch] * scale)),
                        "channel " + ch + " parameter " + i);
            }
        }
        // t = 1 on the second step: tanh(1/τ − 1)
        assertEquals(0.0, f[28], 1e-7);
        assertEquals(Math.tanh(1 / 3.0 - 1), f[29], 1e-7);
        assertEquals(Math.tanh(1 / 100000.0 - 1), f[38], 1e-7);
    }

    @Test
    void nonFiniteFeatureIsLocated() {
        float[] f = new float[2 * 39];
        f[39 + 5] = Float.NaN;
        assertEquals(44, AdafactorFeatures.firstNonFinite(f, 2));
        assertEquals(-1, AdafactorFeatures.firstNonFinite(new float[39], 1));
    }
}
