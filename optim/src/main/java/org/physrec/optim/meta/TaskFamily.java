package org.physrec.optim.meta;

import java.util.SplittableRandom;

/** A distribution over inner problems; sampling is deterministic in the generator's state. */
public interface TaskFamily {

    /** A short name for logs and configs. */
    String name();

    MetaTask sample(SplittableRandom rng);
}
