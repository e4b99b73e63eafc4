package org.physrec.optim.classical;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;
import org.physrec.optim.VectorMath;

/**
 * The one sweep over BFGS's dense inverse Hessian per iteration: optionally adds the pending
 * symmetric rank-2 correction R_ij = c·(s_i s_j) − ρ·(s_i u_j + u_i s_j), and computes w = H·g
 * with the updated values. R is evaluated so that R_ij and R_ji round identically (products and
 * sums commute exactly; no fused multiply-add there), which keeps H exactly symmetric.
 * Vector API lanes ({@code SPECIES_PREFERRED}) with a scalar tail doing the same operations.
 */
final class HessianPass {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

    private HessianPass() {
    }

    /**
     * @param h    (n x n) row-major, symmetric; modified when {@code correct}
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
                double si = s[i];
                double ui = u[i];
                DoubleVector siV = DoubleVector.broadcast(SPECIES, si);
                DoubleVector uiV = DoubleVector.broadcast(SPECIES, ui);
                for (; j < bound; j += lanes) {
                    DoubleVector sv = DoubleVector.fromArray(SPECIES, s, j);
                    DoubleVector uv = DoubleVector.fromArray(SPECIES, u, j);
                    DoubleVector cross = uv.mul(siV).add(sv.mul(uiV));
                    DoubleVector r = sv.mul(siV).mul(c).sub(cross.mul(rho));
                    DoubleVector hv = DoubleVector.fromArray(SPECIES, h, row + j).add(r);
                    hv.intoArray(h, row + j);
                    acc = hv.fma(DoubleVector.fromArray(SPECIES, g, j), acc);
                }
                for (; j < n; j++) {
                    double cross = u[j] * si + s[j] * ui;
                    double hij = h[row + j] + ((s[j] * si) * c - cross * rho);
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
            wOut[i] = VectorMath.sumLanes(acc) + tail;
        }
    }
}
