package org.physrec.physics.character;

/** The Human3.6M 17-joint skeleton: names, parents, bones, and the mean bone lengths (m). */
public final class H36m {
    /** Joint names in dataset order (as in data/motion/index.json). */
    public static final String[] JOINTS = {
        "Hip", "RHip", "RKnee", "RFoot", "LHip", "LKnee", "LFoot", "Spine", "Thorax",
        "Neck/Nose", "Head", "LShoulder", "LElbow", "LWrist", "RShoulder", "RElbow", "RWrist",
    };
    /** Parent of each joint (-1 for the root "Hip"). */
    public static final int[] PARENTS = {-1, 0, 1, 2, 0, 4, 5, 0, 7, 8, 9, 8, 11, 12, 8, 14, 15};
    /** Number of joints (17) and of bones (16); bone b connects joint b+1 to its parent. */
    public static final int JOINT_COUNT = 17;
    public static final int BONE_COUNT = 16;

    /**
     * Human3.6M "common" mean bone lengths (m), bone b = joint b+1 to its parent
     * (OSDCap {@code bone_length_h36m}).
     */
    public static double[] meanBoneLengths() {
        return new double[] {
            0.1272, 0.4343, 0.4488, 0.1272, 0.4343, 0.4488, 0.2459, 0.2485,
            0.0928, 0.1150, 0.1249, 0.2598, 0.2455, 0.1249, 0.2598, 0.2455,
        };
    }

    /**
     * Bone lengths from joint positions of one frame.
     *
     * @param joints (17 x 3) positions, any unit
     * @return (16) lengths in the same unit
     */
    public static double[] boneLengths(double[] joints) {
        if (joints == null || joints.length != 3 * JOINT_COUNT) {
            throw new IllegalArgumentException("joints: expected 51 values, got "
                    + (joints == null ? "null" : joints.length));
        }
        double[] r = new double[BONE_COUNT];
        for (int b = 0; b < BONE_COUNT; b++) {
            int j = b + 1;
            int p = PARENTS[j];
            double dx = joints[3 * j] - joints[3 * p];
            double dy = joints[3 * j + 1] - joints[3 * p + 1];
            double dz = joints[3 * j + 2] - joints[3 * p + 2];
            r[b] = Math.sqrt(dx * dx + dy * dy + dz * dz);
        }
        return r;
    }

    private H36m() {
    }
}
