package org.physrec.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class JointMapTest {

    @Test
    void cocoToH36mAveragesHipsAndMarksSpineMissing() {
        double[] coco = new double[17 * 3];
        for (int j = 0; j < 17; j++) {
            coco[3 * j] = j;
            coco[3 * j + 1] = 10 * j;
            coco[3 * j + 2] = 100;
        }
        double[] h = JointMap.COCO17_TO_H36M17.mapPoints(coco, 1, 3);
        assertArrayEquals(new double[] {11.5, 115, 100}, java.util.Arrays.copyOfRange(h, 0, 3), 0);
        assertTrue(Double.isNaN(h[7 * 3]) && Double.isNaN(h[7 * 3 + 2]), "Spine has no COCO equivalent");
        assertEquals(16, h[3 * 3]); // RFoot = right_ankle
        assertEquals(5.5, h[8 * 3]); // thorax = mid shoulders
        double[] conf = new double[17];
        java.util.Arrays.fill(conf, 0.9);
        conf[12] = 0.2;
        double[] hc = JointMap.COCO17_TO_H36M17.mapConfidences(conf, 1);
        assertEquals(0.2, hc[0]); // pelvis: min of both hips
        assertEquals(0, hc[7]);
        assertEquals(0.9, hc[4]);
    }

    @Test
    void roundTripKeepsTheSharedLimbJoints() {
        double[] h = new double[17 * 3];
        for (int i = 0; i < h.length; i++) {
            h[i] = i * 1.5;
        }
        double[] back = JointMap.H36M17_TO_COCO17.then(JointMap.COCO17_TO_H36M17).mapPoints(h, 1, 3);
        for (int j : JointMap.H36M17_SHARED_LIMB_JOINTS) {
            assertArrayEquals(java.util.Arrays.copyOfRange(h, 3 * j, 3 * j + 3), java.util.Arrays.copyOfRange(back, 3 * j, 3 * j + 3), 1e-12);
        }
        assertTrue(Double.isNaN(back[3 * 10]), "Head needs the ears, which H36M lacks");
    }

    @Test
    void openPoseBody25ReachesH36mThroughCoco() {
        JointMap m = JointMap.between(Skeleton.OPENPOSE_BODY_25, Skeleton.H36M_17);
        assertArrayEquals(new int[] {12, 9}, m.sourcesOf(0)); // LHip, RHip of BODY_25
        assertTrue(m.isMissing(7));
    }
}
