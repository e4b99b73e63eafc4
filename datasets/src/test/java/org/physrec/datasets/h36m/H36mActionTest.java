package org.physrec.datasets.h36m;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class H36mActionTest {

    @Test
    void aliasesAndSubActionNumbering() {
        List<String> s1 = List.of("Directions", "Directions 1", "TakingPhoto", "TakingPhoto 1", "WalkingDog", "WalkingDog 1");
        assertEquals(Optional.of("TakingPhoto 1"), H36mAction.resolve("Photo_1", s1));
        assertEquals(Optional.of("WalkingDog"), H36mAction.resolve("WalkDog", s1));
        assertEquals(Optional.of("Directions 1"), H36mAction.resolve("Directions 1", s1));
        List<String> s11 = List.of("Discussion 1", "Discussion 2", "Photo", "Photo 1");
        assertEquals(Optional.of("Discussion 1"), H36mAction.resolve("Discussion", s11), "first sub-action");
        assertEquals(Optional.of("Discussion 1"), H36mAction.resolve("Discussion_1", s11), "exact number first");
        assertEquals(Optional.of("Discussion 2"), H36mAction.resolve("Discussion 2", s11));
        assertEquals(Optional.empty(), H36mAction.resolve("Discussion_3", s11));
        List<String> smoking = List.of("Smoking", "Smoking 2");
        assertEquals(Optional.of("Smoking 2"), H36mAction.resolve("Smoking_1", smoking), "no 'Smoking 1': second recording");
        assertEquals(Optional.of("Photo"), H36mAction.resolve("TakingPhoto", s11));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> H36mAction.resolve("Dancing", s11));
        assertTrue(e.getMessage().contains("unknown Human3.6M action 'Dancing'"));
    }
}
