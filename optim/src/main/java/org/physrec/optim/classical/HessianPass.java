package org.physrec.optim.classical;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The one sweep over BFGS's dense inverse Hessian per iteration: optionally adds the pending
 * symmetric rank-2 correction H_ij += α_i u_j + β_i s_j (α = −ρ s, β = −ρ u + c s), and computes
 * w = H·g with the updated values. Vector API lanes ({@code SPECIES_PREFERRED}) with a scalar tail.
 */
final class HessianPass {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

    private HessianPass() {
    }

    /**
     * @param h    (n x n) row-major; modified when {@code correct}
     * @param wOut length n, receives H·g
     */
    static void run(double[] h, int n, boolean correct, double rho, double c, double[] s, double[] u,
                    double[] g, double[] wOut) {
        int lanes = SPECIES.length();
        int bound = SPECIES.loopBound(n);
        for (int i = 0; i < n; i++) {
            int row = i * n;
            DoubleVector acc = DoubleVector.zero(SPECIES);
            int j = 0;
            double tail = 0;
            if (correct) {
                double alpha = -rho * s[i];
                double beta = -rho * u[i] + c * s[i];
                DoubleVector av = DoubleVector.broadcast(SPECIES, alpha);
                DoubleVector bv = DoubleVector.broadcast(SPECIES, beta);
                for (; j < bound; j += lanes) {
                    DoubleVector hv = DoubleVector.fromArray(SPECIES, h, row + j);
                    hv = DoubleVector.fromArray(SPECIES, u, j).fma(av, hv);
                    hv = DoubleVector.fromArray(SPECIES, s, j).fma(bv, hv);
                    hv.intoArray(h, row + j);
                    acc = hv.fma(DoubleVector.fromArray(SPECIES, g, j), acc);
                }
                for (; j < n; j++) {
                    double hij = Math.fma(s[j], beta, Math.fma(u[j], alpha, h[row + j]));
                    h[row + j] = hij;
                    tail += hij * g[j];
                }
            } else {
                for (; j < bound; j += lanes) {
                    acc = DoubleVector.fromArray(SPECIES, h, row + j).fma(DoubleVector.fromArray(SPECIES, g, j), acc);
                }
                for (; j < n; j++) {
                    tail += h[row + j] * g[j];
                }
            }
            wOut[i] = acc.reduceLanes(VectorOperators.ADD) + tail;
        }
    }
}
