package org.physrec.optim.meta;

import java.util.List;
import java.util.stream.IntStream;
import org.physrec.optim.nn.ParamLayout;

/**
 * The entries of θ that PES perturbs and updates: all tensors whose name starts with one of the
 * given prefixes (all of θ when there are none). Restricting PES to a few hundred weights is how
 * a small compute budget still gets a usable signal: the variance of the antithetic estimate
 * grows with the number of perturbed weights, and Adam turns a noise-dominated estimate into a
 * random walk of every weight.
 */
public final class TrainableSet {

    /** Ascending indices into θ. */
    private final int[] indices;

    private TrainableSet(int[] indices) {
        this.indices = indices;
    }

    /** Resolves the prefixes against a layout; a prefix that matches no tensor is an error naming it. */
    public static TrainableSet of(ParamLayout layout, List<String> prefixes) {
        if (prefixes.isEmpty()) {
            return new TrainableSet(IntStream.range(0, layout.size()).toArray());
        }
        for (String p : prefixes) {
            if (layout.entries().stream().noneMatch(e -> e.name().startsWith(p))) {
                throw new IllegalArgumentException("trainable: no tensor name starts with '" + p + "'");
            }
        }
        IntStream.Builder b = IntStream.builder();
        for (ParamLayout.Entry e : layout.entries()) {
            if (prefixes.stream().anyMatch(p -> e.name().startsWith(p))) {
                for (int i = 0; i < e.size(); i++) {
                    b.add(e.offset() + i);
                }
            }
        }
        return new TrainableSet(b.build().toArray());
    }

    /** Number of trainable entries. */
    public int size() {
        return indices.length;
    }

    /** Index into θ of trainable entry {@code k}. */
    int index(int k) {
        return indices[k];
    }
}
