package org.physrec.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SkeletonTest {

    @Test
    void h36mMatchesVideoPose3D() {
        Skeleton s = Skeleton.H36M_17;
        assertEquals(17, s.jointCount());
        assertArrayEquals(new int[] {-1, 0, 1, 2, 0, 4, 5, 0, 7, 8, 9, 8, 11, 12, 8, 14, 15}, s.parents());
        assertArrayEquals(new int[] {4, 5, 6, 11, 12, 13}, s.leftJoints());
        assertArrayEquals(new int[] {1, 2, 3, 14, 15, 16}, s.rightJoints());
    }

    @Test
    void cocoMirrorsLeftAndRight() {
        Skeleton s = Skeleton.COCO_17;
        for (int j = 0; j < 17; j++) {
            String n = s.jointName(j);
            String m = s.jointName(s.mirrorOf(j));
            assertEquals(n.replace("left_", "X").replace("right_", "X"), m.replace("left_", "X").replace("right_", "X"));
        }
        assertArrayEquals(new int[] {1, 3, 5, 7, 9, 11, 13, 15}, s.leftJoints());
    }

    @Test
    void namedLookupAndUnknownName() {
        assertEquals(Skeleton.H36M_17, Skeleton.named("H36M-17"));
        assertEquals(Skeleton.COCO_17, Skeleton.named("coco17"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Skeleton.named("smpl24"));
        assertTrue(e.getMessage().contains("smpl24"));
    }

    @Test
    void invalidTreesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Skeleton("x", List.of("a", "b"), new int[] {-1, -1}, new int[] {0, 1}));
        assertThrows(IllegalArgumentException.class, () -> new Skeleton("x", List.of("a", "b", "c"), new int[] {-1, 2, 1}, new int[] {0, 1, 2}));
        assertThrows(IllegalArgumentException.class, () -> new Skeleton("x", List.of("a", "b"), new int[] {-1, 0}, new int[] {1, 1}));
    }
}
