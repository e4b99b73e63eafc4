package org.physrec.optim.learned;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.physrec.optim.nn.Layers;
import org.physrec.optim.nn.ParamLayout;

/**
 * The Adafactor-MLP learned optimizer of Metz et al. (learned_optimization {@code
 * AdafacMLPLOpt}): a per-parameter MLP 39 → h → ReLU → h → ReLU → 2 with shared weights reads
 * the {@link AdafactorFeatures}; with outputs (d, m) the step is d·exp(m·expMult)·stepMult.
 * Meta-parameters: the MLP weights and the 7 feature-decay offsets.
 *
 * @param hidden   hidden width (library default 4)
 * @param expMult  magnitude multiplier (0.001)
 * @param stepMult step multiplier (0.001)
 */
public record AdafactorMlp(int hidden, double expMult, double stepMult) implements LearnedOptimizer {

    public static final String KIND = "adafac_mlp";

    /** The library defaults: hidden 4, exp_mult 0.001, step_mult 0.001. */
    public static AdafactorMlp defaults() {
        return new AdafactorMlp(4, 0.001, 0.001);
    }

    public AdafactorMlp {
        if (hidden <= 0) {
            throw new IllegalArgumentException("hidden: must be positive, got " + hidden);
        }
    }

    /** Reads the settings back from a checkpoint config. */
    public static AdafactorMlp fromConfig(Map<String, Object> c) {
        return new AdafactorMlp(Configs.intValue(c, "hidden"), Configs.doubleValue(c, "exp_mult"),
                Configs.doubleValue(c, "step_mult"));
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public ParamLayout layout() {
        ParamLayout l = new ParamLayout();
        l.add("decays", AdafactorFeatures.DECAY_PARAMS);
        l.add("mlp/l0/w", AdafactorFeatures.COUNT, hidden);
        l.add("mlp/l0/b", hidden);
        l.add("mlp/l1/w", hidden, hidden);
        l.add("mlp/l1/b", hidden);
        l.add("mlp/l2/w", hidden, 2);
        l.add("mlp/l2/b", 2);
        return l;
    }

    @Override
    public float[] init(long seed) {
        ParamLayout l = layout();
        float[] theta = new float[l.size()];
        SplittableRandom rng = new SplittableRandom(seed);
        LearnedOptimizer.truncatedNormal(theta, l.get("mlp/l0/w"), AdafactorFeatures.COUNT, 1.0, rng);
        LearnedOptimizer.truncatedNormal(theta, l.get("mlp/l1/w"), hidden, 1.0, rng);
        LearnedOptimizer.truncatedNormal(theta, l.get("mlp/l2/w"), hidden, 1.0, rng);
        return theta;
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("kind", KIND);
        c.put("hidden", hidden);
        c.put("exp_mult", expMult);
        c.put("step_mult", stepMult);
        return c;
    }

    @Override
    public Opt instantiate(float[] params) {
        return instantiate(params, KIND);
    }

    @Override
    public Opt instantiate(float[] params, String name) {
        if (params.length != layout().size()) {
            throw new IllegalArgumentException("params: expected " + layout().size() + " values, got " + params.length);
        }
        return new Opt(this, params, layout(), name);
    }

    /** State: features plus the MLP's activations. */
    public static final class State extends LearnedState {
        final float[] h0;
        final float[] h1;
        final float[] out;

        State(int n, int hidden) {
            super(n);
            h0 = new float[n * hidden];
            h1 = new float[n * hidden];
            out = new float[n * 2];
        }
    }

    /** The optimizer for one θ. */
    public static final class Opt extends LearnedStepOptimizer<State> {
        private final AdafactorMlp arch;
        private final float[] theta;
        private final AdafactorFeatures.Decays decays;
        private final int w0, b0, w1, b1, w2, b2;

        private final String name;

        Opt(AdafactorMlp arch, float[] theta, ParamLayout l, String name) {
            this.name = name;
            this.arch = arch;
            this.theta = theta;
            this.decays = AdafactorFeatures.Decays.of(theta, l.offset("decays"));
            w0 = l.offset("mlp/l0/w");
            b0 = l.offset("mlp/l0/b");
            w1 = l.offset("mlp/l1/w");
            b1 = l.offset("mlp/l1/b");
            w2 = l.offset("mlp/l2/w");
            b2 = l.offset("mlp/l2/b");
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        State newState(int n) {
            return new State(n, arch.hidden);
        }

        @Override
        AdafactorFeatures.Decays decays() {
            return decays;
        }

        @Override
        String computeStep(State s) {
            int n = s.dimension();
            int h = arch.hidden;
            Layers.linear(s.features, n, AdafactorFeatures.COUNT, theta, w0, b0, h, s.h0);
            Layers.relu(s.h0, n * h);
            Layers.linear(s.h0, n, h, theta, w1, b1, h, s.h1);
            Layers.relu(s.h1, n * h);
            Layers.linear(s.h1, n, h, theta, w2, b2, 2, s.out);
            for (int i = 0; i < n; i++) {
                double d = s.out[2 * i];
                double m = s.out[2 * i + 1];
                double st = d * Math.exp(m * arch.expMult) * arch.stepMult;
                if (!Double.isFinite(st)) {
                    return "non-finite Adafactor-MLP output (direction " + d + ", magnitude " + m + ") for parameter " + i;
                }
                s.step[i] = st;
            }
            return null;
        }
    }
}
