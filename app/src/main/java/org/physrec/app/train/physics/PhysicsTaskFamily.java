package org.physrec.app.train.physics;

import java.util.List;
import java.util.SplittableRandom;
import org.physrec.optim.meta.MetaTask;
import org.physrec.optim.meta.TaskFamily;

/**
 * Reconstruction windows as a PES task family: a fixed pool of training windows (built once
 * by {@link ReconWindowSource} from the training files of a {@link WindowSplit}); each sample
 * draws one window and gives it a fresh objective (own simulator), so slots can run on any
 * thread. The loss is ≥ 0, so the lower bound is 0.
 */
public final class PhysicsTaskFamily implements TaskFamily {

    private final List<ReconWindow> pool;

    public PhysicsTaskFamily(List<ReconWindow> pool) {
        if (pool.isEmpty()) {
            throw new IllegalArgumentException("pool: no windows");
        }
        this.pool = List.copyOf(pool);
    }

    @Override
    public String name() {
        return "physics";
    }

    public List<ReconWindow> pool() {
        return pool;
    }

    @Override
    public MetaTask sample(SplittableRandom rng) {
        ReconWindow w = pool.get(rng.nextInt(pool.size()));
        return new MetaTask(w.objective(), w.x0().clone(), 0.0, "window " + w.id());
    }
}
