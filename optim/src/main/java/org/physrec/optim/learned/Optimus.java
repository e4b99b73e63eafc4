package org.physrec.optim.learned;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.physrec.optim.nn.Layers;
import org.physrec.optim.nn.ParamLayout;
import org.physrec.optim.nn.SelfAttention;

/**
 * Optimus (Gärtner et al., CVPR 2023, Alg. 1): one token per parameter carrying its 39
 * {@link AdafactorFeatures}; a per-token embedding, {@code layers} pre-LN Transformer encoder
 * layers (self-attention across the N parameter tokens, per-token ReLU FFN), and per-token
 * heads giving direction d_i, step-size α_i and the rank-one factor u_i. Each iteration:
 * <pre>
 *   B_k = B_{k−1} + u uᵀ,  B_0 = I          (u_i = uScale·tanh(raw_i)/√N: B stays SPD, ‖uuᵀ‖ ≤ uScale²)
 *   s_k = B_k (λa·exp(λb·α) ⊙ d),  x_{k+1} = x_k − s_k
 * </pre>
 * Every layer is applied per token and attention has no positional encoding, so one network
 * serves any N. Choices the paper leaves open (pre-LN, heads, FFN width, the bound on u, the
 * linear skip from the features to the heads) are explained in docs/OPTIMUS.md. The early stop
 * of Alg. 1 is the run loop's {@code StoppingRule.optimusRule}, so it applies to any optimizer.
 *
 * @param dModel     token width (paper: 128)
 * @param layers     encoder layers (paper: 3)
 * @param heads      attention heads (dModel must be a multiple)
 * @param ffn        FFN hidden width
 * @param lambdaA    step scale λa (paper: 0.1)
 * @param lambdaB    step exponent scale λb (paper: 0.1)
 * @param uScale     bound on ‖u‖ of each rank-one update
 */
public record Optimus(int dModel, int layers, int heads, int ffn, double lambdaA, double lambdaB, double uScale)
        implements LearnedOptimizer {

    public static final String KIND = "optimus";
    /** Head outputs per token: direction d, step size α, rank-one factor u. */
    static final int OUTPUTS = 3;
    /** Feature channel the direction skip starts from at init: m(β=0.9)/√(v+1e-6), an Adam-like direction. */
    static final int DIRECTION_INIT_CHANNEL = 6;

    public Optimus {
        check("dModel", dModel);
        check("layers", layers);
        check("heads", heads);
        check("ffn", ffn);
        if (dModel % heads != 0) {
            throw new IllegalArgumentException("heads: dModel " + dModel + " is not a multiple of heads " + heads);
        }
        if (!(uScale >= 0) || !(lambdaA > 0) || !Double.isFinite(lambdaB)) {
            throw new IllegalArgumentException("uScale, lambdaA, lambdaB: need uScale >= 0, lambdaA > 0, finite lambdaB; got "
                    + uScale + ", " + lambdaA + ", " + lambdaB);
        }
    }

    private static void check(String name, int v) {
        if (v <= 0) {
            throw new IllegalArgumentException(name + ": must be positive, got " + v);
        }
    }

    /** The paper's settings (d=128, L=3, λa=λb=0.1) with our open choices: 8 heads, FFN 512, uScale 0.5. */
    public static Optimus defaults() {
        return new Optimus(128, 3, 8, 512, 0.1, 0.1, 0.5);
    }

    public Optimus withSize(int dModel, int layers, int heads, int ffn) {
        return new Optimus(dModel, layers, heads, ffn, lambdaA, lambdaB, uScale);
    }

    public static Optimus fromConfig(Map<String, Object> c) {
        return new Optimus(Configs.intValue(c, "d_model"), Configs.intValue(c, "layers"), Configs.intValue(c, "heads"),
                Configs.intValue(c, "ffn"), Configs.doubleValue(c, "lambda_a"), Configs.doubleValue(c, "lambda_b"),
                Configs.doubleValue(c, "u_scale"));
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("kind", KIND);
        c.put("d_model", dModel);
        c.put("layers", layers);
        c.put("heads", heads);
        c.put("ffn", ffn);
        c.put("lambda_a", lambdaA);
        c.put("lambda_b", lambdaB);
        c.put("u_scale", uScale);
        return c;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public ParamLayout layout() {
        ParamLayout l = new ParamLayout();
        int f = AdafactorFeatures.COUNT;
        l.add("decays", AdafactorFeatures.DECAY_PARAMS);
        l.add("embed/w", f, dModel);
        l.add("embed/b", dModel);
        for (int i = 0; i < layers; i++) {
            String p = "enc" + i + "/";
            l.add(p + "ln1/g", dModel);
            l.add(p + "ln1/b", dModel);
            l.add(p + "attn/qkv/w", dModel, 3 * dModel);
            l.add(p + "attn/qkv/b", 3 * dModel);
            l.add(p + "attn/out/w", dModel, dModel);
            l.add(p + "attn/out/b", dModel);
            l.add(p + "ln2/g", dModel);
            l.add(p + "ln2/b", dModel);
            l.add(p + "ffn/w1", dModel, ffn);
            l.add(p + "ffn/b1", ffn);
            l.add(p + "ffn/w2", ffn, dModel);
            l.add(p + "ffn/b2", dModel);
        }
        l.add("final_ln/g", dModel);
        l.add("final_ln/b", dModel);
        l.add("head/w", dModel, OUTPUTS);
        l.add("head/b", OUTPUTS);
        l.add("skip/w", f, OUTPUTS);
        return l;
    }

    /**
     * Encoder weights TruncatedNormal(1/√fan_in), residual-branch outputs scaled by 1/√(2L);
     * LayerNorm γ=1, β=0; the head starts small (0.01) and the direction skip at channel 6
     * with weight 1, so the untrained Optimus takes Adam-like steps 0.1·m/√v with B = I.
     */
    @Override
    public float[] init(long seed) {
        ParamLayout l = layout();
        float[] theta = new float[l.size()];
        SplittableRandom rng = new SplittableRandom(seed);
        int f = AdafactorFeatures.COUNT;
        double residual = 1.0 / Math.sqrt(2.0 * layers);
        LearnedOptimizer.truncatedNormal(theta, l.get("embed/w"), f, 1.0, rng);
        for (int i = 0; i < layers; i++) {
            String p = "enc" + i + "/";
            fill(theta, l.get(p + "ln1/g"), 1f);
            fill(theta, l.get(p + "ln2/g"), 1f);
            LearnedOptimizer.truncatedNormal(theta, l.get(p + "attn/qkv/w"), dModel, 1.0, rng);
            LearnedOptimizer.truncatedNormal(theta, l.get(p + "attn/out/w"), dModel, residual, rng);
            LearnedOptimizer.truncatedNormal(theta, l.get(p + "ffn/w1"), dModel, 1.0, rng);
            LearnedOptimizer.truncatedNormal(theta, l.get(p + "ffn/w2"), ffn, residual, rng);
        }
        fill(theta, l.get("final_ln/g"), 1f);
        LearnedOptimizer.truncatedNormal(theta, l.get("head/w"), dModel, 0.01, rng);
        theta[l.offset("skip/w") + DIRECTION_INIT_CHANNEL * OUTPUTS] = 1f;
        return theta;
    }

    private static void fill(float[] theta, ParamLayout.Entry e, float v) {
        java.util.Arrays.fill(theta, e.offset(), e.offset() + e.size(), v);
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

    /** Per-run buffers: the dense preconditioner B and the network's activations for N tokens. */
    public static final class State extends LearnedState {
        /** (n × n) preconditioner B, row-major, symmetric positive definite. */
        final double[] b;
        /** (n) λa·exp(λb·α) ⊙ d. */
        final double[] scaled;
        /** (n) rank-one factor u. */
        final double[] u;
        final float[] h;
        final float[] a;
        final float[] branch;
        final float[] ffnHidden;
        final float[] out;
        final SelfAttention.Workspace attention;

        State(int n, Optimus arch) {
            super(n);
            b = new double[n * n];
            for (int i = 0; i < n; i++) {
                b[i * n + i] = 1.0;
            }
            scaled = new double[n];
            u = new double[n];
            h = new float[n * arch.dModel];
            a = new float[n * arch.dModel];
            branch = new float[n * arch.dModel];
            ffnHidden = new float[n * arch.ffn];
            out = new float[n * OUTPUTS];
            attention = new SelfAttention.Workspace(n, arch.dModel, arch.heads);
        }

        /** B (n × n), row-major; read-only view for tests and diagnostics. */
        public double[] preconditioner() {
            return b;
        }
    }

    /** The optimizer for one θ. */
    public static final class Opt extends LearnedStepOptimizer<State> {
        private final Optimus arch;
        private final float[] theta;
        private final AdafactorFeatures.Decays decays;
        private final int embedW, embedB, finalG, finalB, headW, headB, skipW;
        private final int[][] enc;

        private final String name;

        Opt(Optimus arch, float[] theta, ParamLayout l, String name) {
            this.name = name;
            this.arch = arch;
            this.theta = theta;
            this.decays = AdafactorFeatures.Decays.of(theta, l.offset("decays"));
            embedW = l.offset("embed/w");
            embedB = l.offset("embed/b");
            finalG = l.offset("final_ln/g");
            finalB = l.offset("final_ln/b");
            headW = l.offset("head/w");
            headB = l.offset("head/b");
            skipW = l.offset("skip/w");
            enc = new int[arch.layers][];
            String[] names = {"ln1/g", "ln1/b", "attn/qkv/w", "attn/qkv/b", "attn/out/w", "attn/out/b",
                "ln2/g", "ln2/b", "ffn/w1", "ffn/b1", "ffn/w2", "ffn/b2"};
            for (int i = 0; i < arch.layers; i++) {
                enc[i] = new int[names.length];
                for (int j = 0; j < names.length; j++) {
                    enc[i][j] = l.offset("enc" + i + "/" + names[j]);
                }
            }
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        State newState(int n) {
            return new State(n, arch);
        }

        @Override
        AdafactorFeatures.Decays decays() {
            return decays;
        }

        /** Runs the network on s.features, writing (n × 3) outputs into s.out. */
        void forward(State s) {
            int n = s.dimension();
            int d = arch.dModel;
            int f = AdafactorFeatures.COUNT;
            Layers.linear(s.features, n, f, theta, embedW, embedB, d, s.h);
            for (int[] o : enc) {
                Layers.layerNorm(s.h, n, d, theta, o[0], o[1], s.a);
                SelfAttention.forward(s.a, n, d, arch.heads, theta, o[2], o[3], o[4], o[5], s.attention, s.branch);
                Layers.addInPlace(s.h, s.branch, n * d);
                Layers.layerNorm(s.h, n, d, theta, o[6], o[7], s.a);
                Layers.linear(s.a, n, d, theta, o[8], o[9], arch.ffn, s.ffnHidden);
                Layers.relu(s.ffnHidden, n * arch.ffn);
                Layers.linear(s.ffnHidden, n, arch.ffn, theta, o[10], o[11], d, s.branch);
                Layers.addInPlace(s.h, s.branch, n * d);
            }
            Layers.layerNorm(s.h, n, d, theta, finalG, finalB, s.a);
            Layers.linear(s.a, n, d, theta, headW, headB, OUTPUTS, s.out);
            Layers.linearAccumulate(s.features, n, f, theta, skipW, OUTPUTS, s.out);
        }

        @Override
        String computeStep(State s) {
            forward(s);
            int n = s.dimension();
            double uNorm = arch.uScale / Math.sqrt(n);
            for (int i = 0; i < n; i++) {
                double dir = s.out[OUTPUTS * i];
                double alpha = s.out[OUTPUTS * i + 1];
                double raw = s.out[OUTPUTS * i + 2];
                double sc = arch.lambdaA * Math.exp(arch.lambdaB * alpha) * dir;
                if (!Double.isFinite(sc) || !Double.isFinite(raw)) {
                    return "non-finite Optimus output (d " + dir + ", alpha " + alpha + ", u " + raw + ") for parameter " + i;
                }
                s.scaled[i] = sc;
                s.u[i] = uNorm * Math.tanh(raw);
            }
            // B_k = B_{k-1} + u uᵀ, then s = B_k · scaled (update first: the step uses ΔB_k).
            double[] b = s.b;
            for (int i = 0; i < n; i++) {
                double ui = s.u[i];
                int r = i * n;
                double acc = 0;
                for (int j = 0; j < n; j++) {
                    double bij = b[r + j] + ui * s.u[j];
                    b[r + j] = bij;
                    acc += bij * s.scaled[j];
                }
                s.step[i] = acc;
            }
            return null;
        }
    }
}
