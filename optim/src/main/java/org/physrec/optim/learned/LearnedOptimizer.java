package org.physrec.optim.learned;

import java.util.Map;
import java.util.SplittableRandom;
import org.physrec.optim.Optimizer;
import org.physrec.optim.nn.ParamLayout;

/**
 * A learned optimizer as in learned_optimization: an architecture with meta-parameters θ
 * (one flat {@code float[]} laid out by {@link #layout()}) that, given θ, yields an ordinary
 * {@link Optimizer}. Meta-training perturbs and updates θ; benchmarks treat the result like
 * any other optimizer.
 */
public interface LearnedOptimizer {

    /** Architecture name used in checkpoints and on the command line: "adafac_mlp" or "optimus". */
    String kind();

    /** Tensors of θ. */
    ParamLayout layout();

    /** Freshly initialized θ, deterministic in {@code seed}. */
    float[] init(long seed);

    /** An optimizer running with θ = {@code params} (not copied: do not modify while in use), named {@link #kind()}. */
    default Optimizer<? extends LearnedState> instantiate(float[] params) {
        return instantiate(params, kind());
    }

    /** The same, reporting {@code name} as its {@link Optimizer#name()} (e.g. a registry name). */
    Optimizer<? extends LearnedState> instantiate(float[] params, String name);

    /** Architecture settings written to and read from the checkpoint's JSON config. */
    Map<String, Object> config();

    /**
     * Fills a weight tensor with TruncatedNormal(0, σ = scale/√fanIn) cut at ±2σ, as Haiku's
     * default initializer.
     */
    static void truncatedNormal(float[] theta, ParamLayout.Entry e, int fanIn, double scale, SplittableRandom rng) {
        double sigma = scale / Math.sqrt(fanIn);
        for (int i = 0; i < e.size(); i++) {
            double z;
            do {
                z = Gaussian.next(rng);
            } while (Math.abs(z) > 2.0);
            theta[e.offset() + i] = (float) (sigma * z);
        }
    }
}
