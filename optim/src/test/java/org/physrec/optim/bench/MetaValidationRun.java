package org.physrec.optim.bench;

import java.util.List;
import java.util.Locale;
import org.physrec.optim.learned.LearnedOptimizers;
import org.physrec.optim.meta.FunctionTaskFamily;
import org.physrec.optim.meta.MetaValidation;
import org.physrec.optim.meta.TestFunctionProblem;

/**
 * Scores learned optimizers on a fixed validation set of the function task family (the settings
 * of configs/train/*-functions.yaml: all 15 functions, d in [2, 64], rotation 0.3, scale 10,
 * init fraction 0.1; 200-step episodes, log loss): the PES meta-objective on tasks no training
 * iteration saw (training draws its tasks from other seeds). Run:
 * {@code java --add-modules jdk.incubator.vector -cp <test-classpath>
 * org.physrec.optim.bench.MetaValidationRun <tasks> <seed> optimus:init optimus:functions path/to/learned.json}.
 */
public final class MetaValidationRun {

    private MetaValidationRun() {
    }

    public static void main(String[] args) {
        int count = Integer.parseInt(args[0]);
        long seed = Long.parseLong(args[1]);
        MetaValidation v = new MetaValidation(new FunctionTaskFamily(TestFunctionProblem.of(List.of("all")), 2, 64, 0.3,
                10.0, 0.1), count, seed, 200, true, 1e-8);
        for (int i = 2; i < args.length; i++) {
            MetaValidation.Score s = v.score(LearnedOptimizers.load(args[i]));
            System.out.printf(Locale.ROOT, "%s: mean log gap over steps %.4f, at step 200 %.4f, failed runs %d (%d tasks, seed %d)%n",
                    args[i], s.meanLoss(), s.finalLoss(), s.failures(), count, seed);
        }
    }
}
