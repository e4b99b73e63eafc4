package org.physrec.physics.sim;

import java.util.Random;
import org.physrec.physics.Model;

/** A loss with every kind of term the reconstruction uses: keypoint tracking, q, v and control terms. */
final class TestLosses {
    private TestLosses() {
    }

    static FrameLoss tracking(Model model, int frames, int nc, long seed) {
        Random rng = new Random(seed);
        int nk = 3 * model.keypointCount();
        double[] targets = new double[frames * nk];
        for (int i = 0; i < targets.length; i++) {
            targets[i] = 0.3 * rng.nextGaussian();
        }
        double[] rq = new double[model.nq()];
        for (int i = 0; i < rq.length; i++) {
            rq[i] = rng.nextGaussian();
        }
        return (t, q, v, kp, u, gK, gq, gv, gU) -> {
            double l = 0;
            for (int i = 0; i < nk; i++) {
                double d = kp[i] - targets[t * nk + i];
                l += d * d;
                gK[i] = 2 * d;
            }
            for (int i = 0; i < q.length; i++) {
                l += 0.1 * rq[i] * q[i];
                gq[i] = 0.1 * rq[i];
            }
            for (int i = 0; i < v.length; i++) {
                l += 0.01 * v[i] * v[i];
                gv[i] = 0.02 * v[i];
            }
            for (int i = 0; i < nc; i++) {
                double x = u[t * nc + i];
                l += 1e-3 * x * x;
                gU[t * nc + i] += 2e-3 * x;
                if (t > 0) {
                    double d = x - u[(t - 1) * nc + i];
                    l += 1e-3 * d * d;
                    gU[t * nc + i] += 2e-3 * d;
                    gU[(t - 1) * nc + i] -= 2e-3 * d;
                }
            }
            return l;
        };
    }
}
