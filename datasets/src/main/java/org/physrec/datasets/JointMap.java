package org.physrec.datasets;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Maps keypoints of a source skeleton onto a target skeleton: every target joint is either the
 * mean of one or more source joints or <em>missing</em> (no equivalent). Missing joints come out
 * as NaN coordinates with confidence 0; nothing is invented. A mean of several source joints is
 * missing as soon as one of them is missing, and its confidence is the minimum of theirs.
 */
public final class JointMap {

    /** COCO-17 to H36M-17 after diffphy-spec §6.4: pelvis = mid hips, thorax = mid shoulders,
     *  Neck/Nose = nose, Head = mid ears; Spine has no COCO equivalent. */
    public static final JointMap COCO17_TO_H36M17 = new JointMap(Skeleton.COCO_17, Skeleton.H36M_17, new int[][] {
        {11, 12}, {12}, {14}, {16}, {11}, {13}, {15}, {}, {5, 6}, {0}, {3, 4}, {5}, {7}, {9}, {6}, {8}, {10}});

    /** H36M-17 to COCO-17: the 12 limb joints and the nose (from Neck/Nose); eyes and ears are missing. */
    public static final JointMap H36M17_TO_COCO17 = new JointMap(Skeleton.H36M_17, Skeleton.COCO_17, new int[][] {
        {9}, {}, {}, {}, {}, {11}, {14}, {12}, {15}, {13}, {16}, {4}, {1}, {5}, {2}, {6}, {3}});

    /** OpenPose BODY_25 to COCO-17 (a reordering; BODY_25's neck, mid hip, feet are dropped). */
    public static final JointMap BODY25_TO_COCO17 = new JointMap(Skeleton.OPENPOSE_BODY_25, Skeleton.COCO_17,
            new int[][] {{0}, {16}, {15}, {18}, {17}, {5}, {2}, {6}, {3}, {7}, {4}, {12}, {9}, {13}, {10}, {14}, {11}});

    /** OpenPose COCO-18 to COCO-17 (a reordering; the neck is dropped). */
    public static final JointMap COCO18_TO_COCO17 = new JointMap(Skeleton.OPENPOSE_COCO_18, Skeleton.COCO_17,
            new int[][] {{0}, {15}, {14}, {17}, {16}, {5}, {2}, {6}, {3}, {7}, {4}, {11}, {8}, {12}, {9}, {13}, {10}});

    /** The 12 limb joints shared by COCO-17 and H36M-17, as H36M-17 indices (hips, knees, ankles,
     *  shoulders, elbows, wrists): compare across the two skeletons only on these. */
    public static final int[] H36M17_SHARED_LIMB_JOINTS = {1, 2, 3, 4, 5, 6, 11, 12, 13, 14, 15, 16};

    private final Skeleton source;
    private final Skeleton target;
    private final int[][] sources;

    /**
     * @param source  skeleton of the input
     * @param target  skeleton of the output
     * @param sources per target joint, the source joints to average; empty for "missing"
     */
    public JointMap(Skeleton source, Skeleton target, int[][] sources) {
        if (sources.length != target.jointCount()) {
            throw new IllegalArgumentException("sources: expected " + target.jointCount() + " entries (one per "
                    + target.name() + " joint), got " + sources.length);
        }
        this.sources = new int[sources.length][];
        for (int j = 0; j < sources.length; j++) {
            for (int s : sources[j]) {
                if (s < 0 || s >= source.jointCount()) {
                    throw new IllegalArgumentException("sources[" + j + "]: source joint " + s + " outside "
                            + source.name());
                }
            }
            this.sources[j] = sources[j].clone();
        }
        this.source = source;
        this.target = target;
    }

    /** Identity map of a skeleton onto itself. */
    public static JointMap identity(Skeleton s) {
        int[][] src = new int[s.jointCount()][];
        for (int j = 0; j < src.length; j++) {
            src[j] = new int[] {j};
        }
        return new JointMap(s, s, src);
    }

    /** The built-in map between two built-in skeletons. */
    public static JointMap between(Skeleton from, Skeleton to) {
        if (from == to) {
            return identity(from);
        }
        for (JointMap m : List.of(COCO17_TO_H36M17, H36M17_TO_COCO17, BODY25_TO_COCO17, COCO18_TO_COCO17)) {
            if (m.source == from && m.target == to) {
                return m;
            }
        }
        if ((from == Skeleton.OPENPOSE_BODY_25 || from == Skeleton.OPENPOSE_COCO_18) && to == Skeleton.H36M_17) {
            return between(from, Skeleton.COCO_17).then(COCO17_TO_H36M17);
        }
        throw new IllegalArgumentException("joint map: no built-in map from " + from.name() + " to " + to.name());
    }

    /** This map followed by {@code next}; a target joint averaging averaged joints keeps all of them. */
    public JointMap then(JointMap next) {
        if (next.source != target) {
            throw new IllegalArgumentException("next: maps from " + next.source.name() + ", expected " + target.name());
        }
        int[][] composed = new int[next.target.jointCount()][];
        for (int j = 0; j < composed.length; j++) {
            List<Integer> all = new ArrayList<>();
            boolean missing = next.sources[j].length == 0;
            for (int mid : next.sources[j]) {
                if (sources[mid].length == 0) {
                    missing = true;
                }
                for (int s : sources[mid]) {
                    all.add(s);
                }
            }
            composed[j] = missing ? new int[0] : all.stream().mapToInt(Integer::intValue).toArray();
        }
        return new JointMap(source, next.target, composed);
    }

    public Skeleton source() {
        return source;
    }

    public Skeleton target() {
        return target;
    }

    /** True when target joint {@code j} has no source equivalent. */
    public boolean isMissing(int j) {
        return sources[j].length == 0;
    }

    /** Source joints averaged into target joint {@code j} (a copy). */
    public int[] sourcesOf(int j) {
        return sources[j].clone();
    }

    /**
     * Maps coordinates of {@code frames} frames.
     *
     * @param in   (frames x source joints x dim), NaN marks a missing joint
     * @param dim  2 or 3
     * @return (frames x target joints x dim), NaN for missing joints
     */
    public double[] mapPoints(double[] in, int frames, int dim) {
        int js = source.jointCount();
        int jt = target.jointCount();
        if (in.length != frames * js * dim) {
            throw new IllegalArgumentException("in: expected " + frames + "x" + js + "x" + dim + " values, got " + in.length);
        }
        double[] out = new double[frames * jt * dim];
        for (int t = 0; t < frames; t++) {
            for (int j = 0; j < jt; j++) {
                int[] src = sources[j];
                for (int d = 0; d < dim; d++) {
                    double sum = src.length == 0 ? Double.NaN : 0;
                    for (int s : src) {
                        sum += in[(t * js + s) * dim + d];
                    }
                    out[(t * jt + j) * dim + d] = src.length == 0 ? Double.NaN : sum / src.length;
                }
            }
        }
        return out;
    }

    /**
     * Maps confidences: a target joint has the minimum confidence of its sources, 0 if missing.
     *
     * @param in (frames x source joints)
     * @return (frames x target joints)
     */
    public double[] mapConfidences(double[] in, int frames) {
        int js = source.jointCount();
        int jt = target.jointCount();
        if (in.length != frames * js) {
            throw new IllegalArgumentException("in: expected " + frames + "x" + js + " confidences, got " + in.length);
        }
        double[] out = new double[frames * jt];
        for (int t = 0; t < frames; t++) {
            for (int j = 0; j < jt; j++) {
                double c = sources[j].length == 0 ? 0 : Double.POSITIVE_INFINITY;
                for (int s : sources[j]) {
                    c = Math.min(c, in[t * js + s]);
                }
                out[t * jt + j] = c;
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return source.name() + "->" + target.name() + Arrays.deepToString(sources);
    }
}
