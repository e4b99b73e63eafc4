package org.physrec.optim.meta;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.physrec.optim.Objective;
import org.physrec.optim.learned.AdafactorMlp;
import org.physrec.optim.learned.Optimus;

class PesTrainerTest {

    /** ½ Σ a_i x_i² with a_i in [1, 10]; init box [−3, 3]. */
    static final Problem QUADRATIC = new Problem() {
        @Override
        public String name() {
            return "quadratic";
        }

        @Override
        public Objective create(int n) {
            return new Objective() {
                @Override
                public int dimension() {
                    return n;
                }

                @Override
                public double valueAndGradient(double[] x, double[] g) {
                    double f = 0;
                    for (int i = 0; i < n; i++) {
                        double a = 1 + 9.0 * i / Math.max(1, n - 1);
                        f += 0.5 * a * x[i] * x[i];
                        g[i] = a * x[i];
                    }
                    return f;
                }
            };
        }

        @Override
        public double initLower(int n) {
            return -3;
        }

        @Override
        public double initUpper(int n) {
            return 3;
        }

        @Override
        public double minimum(int n) {
            return 0;
        }
    };

    static TaskFamily quadratics() {
        return new FunctionTaskFamily(List.of(QUADRATIC), 2, 12, 0.5, 10, 0.1);
    }

    private static float[] train(LocalEvaluator ev, int iterations, PesSettings s) {
        PesTrainer t = PesTrainer.start(AdafactorMlp.defaults(), quadratics(), s, ev);
        for (int i = 0; i < iterations; i++) {
            t.step();
        }
        return t.theta().clone();
    }

    @Test
    void parallelEqualsSerialBitForBit() {
        PesSettings s = PesSettings.defaults().withTasks(6).withEpisode(8).withTruncation(3).withSeed(4);
        float[] serial;
        float[] parallel;
        try (LocalEvaluator one = new LocalEvaluator(1); LocalEvaluator two = new LocalEvaluator(2)) {
            serial = train(one, 7, s);
            parallel = train(two, 7, s);
        }
        assertArrayEquals(serial, parallel);
        assertTrue(!java.util.Arrays.equals(serial, AdafactorMlp.defaults().init(4)), "training changed θ");
    }

    /** The first episode of each slot is shortened by its own random offset, so slots reset at different times. */
    @Test
    void slotsAreDesynchronized() {
        PesSettings s = PesSettings.defaults().withTasks(6).withEpisode(20).withTruncation(2).withSeed(8);
        float[] theta = AdafactorMlp.defaults().init(0);
        NoiseTable noise = new NoiseTable(theta.length, 0);
        java.util.Set<Integer> secondReset = new java.util.HashSet<>();
        for (int slot = 0; slot < 6; slot++) {
            PesWorker w = new PesWorker(AdafactorMlp.defaults(), quadratics(), s, slot, 0, noise,
                    TrainableSet.of(AdafactorMlp.defaults().layout(), s.trainable()));
            int resets = 0;
            for (int it = 0; it < 30; it++) {
                if (w.unroll(theta, it).reset() && ++resets == 2) {
                    secondReset.add(it);
                    break;
                }
            }
            assertEquals(2, resets, "slot " + slot + " reset twice within 30 iterations");
        }
        assertTrue(secondReset.size() > 1, "slots reset together: " + secondReset);
    }

    /** Meta-training Adafactor-MLP on quadratics lowers the mean log-loss of the unrolls. */
    @Test
    void metaLossDecreasesOnQuadratics() {
        PesSettings s = PesSettings.defaults().withTasks(8).withEpisode(20).withTruncation(5).withLearningRate(3e-2)
                .withSeed(1);
        try (LocalEvaluator ev = new LocalEvaluator(1)) {
            PesTrainer t = PesTrainer.start(AdafactorMlp.defaults(), quadratics(), s, ev);
            double first = 0;
            double last = 0;
            int iters = 160;
            for (int i = 0; i < iters; i++) {
                double l = t.step().metaLoss();
                if (i < 20) {
                    first += l / 20;
                } else if (i >= iters - 20) {
                    last += l / 20;
                }
            }
            assertTrue(last < first - 0.5, "mean log-loss first 20 " + first + ", last 20 " + last);
        }
    }

    /** A task whose objective turns NaN is skipped and logged; θ stays finite. */
    @Test
    void nanTaskIsSkippedNotAveraged() {
        TaskFamily poisoned = new TaskFamily() {
            int count;

            @Override
            public String name() {
                return "poisoned";
            }

            @Override
            public MetaTask sample(SplittableRandom rng) {
                MetaTask base = quadratics().sample(rng);
                boolean bad = (count++ % 2) == 0;
                Objective f = base.objective();
                Objective g = new Objective() {
                    int calls;

                    @Override
                    public int dimension() {
                        return f.dimension();
                    }

                    @Override
                    public double valueAndGradient(double[] x, double[] gr) {
                        double v = f.valueAndGradient(x, gr);
                        return bad && ++calls > 3 ? Double.NaN : v;
                    }
                };
                return new MetaTask(g, base.x0(), 0, base.description() + (bad ? " poisoned" : ""));
            }
        };
        PesSettings s = PesSettings.defaults().withTasks(1).withEpisode(10).withTruncation(4).withSeed(2);
        try (LocalEvaluator ev = new LocalEvaluator(1)) {
            PesTrainer t = PesTrainer.start(AdafactorMlp.defaults(), poisoned, s, ev);
            int skipped = 0;
            for (int i = 0; i < 6; i++) {
                PesTrainer.Step st = t.step();
                skipped += st.failures().size();
                if (!st.failures().isEmpty()) {
                    assertEquals(0, st.usedTasks());
                    assertTrue(st.failures().get(0).contains("poisoned"), st.failures().get(0));
                }
            }
            assertTrue(skipped > 0);
            for (float v : t.theta()) {
                assertTrue(Float.isFinite(v));
            }
        }
    }

    @Test
    void checkpointRestoresThetaAndAdam(@TempDir Path dir) throws Exception {
        Optimus arch = Optimus.defaults().withSize(8, 1, 2, 8);
        PesSettings s = PesSettings.defaults().withTasks(2).withEpisode(6).withTruncation(3);
        try (LocalEvaluator ev = new LocalEvaluator(1)) {
            PesTrainer t = PesTrainer.start(arch, quadratics(), s, ev);
            t.step();
            t.step();
            TrainerCheckpoint.save(dir, t);
            TrainerCheckpoint.Restored r = TrainerCheckpoint.load(dir, arch, s.learningRate());
            assertArrayEquals(t.theta(), r.theta());
            assertArrayEquals(t.adam().firstMoment(), r.adam().firstMoment());
            assertEquals(2, r.iteration());
            assertEquals(2, r.adam().steps());
            PesTrainer a = new PesTrainer(arch, quadratics(), s, ev, r.theta(), r.adam(), r.iteration());
            TrainerCheckpoint.Restored r2 = TrainerCheckpoint.load(dir, arch, s.learningRate());
            PesTrainer b = new PesTrainer(arch, quadratics(), s, ev, r2.theta(), r2.adam(), r2.iteration());
            a.step();
            b.step();
            assertArrayEquals(a.theta(), b.theta(), "resume is deterministic");
        }
    }

    /** Tensors outside the trainable prefixes keep their initial values; the others move. */
    @Test
    void onlyTrainableTensorsChange() {
        PesSettings s = PesSettings.defaults().withTasks(4).withEpisode(8).withTruncation(2).withSeed(5)
                .withLearningRate(1e-2).withTrainable(List.of("decays", "mlp/l2/"));
        AdafactorMlp arch = AdafactorMlp.defaults();
        float[] before = arch.init(s.seed());
        float[] after;
        try (LocalEvaluator one = new LocalEvaluator(1)) {
            after = train(one, 5, s);
        }
        for (org.physrec.optim.nn.ParamLayout.Entry e : arch.layout().entries()) {
            boolean trainable = e.name().startsWith("decays") || e.name().startsWith("mlp/l2/");
            boolean changed = false;
            for (int i = e.offset(); i < e.offset() + e.size(); i++) {
                changed |= before[i] != after[i];
            }
            assertEquals(trainable, changed, e.name() + (trainable ? " did not move" : " moved but is frozen"));
        }
    }

    @Test
    void unknownTrainablePrefixIsNamed() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> TrainableSet.of(AdafactorMlp.defaults().layout(), List.of("decays", "nope/")));
        assertTrue(e.getMessage().contains("nope/"), e.getMessage());
    }
}
