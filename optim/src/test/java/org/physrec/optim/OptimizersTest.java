package org.physrec.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.physrec.optim.classical.GradientDescent;

class OptimizersTest {

    @Test
    void everyRegisteredNameBuildsAnOptimizerOfThatName() {
        for (String name : Optimizers.all().names()) {
            Optimizer<?> a = Optimizers.byName(name);
            assertEquals(name, a.name());
            assertNotSame(a, Optimizers.byName(name));
        }
        assertEquals("bfgs", Optimizers.byName(" BFGS ").name());
    }

    @Test
    void unknownNameListsTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Optimizers.byName("newton"));
        assertTrue(e.getMessage().contains("'newton'"), e.getMessage());
        for (String known : Optimizers.classical().names()) {
            assertTrue(e.getMessage().contains(known), e.getMessage());
        }
    }

    @Test
    void registryIsExtendedByCopy() {
        OptimizerRegistry base = OptimizerRegistry.empty().with("a", GradientDescent::new);
        OptimizerRegistry more = base.with("b", GradientDescent::new);
        assertEquals(1, base.names().size());
        assertEquals(java.util.List.of("a", "b"), more.names());
        assertThrows(IllegalArgumentException.class, () -> more.with("a", GradientDescent::new));
        assertThrows(IllegalArgumentException.class, () -> more.with("Bad Name", GradientDescent::new));
    }

    @Test
    void classicalOptimizersArePresent() {
        assertEquals(java.util.List.of("gd", "momentum", "adam", "bfgs", "lbfgs"), Optimizers.classical().names());
    }
}
