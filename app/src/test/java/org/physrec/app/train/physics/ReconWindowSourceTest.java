package org.physrec.app.train.physics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.physrec.app.recon.ReconstructionObjective;
import org.physrec.app.recon.ReconstructionSettings;
import org.physrec.datasets.DataRoot;
import org.physrec.optim.meta.LocalEvaluator;
import org.physrec.optim.meta.MetaTask;

/** Physics windows: finite, exact gradients, reproducible, split by file. */
class ReconWindowSourceTest {

    private static ReconWindowSource source(int window) {
        var dir = DataRoot.motion();
        assumeTrue(dir.isPresent(), "shared motion data not found");
        return new ReconWindowSource(dir.get(), ReconstructionSettings.DEFAULTS.withWindow(window, 0));
    }

    @Test
    void heldOutWindowsAreFiniteAndReproducible() {
        ReconWindowSource src = source(4);
        List<String> files = WindowSplit.DEFAULT.heldOut();
        List<ReconWindow> a;
        List<ReconWindow> b;
        try (LocalEvaluator serial = new LocalEvaluator(1); LocalEvaluator two = new LocalEvaluator(2)) {
            a = src.windows(files, 3, 7, serial);
            b = src.windows(files, 3, 7, two);
        }
        assertEquals(3, a.size());
        assertTrue(a.get(0).id().startsWith("cmu_salsa_01_daz@"), a.get(0).id());
        assertTrue(a.get(1).id().startsWith("aistpp_"), a.get(1).id());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).id(), b.get(i).id());
            assertArrayEquals(a.get(i).x0(), b.get(i).x0());
            ReconstructionObjective fa = a.get(i).objective();
            ReconstructionObjective fb = b.get(i).objective();
            double[] ga = new double[fa.dimension()];
            double[] gb = new double[fb.dimension()];
            double va = fa.valueAndGradient(a.get(i).x0(), ga);
            double vb = fb.valueAndGradient(b.get(i).x0(), gb);
            assertTrue(Double.isFinite(va) && va > 0, a.get(i).id() + ": f(x0) = " + va);
            assertEquals(va, vb, 0.0);
            assertArrayEquals(ga, gb, 0.0);
            for (double g : ga) {
                assertTrue(Double.isFinite(g), a.get(i).id() + ": non-finite gradient");
            }
        }
        List<ReconWindow> other;
        try (LocalEvaluator serial = new LocalEvaluator(1)) {
            other = src.windows(files, 1, 8, serial);
        }
        assertNotEquals(a.get(0).objective().value(a.get(0).x0()), other.get(0).objective().value(other.get(0).x0()),
                "another seed gives another window");
    }

    @Test
    void gradientMatchesCentralDifferencesOnASmallWindow() {
        ReconWindowSource src = source(2);
        ReconWindow w;
        try (LocalEvaluator serial = new LocalEvaluator(1)) {
            w = src.windows(WindowSplit.DEFAULT.train(), 1, 3, serial).get(0);
        }
        ReconstructionObjective f = w.objective();
        double[] x = w.x0().clone();
        SplittableRandom rnd = new SplittableRandom(5);
        for (int i = 0; i < x.length; i++) {
            x[i] += 0.02 * (rnd.nextDouble() - 0.5);
        }
        double[] g = new double[x.length];
        double value = f.valueAndGradient(x, g);
        assertTrue(Double.isFinite(value) && value > 0, "value " + value);
        double maxAbs = 0;
        for (double gi : g) {
            maxAbs = Math.max(maxAbs, Math.abs(gi));
        }
        double h = 1e-5;
        for (int i = 0; i < x.length; i++) {
            double keep = x[i];
            x[i] = keep + h;
            double fp = f.value(x);
            x[i] = keep - h;
            double fm = f.value(x);
            x[i] = keep;
            double fd = (fp - fm) / (2 * h);
            assertEquals(fd, g[i], 1e-6 * maxAbs + 1e-4 * Math.abs(fd), "variable " + i + " (max |g| " + maxAbs + ")");
        }
    }

    @Test
    void taskFamilySamplesFreshObjectivesDeterministically() {
        ReconWindowSource src = source(4);
        PhysicsTaskFamily family;
        try (LocalEvaluator serial = new LocalEvaluator(1)) {
            family = new PhysicsTaskFamily(src.windows(WindowSplit.DEFAULT.train(), 3, 11, serial));
        }
        MetaTask t1 = family.sample(new SplittableRandom(4));
        MetaTask t2 = family.sample(new SplittableRandom(4));
        assertEquals(t1.description(), t2.description());
        assertTrue(t1.objective() != t2.objective(), "each sample owns its objective");
        assertEquals(t1.objective().value(t1.x0()), t2.objective().value(t2.x0()), 0.0);
        assertEquals(0.0, t1.lowerBound());
    }

    @Test
    void badInputsAreNamed() {
        ReconWindowSource src = source(4);
        try (LocalEvaluator serial = new LocalEvaluator(1)) {
            var e = assertThrows(IllegalArgumentException.class,
                    () -> src.windows(List.of("no_such_clip.json"), 1, 0, serial));
            assertTrue(e.getMessage().contains("no_such_clip.json"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> new WindowSplit(List.of("a.json"), List.of("a.json")));
        assertThrows(IllegalArgumentException.class, () -> new ReconWindowSource(Path.of("/no/such/dir"),
                ReconstructionSettings.DEFAULTS));
    }
}
