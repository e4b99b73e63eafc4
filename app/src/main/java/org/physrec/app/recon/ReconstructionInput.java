package org.physrec.app.recon;

import java.util.ArrayList;
import java.util.List;
import org.physrec.datasets.Camera;
import org.physrec.datasets.JointMap;
import org.physrec.datasets.Sequence;
import org.physrec.datasets.Skeleton;
import org.physrec.physics.character.H36m;

/**
 * A sequence made ready for reconstruction: checked, turned z-up, resampled, the floor found,
 * the subject's bones fitted, and its observations expressed for the loss.
 *
 * @param sequence      the resampled z-up sequence (mm)
 * @param observations  what the loss explains (physics frame)
 * @param ikTargets     (T x 17 x 3) 3D keypoints for the kinematic initialization, physics frame (m)
 * @param boneLengths   (16) fitted bone lengths (m)
 * @param groundZmm     floor height used (mm, data frame)
 * @param groundEstimated true if the floor was estimated from the feet
 * @param input3d       where the 3D keypoints came from (estimate, triangulation or ground truth)
 */
public record ReconstructionInput(Sequence sequence, Observations observations, double[] ikTargets,
                                  double[] boneLengths, double groundZmm, boolean groundEstimated, String input3d) {

    /** Fraction of a camera's confident keypoints that must project inside its image (with margin). */
    static final double MIN_VISIBLE_FRACTION = 0.5;
    /** H36M-17 ankles. */
    static final int[] FEET = {3, 6};
    /** H36M-17 Spine and Thorax. */
    private static final int SPINE = 7;
    private static final int THORAX = 8;

    /**
     * Other skeletons are mapped to H36M-17 ({@link JointMap#between}; joints without an
     * equivalent stay missing) and a y-up world is turned z-up. Without a 3D estimate the 3D
     * keypoints come from {@link Keypoints3dSource}.
     *
     * @throws IllegalArgumentException naming the sequence and the problem: a skeleton without a map
     *         to H36M-17, no usable observations, all-zero confidences, a camera that does not see
     *         the subject, too few frames, too few 3D keypoints in a frame
     */
    public static ReconstructionInput prepare(Sequence raw, ReconstructionSettings settings) {
        String id = raw.id();
        Sequence s = toH36m(raw).toZUp().resample(settings.fps());
        if (s.frames() < settings.window()) {
            throw new IllegalArgumentException("sequence " + id + ": " + s.frames() + " frames at " + settings.fps()
                    + " fps is shorter than one window of " + settings.window() + " frames");
        }
        int k = H36m.JOINT_COUNT;
        int frames = s.frames();
        List<Camera> cams = new ArrayList<>();
        List<double[]> px = new ArrayList<>();
        List<double[]> conf = new ArrayList<>();
        for (int c = 0; c < s.cameras().size(); c++) {
            if (!s.hasKeypoints2d(c)) {
                continue;
            }
            double[] cf = s.confidences2d(c);
            double total = 0;
            for (double v : cf) {
                total += v;
            }
            if (!(total > 0)) {
                throw new IllegalArgumentException("sequence " + id + ": camera " + s.camera(c).name()
                        + " has 2D keypoints whose confidences are all zero");
            }
            cams.add(s.camera(c));
            px.add(s.keypoints2d(c));
            conf.add(cf);
        }
        Keypoints3dSource source = Keypoints3dSource.choose(s, cams, px, conf);
        double[] k3 = source.pointsMm();
        checkFinite(id, k3, frames, k, source.whyMissing());
        for (int c = 0; c < cams.size(); c++) {
            checkSees(id, cams.get(c), k3, px.get(c), conf.get(c), frames, k);
        }
        double[] bones = SubjectFit.boneLengths(withSpine(k3, frames));
        double sole = 70 * SubjectFit.scale(bones);
        boolean estimate = Double.isNaN(settings.groundZmm());
        double ground = estimate ? GroundPlane.estimate(k3, k, FEET, sole, 10) : settings.groundZmm();
        SceneFrame frame = new SceneFrame(ground);
        double[] targets = frame.toPhysics(k3);
        Observations obs = new Observations(frames, k, s.fps(), frame, targets, cams, px, conf);
        return new ReconstructionInput(s, obs, targets, bones, ground, estimate, source.description());
    }

    private static Sequence toH36m(Sequence s) {
        if (s.skeleton() == Skeleton.H36M_17) {
            return s;
        }
        try {
            return s.mapJoints(JointMap.between(s.skeleton(), Skeleton.H36M_17));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("sequence " + s.id() + ": skeleton " + s.skeleton().name()
                    + " is not supported; the character needs H36M-17 keypoints (" + e.getMessage() + ")", e);
        }
    }

    /**
     * The points for fitting bone lengths: a Spine missing in every frame (COCO-17 and OpenPose
     * have none) is put on the Hip–Thorax line at the H36M mean ratio of its two bones, so that
     * only the trunk's split, not its length, is assumed. The loss and the IK keep it missing.
     */
    static double[] withSpine(double[] k3, int frames) {
        int k = H36m.JOINT_COUNT;
        for (int t = 0; t < frames; t++) {
            if (Double.isFinite(k3[(t * k + SPINE) * 3])) {
                return k3;
            }
        }
        double[] mean = H36m.meanBoneLengths();
        double f = mean[SPINE - 1] / (mean[SPINE - 1] + mean[THORAX - 1]);
        double[] out = k3.clone();
        for (int t = 0; t < frames; t++) {
            for (int d = 0; d < 3; d++) {
                double hip = k3[(t * k) * 3 + d];
                out[(t * k + SPINE) * 3 + d] = hip + f * (k3[(t * k + THORAX) * 3 + d] - hip);
            }
        }
        return out;
    }

    private static void checkFinite(String id, double[] k3, int frames, int k, String why) {
        for (int t = 0; t < frames; t++) {
            int seen = 0;
            for (int j = 0; j < k; j++) {
                if (Double.isFinite(k3[(t * k + j) * 3])) {
                    seen++;
                }
            }
            if (seen < 6) {
                throw new IllegalArgumentException("sequence " + id + ": frame " + t + " has only " + seen
                        + " of " + k + " 3D keypoints; at least 6 are needed" + why);
            }
        }
    }

    /** The camera must see the subject: most confident 2D keypoints inside the image, the 3D estimate in front. */
    private static void checkSees(String id, Camera cam, double[] k3, double[] px, double[] cf, int frames, int k) {
        int confident = 0;
        int inside = 0;
        int front = 0;
        int finite3d = 0;
        double mx = 0.25 * cam.width();
        double my = 0.25 * cam.height();
        for (int t = 0; t < frames; t++) {
            for (int j = 0; j < k; j++) {
                int i = t * k + j;
                if (cf[i] > 0) {
                    confident++;
                    double u = px[2 * i];
                    double v = px[2 * i + 1];
                    if (u > -mx && u < cam.width() + mx && v > -my && v < cam.height() + my) {
                        inside++;
                    }
                }
                if (Double.isFinite(k3[3 * i])) {
                    finite3d++;
                    if (cam.depth(k3, 3 * i) > 100) {
                        front++;
                    }
                }
            }
        }
        if (inside < MIN_VISIBLE_FRACTION * confident) {
            throw new IllegalArgumentException("sequence " + id + ": camera " + cam.name() + " does not see the subject: "
                    + (confident - inside) + " of " + confident + " confident 2D keypoints lie far outside its "
                    + cam.width() + "x" + cam.height() + " image");
        }
        if (front < MIN_VISIBLE_FRACTION * finite3d) {
            throw new IllegalArgumentException("sequence " + id + ": camera " + cam.name() + " does not see the subject: "
                    + (finite3d - front) + " of " + finite3d + " 3D keypoints are behind it");
        }
    }
}
