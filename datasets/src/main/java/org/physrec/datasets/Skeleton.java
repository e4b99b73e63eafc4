package org.physrec.datasets;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A named joint set: joint names, parent indices (-1 for the root) and the left/right mirror of
 * every joint (a joint on the midline mirrors onto itself). Immutable.
 */
public final class Skeleton {

    /**
     * Human3.6M 17-joint evaluation set (VideoPose3D order, from the 32-joint release indices
     * 0,1,2,3,6,7,8,12,13,14,15,17,18,19,25,26,27). "RFoot"/"LFoot" are the ankles.
     */
    public static final Skeleton H36M_17 = new Skeleton("h36m17",
            List.of("Hip", "RHip", "RKnee", "RFoot", "LHip", "LKnee", "LFoot", "Spine", "Thorax",
                    "Neck/Nose", "Head", "LShoulder", "LElbow", "LWrist", "RShoulder", "RElbow", "RWrist"),
            new int[] {-1, 0, 1, 2, 0, 4, 5, 0, 7, 8, 9, 8, 11, 12, 8, 14, 15},
            new int[] {0, 4, 5, 6, 1, 2, 3, 7, 8, 9, 10, 14, 15, 16, 11, 12, 13});

    /** COCO 17 keypoints (detectron2 order). The tree is rooted at the nose, as drawn by COCO. */
    public static final Skeleton COCO_17 = new Skeleton("coco17",
            List.of("nose", "left_eye", "right_eye", "left_ear", "right_ear", "left_shoulder",
                    "right_shoulder", "left_elbow", "right_elbow", "left_wrist", "right_wrist", "left_hip",
                    "right_hip", "left_knee", "right_knee", "left_ankle", "right_ankle"),
            new int[] {-1, 0, 0, 1, 2, 0, 0, 5, 6, 7, 8, 5, 6, 11, 12, 13, 14},
            new int[] {0, 2, 1, 4, 3, 6, 5, 8, 7, 10, 9, 12, 11, 14, 13, 16, 15});

    /** OpenPose BODY_25 (OpenPose output order; joint 8 is the mid hip). */
    public static final Skeleton OPENPOSE_BODY_25 = new Skeleton("body25",
            List.of("Nose", "Neck", "RShoulder", "RElbow", "RWrist", "LShoulder", "LElbow", "LWrist",
                    "MidHip", "RHip", "RKnee", "RAnkle", "LHip", "LKnee", "LAnkle", "REye", "LEye", "REar",
                    "LEar", "LBigToe", "LSmallToe", "LHeel", "RBigToe", "RSmallToe", "RHeel"),
            new int[] {1, 8, 1, 2, 3, 1, 5, 6, -1, 8, 9, 10, 8, 12, 13, 0, 0, 15, 16, 14, 19, 14, 11, 22, 11},
            new int[] {0, 1, 5, 6, 7, 2, 3, 4, 8, 12, 13, 14, 9, 10, 11, 16, 15, 18, 17, 22, 23, 24, 19, 20, 21});

    /** OpenPose COCO-18 model (the old OpenPose "COCO" output: COCO-17 plus a neck, other order). */
    public static final Skeleton OPENPOSE_COCO_18 = new Skeleton("openpose_coco18",
            List.of("Nose", "Neck", "RShoulder", "RElbow", "RWrist", "LShoulder", "LElbow", "LWrist",
                    "RHip", "RKnee", "RAnkle", "LHip", "LKnee", "LAnkle", "REye", "LEye", "REar", "LEar"),
            new int[] {1, -1, 1, 2, 3, 1, 5, 6, 1, 8, 9, 1, 11, 12, 0, 0, 14, 15},
            new int[] {0, 1, 5, 6, 7, 2, 3, 4, 11, 12, 13, 8, 9, 10, 15, 14, 17, 16});

    private final String name;
    private final List<String> jointNames;
    private final int[] parents;
    private final int[] mirror;

    /**
     * @param name     short identifier, e.g. "h36m17"
     * @param jointNames one name per joint
     * @param parents  parent index per joint, -1 for exactly one root, parents form a tree
     * @param mirror   left/right counterpart per joint; must be an involution
     */
    public Skeleton(String name, List<String> jointNames, int[] parents, int[] mirror) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name: must not be blank");
        }
        int n = jointNames.size();
        if (n == 0) {
            throw new IllegalArgumentException("jointNames: skeleton " + name + " has no joints");
        }
        if (parents.length != n || mirror.length != n) {
            throw new IllegalArgumentException("parents/mirror: expected " + n + " values, got "
                    + parents.length + "/" + mirror.length);
        }
        int roots = 0;
        for (int j = 0; j < n; j++) {
            if (parents[j] == -1) {
                roots++;
            } else if (parents[j] < 0 || parents[j] >= n || parents[j] == j) {
                throw new IllegalArgumentException("parents[" + j + "]: invalid parent " + parents[j]);
            }
            if (mirror[j] < 0 || mirror[j] >= n || mirror[mirror[j]] != j) {
                throw new IllegalArgumentException("mirror[" + j + "]: not a left/right involution");
            }
        }
        if (roots != 1) {
            throw new IllegalArgumentException("parents: expected exactly one root, got " + roots);
        }
        for (int j = 0; j < n; j++) { // no cycles: every chain reaches the root within n steps
            int k = j;
            for (int steps = 0; parents[k] != -1; steps++) {
                if (steps > n) {
                    throw new IllegalArgumentException("parents: cycle through joint " + j);
                }
                k = parents[k];
            }
        }
        this.name = name;
        this.jointNames = List.copyOf(jointNames);
        this.parents = parents.clone();
        this.mirror = mirror.clone();
    }

    /** Built-in skeleton by name (case-insensitive: h36m17, coco17, body25, openpose_coco18). */
    public static Skeleton named(String name) {
        String key = name == null ? "" : name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        switch (key) {
            case "h36m17": case "h36m": case "human36m17":
                return H36M_17;
            case "coco17": case "coco":
                return COCO_17;
            case "body25": case "openposebody25":
                return OPENPOSE_BODY_25;
            case "openposecoco18": case "coco18":
                return OPENPOSE_COCO_18;
            default:
                throw new IllegalArgumentException("skeleton: unknown skeleton name '" + name
                        + "' (known: h36m17, coco17, body25, openpose_coco18)");
        }
    }

    /** The built-in skeleton with exactly these joint names and parents, if there is one. */
    public static java.util.Optional<Skeleton> matching(List<String> names, int[] parents) {
        for (Skeleton s : List.of(H36M_17, COCO_17, OPENPOSE_BODY_25, OPENPOSE_COCO_18)) {
            if (s.jointNames.equals(names) && (parents == null || Arrays.equals(s.parents, parents))) {
                return java.util.Optional.of(s);
            }
        }
        return java.util.Optional.empty();
    }

    public String name() {
        return name;
    }

    public int jointCount() {
        return jointNames.size();
    }

    public List<String> jointNames() {
        return jointNames;
    }

    public String jointName(int j) {
        return jointNames.get(j);
    }

    /** Index of a joint by exact name. */
    public int indexOf(String jointName) {
        int i = jointNames.indexOf(jointName);
        if (i < 0) {
            throw new IllegalArgumentException("joint: no joint '" + jointName + "' in skeleton " + name);
        }
        return i;
    }

    /** Parent index per joint (a copy), -1 for the root. */
    public int[] parents() {
        return parents.clone();
    }

    public int parent(int j) {
        return parents[j];
    }

    /** Left/right counterpart per joint (a copy); midline joints map onto themselves. */
    public int[] mirror() {
        return mirror.clone();
    }

    public int mirrorOf(int j) {
        return mirror[j];
    }

    /** Joints whose mirror is another joint and whose name marks them as left. */
    public int[] leftJoints() {
        return Arrays.stream(range()).filter(j -> mirror[j] != j && isLeftName(jointNames.get(j))).toArray();
    }

    /** The mirrors of {@link #leftJoints()}, in the same order. */
    public int[] rightJoints() {
        return Arrays.stream(leftJoints()).map(j -> mirror[j]).toArray();
    }

    private int[] range() {
        int[] r = new int[jointCount()];
        Arrays.setAll(r, i -> i);
        return r;
    }

    private static boolean isLeftName(String n) {
        return n.startsWith("L") && n.length() > 1 && Character.isUpperCase(n.charAt(1)) || n.startsWith("left_");
    }

    @Override
    public String toString() {
        return name + "(" + jointCount() + " joints)";
    }
}
