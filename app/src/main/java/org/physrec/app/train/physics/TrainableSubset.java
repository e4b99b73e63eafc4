package org.physrec.app.train.physics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.physrec.optim.Optimizer;
import org.physrec.optim.learned.LearnedOptimizer;
import org.physrec.optim.learned.LearnedState;
import org.physrec.optim.nn.ParamLayout;

/**
 * A learned optimizer whose meta-parameters are only some tensors of another one: the chosen
 * tensors (by name prefix) form θ_sub, the rest stay frozen at {@code base}'s values. PES then
 * perturbs and estimates a gradient over far fewer dimensions (the variance of the estimate grows
 * with the number of perturbed parameters), which is what a few hundred outer iterations on
 * 2 shared cores can afford. {@link #full} maps θ_sub back to the whole θ for checkpoints.
 */
public final class TrainableSubset implements LearnedOptimizer {

    private final LearnedOptimizer inner;
    private final float[] base;
    private final ParamLayout layout = new ParamLayout();
    /** Per subset tensor, its offset in the inner θ (same order as {@link #layout}). */
    private final int[] innerOffsets;

    /**
     * @param inner    the full architecture
     * @param base     (inner θ) values of the frozen tensors and the start of the trained ones (copied)
     * @param prefixes tensor-name prefixes to train; each must match at least one tensor
     * @throws IllegalArgumentException naming a prefix that matches no tensor, or a wrong-length base
     */
    public TrainableSubset(LearnedOptimizer inner, float[] base, List<String> prefixes) {
        ParamLayout full = inner.layout();
        if (base.length != full.size()) {
            throw new IllegalArgumentException("base: expected " + full.size() + " values, got " + base.length);
        }
        if (prefixes.isEmpty()) {
            throw new IllegalArgumentException("trainable: no tensor prefixes given");
        }
        for (String p : prefixes) {
            if (full.entries().stream().noneMatch(e -> e.name().startsWith(p))) {
                throw new IllegalArgumentException("trainable: prefix '" + p + "' matches no tensor of " + inner.kind());
            }
        }
        List<Integer> offsets = new ArrayList<>();
        for (ParamLayout.Entry e : full.entries()) {
            if (prefixes.stream().anyMatch(p -> e.name().startsWith(p))) {
                layout.add(e.name(), e.shape());
                offsets.add(e.offset());
            }
        }
        this.inner = inner;
        this.base = base.clone();
        this.innerOffsets = offsets.stream().mapToInt(Integer::intValue).toArray();
    }

    /** θ_sub taken from a whole θ of the inner architecture. */
    public float[] subset(float[] fullTheta) {
        float[] sub = new float[layout.size()];
        List<ParamLayout.Entry> es = layout.entries();
        for (int i = 0; i < es.size(); i++) {
            System.arraycopy(fullTheta, innerOffsets[i], sub, es.get(i).offset(), es.get(i).size());
        }
        return sub;
    }

    /** The whole inner θ: the frozen base with θ_sub written over the trained tensors. */
    public float[] full(float[] sub) {
        if (sub.length != layout.size()) {
            throw new IllegalArgumentException("params: expected " + layout.size() + " values, got " + sub.length);
        }
        float[] theta = base.clone();
        List<ParamLayout.Entry> es = layout.entries();
        for (int i = 0; i < es.size(); i++) {
            System.arraycopy(sub, es.get(i).offset(), theta, innerOffsets[i], es.get(i).size());
        }
        return theta;
    }

    public LearnedOptimizer inner() {
        return inner;
    }

    @Override
    public String kind() {
        return inner.kind();
    }

    @Override
    public ParamLayout layout() {
        return layout;
    }

    /** θ_sub of the base (the seed plays no part: the start is the base). */
    @Override
    public float[] init(long seed) {
        return subset(base);
    }

    @Override
    public Optimizer<? extends LearnedState> instantiate(float[] params, String name) {
        return inner.instantiate(full(params), name);
    }

    /** The inner architecture's config: a checkpoint of this optimizer is saved as the inner one with {@link #full}. */
    @Override
    public Map<String, Object> config() {
        return inner.config();
    }
}
