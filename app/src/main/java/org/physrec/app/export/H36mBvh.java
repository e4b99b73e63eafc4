package org.physrec.app.export;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Converts H36M-17 joint positions into BVH motion. The hierarchy follows the H36M-17 parents,
 * with four zero-offset branch joints (RPelvis, LPelvis at the hip centre; LClavicle, RClavicle at
 * the thorax) so that every bone has its own rotation and all 16 bone directions are reproduced
 * exactly even when the pelvis or shoulder girdle is not rigid. Offsets: per-bone median length over
 * the clip along a T-pose rest direction (BVH space is y up, facing +z, subject's left = +x).
 *
 * <p>Rotations, with a fixed twist rule: the root (pelvis) and thorax take the frame built from their
 * up bone (spine, neck) and their lateral line (left minus right hip, left minus right shoulder);
 * every other joint takes the smallest rotation (no twist) that carries its child's rest direction
 * onto the observed one in its parent's frame. Leaf joints (ankles, head, wrists) keep zero
 * rotation. World (x, y, z) with z up maps to BVH (x, z, -y); lengths stay in mm. Channel order is
 * "Zrotation Xrotation Yrotation" (the CMU convention); angles are unwrapped to stay continuous.
 */
public final class H36mBvh {

    /** H36M-17 joint names as written to BVH ('/' is not a safe name character there). */
    public static final List<String> H36M_NAMES = List.of("Hip", "RHip", "RKnee", "RFoot", "LHip", "LKnee", "LFoot",
            "Spine", "Thorax", "Neck_Nose", "Head", "LShoulder", "LElbow", "LWrist", "RShoulder", "RElbow", "RWrist");
    /** H36M-17 parents. */
    public static final int[] H36M_PARENTS = {-1, 0, 1, 2, 0, 4, 5, 0, 7, 8, 9, 8, 11, 12, 8, 14, 15};

    private static final int J = 17;
    private static final double[] LEFT = {1, 0, 0};
    private static final double[] RIGHT = {-1, 0, 0};
    private static final double[] UP = {0, 1, 0};
    private static final double[] DOWN = {0, -1, 0};
    private static final double END_SITE_FRACTION = 0.25;

    private enum Kind { ROOT_FRAME, THORAX_FRAME, SWING, LEAF }

    /**
     * One BVH joint. {@code h36m} is the H36M joint at its position (for a branch joint, its parent's);
     * {@code bone} is the H36M joint whose incoming bone gives the offset length (-1: zero offset);
     * {@code rest} the rest direction of the offset.
     */
    private record Node(String name, int parent, int h36m, int bone, double[] rest, Kind kind) {
    }

    private static final List<Node> NODES = List.of(
            new Node("Hip", -1, 0, -1, null, Kind.ROOT_FRAME),
            new Node("RPelvis", 0, 0, -1, null, Kind.SWING),
            new Node("RHip", 1, 1, 1, RIGHT, Kind.SWING),
            new Node("RKnee", 2, 2, 2, DOWN, Kind.SWING),
            new Node("RFoot", 3, 3, 3, DOWN, Kind.LEAF),
            new Node("LPelvis", 0, 0, -1, null, Kind.SWING),
            new Node("LHip", 5, 4, 4, LEFT, Kind.SWING),
            new Node("LKnee", 6, 5, 5, DOWN, Kind.SWING),
            new Node("LFoot", 7, 6, 6, DOWN, Kind.LEAF),
            new Node("Spine", 0, 7, 7, UP, Kind.SWING),
            new Node("Thorax", 9, 8, 8, UP, Kind.THORAX_FRAME),
            new Node("Neck_Nose", 10, 9, 9, UP, Kind.SWING),
            new Node("Head", 11, 10, 10, UP, Kind.LEAF),
            new Node("LClavicle", 10, 8, -1, null, Kind.SWING),
            new Node("LShoulder", 13, 11, 11, LEFT, Kind.SWING),
            new Node("LElbow", 14, 12, 12, LEFT, Kind.SWING),
            new Node("LWrist", 15, 13, 13, LEFT, Kind.LEAF),
            new Node("RClavicle", 10, 8, -1, null, Kind.SWING),
            new Node("RShoulder", 17, 14, 14, RIGHT, Kind.SWING),
            new Node("RElbow", 18, 15, 15, RIGHT, Kind.SWING),
            new Node("RWrist", 19, 16, 16, RIGHT, Kind.LEAF));

    private static final List<String> ROOT_CHANNELS = List.of("Xposition", "Yposition", "Zposition", "Zrotation",
            "Xrotation", "Yrotation");
    private static final List<String> ROT_CHANNELS = List.of("Zrotation", "Xrotation", "Yrotation");

    private H36mBvh() {
    }

    /** Index in the BVH file of each H36M-17 joint (17 entries). */
    public static int[] bvhIndexOfH36m() {
        int[] out = new int[J];
        for (int b = 0; b < NODES.size(); b++) {
            Node n = NODES.get(b);
            if (n.bone >= 0 || n.parent < 0) {
                out[n.h36m] = b;
            }
        }
        return out;
    }

    /** World z-up (x, y, z) to BVH y-up (x, z, -y). */
    public static void worldToBvh(double[] world, int offset, double[] out) {
        out[0] = world[offset];
        out[1] = world[offset + 2];
        out[2] = -world[offset + 1];
    }

    /** BVH y-up (x, y, z) to world z-up (x, -z, y). */
    public static void bvhToWorld(double[] bvh, int offset, double[] out) {
        out[0] = bvh[offset];
        out[1] = -bvh[offset + 2];
        out[2] = bvh[offset + 1];
    }

    /**
     * Builds the BVH of a clip.
     *
     * @param fps    frame rate, Hz
     * @param joints (T x 17 x 3) world joint positions, mm, z up, H36M-17 order
     * @param frames T
     * @throws IllegalArgumentException on bad shapes, non-finite values, or a frame whose bones
     *                                  collapse (zero length, or a degenerate pelvis/shoulder frame)
     */
    public static BvhFile fromJoints(double fps, double[] joints, int frames) {
        if (!(fps > 0) || !Double.isFinite(fps)) {
            throw new IllegalArgumentException("fps: must be finite and > 0, got " + fps);
        }
        org.physrec.app.eval.JointArrays.check("joints", joints, frames, J);
        double[] p = new double[joints.length];
        double[] v = new double[3];
        for (int i = 0; i < joints.length; i += 3) {
            worldToBvh(joints, i, v);
            System.arraycopy(v, 0, p, i, 3);
        }
        double[] lengths = medianBoneLengths(p, frames);
        int n = NODES.size();
        List<String> names = new ArrayList<>();
        int[] parents = new int[n];
        double[] offsets = new double[3 * n];
        double[] endSites = new double[3 * n];
        Arrays.fill(endSites, Double.NaN);
        List<List<String>> channels = new ArrayList<>();
        for (int b = 0; b < n; b++) {
            Node node = NODES.get(b);
            names.add(node.name);
            parents[b] = node.parent;
            if (node.bone >= 0) {
                for (int c = 0; c < 3; c++) {
                    offsets[3 * b + c] = node.rest[c] * lengths[node.bone];
                }
            }
            if (node.kind == Kind.LEAF) {
                for (int c = 0; c < 3; c++) {
                    endSites[3 * b + c] = node.rest[c] * lengths[node.bone] * END_SITE_FRACTION;
                }
            }
            channels.add(node.parent < 0 ? ROOT_CHANNELS : ROT_CHANNELS);
        }
        int perFrame = 6 + 3 * (n - 1);
        double[] motion = new double[frames * perFrame];
        double[] world = new double[9 * n];
        double[] local = new double[9];
        double[] parentWorld = new double[9];
        double[] tmp = new double[9];
        double[] observed = new double[3];
        double[] inParent = new double[3];
        double[] up = new double[3];
        double[] lateral = new double[3];
        double[] euler = new double[3];
        double[] previous = new double[3 * n];
        for (int t = 0; t < frames; t++) {
            int base = t * J * 3;
            int k = t * perFrame;
            System.arraycopy(p, base, motion, k, 3);
            k += 3;
            for (int b = 0; b < n; b++) {
                Node node = NODES.get(b);
                if (node.parent < 0) {
                    Rotations.identity(parentWorld);
                } else {
                    System.arraycopy(world, 9 * node.parent, parentWorld, 0, 9);
                }
                switch (node.kind) {
                    case ROOT_FRAME, THORAX_FRAME -> {
                        boolean root = node.kind == Kind.ROOT_FRAME;
                        diff(p, base, root ? 7 : 9, root ? 0 : 8, up);
                        diff(p, base, root ? 4 : 11, root ? 1 : 14, lateral);
                        if (!Rotations.frame(up, lateral, tmp)) {
                            throw new IllegalArgumentException("joints: frame " + t + ": " + (root ? "pelvis" : "thorax")
                                    + " frame is degenerate (up bone of zero length or parallel to the lateral line)");
                        }
                        // rest frame is the identity, so the world rotation is the observed frame
                        System.arraycopy(tmp, 0, world, 9 * b, 9);
                        Rotations.mulTransA(parentWorld, tmp, local);
                    }
                    case SWING -> {
                        Node child = NODES.get(b + 1); // every SWING joint's single child follows it
                        diff(p, base, child.h36m, node.h36m, observed);
                        double len = Math.sqrt(observed[0] * observed[0] + observed[1] * observed[1]
                                + observed[2] * observed[2]);
                        if (len < 1e-9) {
                            throw new IllegalArgumentException("joints: frame " + t + ": bone " + H36M_NAMES.get(node.h36m)
                                    + " -> " + H36M_NAMES.get(child.h36m) + " has zero length");
                        }
                        for (int c = 0; c < 3; c++) {
                            observed[c] /= len;
                        }
                        Rotations.transMulVec(parentWorld, observed, inParent);
                        Rotations.swing(child.rest, inParent, local);
                        Rotations.mul(parentWorld, local, tmp);
                        System.arraycopy(tmp, 0, world, 9 * b, 9);
                    }
                    case LEAF -> {
                        Rotations.identity(local);
                        System.arraycopy(parentWorld, 0, world, 9 * b, 9);
                    }
                    default -> throw new IllegalStateException(node.kind.toString());
                }
                Rotations.eulerZxyDegrees(local, t == 0 ? null : previous, 3 * b, euler);
                System.arraycopy(euler, 0, previous, 3 * b, 3);
                System.arraycopy(euler, 0, motion, k, 3);
                k += 3;
            }
        }
        return new BvhFile(names, parents, offsets, channels, endSites, 1.0 / fps, frames, motion);
    }

    /** (17) median over frames of each bone's length (index = child joint; entry 0 unused), mm. */
    static double[] medianBoneLengths(double[] p, int frames) {
        double[] out = new double[J];
        double[] l = new double[frames];
        for (int j = 1; j < J; j++) {
            int parent = H36M_PARENTS[j];
            for (int t = 0; t < frames; t++) {
                int a = (t * J + j) * 3;
                int b = (t * J + parent) * 3;
                double dx = p[a] - p[b], dy = p[a + 1] - p[b + 1], dz = p[a + 2] - p[b + 2];
                l[t] = Math.sqrt(dx * dx + dy * dy + dz * dz);
            }
            double[] sorted = l.clone();
            Arrays.sort(sorted);
            out[j] = frames % 2 == 1 ? sorted[frames / 2] : 0.5 * (sorted[frames / 2 - 1] + sorted[frames / 2]);
        }
        return out;
    }

    private static void diff(double[] p, int base, int to, int from, double[] out) {
        for (int c = 0; c < 3; c++) {
            out[c] = p[base + to * 3 + c] - p[base + from * 3 + c];
        }
    }
}
