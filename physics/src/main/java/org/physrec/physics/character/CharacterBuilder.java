package org.physrec.physics.character;

import org.physrec.physics.Geometry;
import org.physrec.physics.JointType;
import org.physrec.physics.Model;

/**
 * Builds the human character from the 16 H36M-17 bone lengths (metres) and
 * {@link CharacterSettings}: a FREE pelvis; BALL hips, ankles, spine (pelvis→torso), neck
 * (torso→head) and shoulders; HINGE knees and elbows; 13 bodies, nq = 43, nv = 34, nu = 28.
 * The 17 H36M joints are keypoints (body-frame points) in dataset order. World/body axes
 * at neutral: x forward, y left, z up; the neutral pose stands upright with arms hanging.
 *
 * <p>Bodies in depth-first order: pelvis, r_thigh, r_shank, r_foot, l_thigh, l_shank,
 * l_foot, torso, head, l_upper_arm, l_forearm, r_upper_arm, r_forearm.
 */
public final class CharacterBuilder {
    private static final double[] MEAN = H36m.meanBoneLengths();

    private CharacterBuilder() {
    }

    /** The character with the H36M mean bone lengths and default settings. */
    public static Model standard() {
        return build(H36m.meanBoneLengths(), CharacterSettings.DEFAULTS);
    }

    /**
     * @param boneLengthsMetres (16) H36M bone lengths in metres, bone b = joint b+1 to its
     *                          parent (order of {@link H36m#JOINTS}); each in (0.01, 2) m
     * @param settings          character settings (mass, shapes, limits)
     */
    public static Model build(double[] boneLengthsMetres, CharacterSettings settings) {
        double[] L = checkBones(boneLengthsMetres);
        double total = 0;
        double meanTotal = 0;
        for (int b = 0; b < 16; b++) {
            total += L[b];
            meanTotal += MEAN[b];
        }
        double s = total / meanTotal;
        CharacterSettings c = settings;
        double[] r = c.radii().clone();
        for (int i = 0; i < r.length; i++) {
            r[i] *= s;
        }
        double[] f = c.foot().clone();
        for (int i = 0; i < f.length; i++) {
            f[i] *= s;
        }
        double M = c.totalMass();
        double[] fr = c.massFractions();
        double hand = c.handLength() * s;

        Model.Builder mb = new Model.Builder().armature(c.armature());
        double wr = L[0];
        double wl = L[3];
        // pelvis: capsule across the hips
        int pelvis = mb.addBody("pelvis", -1, JointType.FREE, v(0, 0, 0), null, M * fr[0],
                v(0, (wl - wr) / 2, 0), capsuleInertia(M * fr[0], r[0], wr + wl, 1));
        mb.geometry(new Geometry(pelvis, Geometry.Shape.CAPSULE, v(0, -wr, 0), v(0, wl, 0), r[0]));
        mb.contactSphere(pelvis, v(0, -wr, 0), r[0]);
        mb.contactSphere(pelvis, v(0, wl, 0), r[0]);

        int[] rLeg = leg(mb, c, "r_", pelvis, -1, wr, L[1], L[2], r, f, M, fr);
        int[] lLeg = leg(mb, c, "l_", pelvis, 1, wl, L[4], L[5], r, f, M, fr);

        double spine = L[6] + L[7];
        int torso = mb.addBody("torso", pelvis, JointType.BALL, v(0, 0, 0), null, M * fr[1],
                v(0, 0, spine / 2), capsuleInertia(M * fr[1], r[1], spine, 2));
        mb.geometry(new Geometry(torso, Geometry.Shape.CAPSULE, v(0, 0, 0), v(0, 0, spine), r[1]));
        mb.contactSphere(torso, v(0, 0, spine), r[1]);
        ballLimits(mb, torso, c.spineLimits(), 1);
        mb.torqueLimits(torso, rep(c.torqueLimits()[3]));

        double neck = L[8];
        double headLen = L[9];
        double headZ = neck + headLen / 2;
        int head = mb.addBody("head", torso, JointType.BALL, v(0, 0, spine), null, M * fr[2],
                v(0, 0, headZ), sphereInertia(M * fr[2], r[2]));
        mb.geometry(new Geometry(head, Geometry.Shape.SPHERE, v(0, 0, headZ), v(0, 0, 0), r[2]));
        mb.contactSphere(head, v(0, 0, headZ), r[2]);
        ballLimits(mb, head, c.neckLimits(), 1);
        mb.torqueLimits(head, rep(c.torqueLimits()[6]));

        int[] lArm = arm(mb, c, "l_", torso, 1, spine, L[10], L[11], L[12], hand, r, M, fr);
        int[] rArm = arm(mb, c, "r_", torso, -1, spine, L[13], L[14], L[15], hand, r, M, fr);

        // the 17 H36M joints, dataset order
        mb.keypoint("Hip", pelvis, v(0, 0, 0));
        mb.keypoint("RHip", pelvis, v(0, -wr, 0));
        mb.keypoint("RKnee", rLeg[0], v(0, 0, -L[1]));
        mb.keypoint("RFoot", rLeg[1], v(0, 0, -L[2]));
        mb.keypoint("LHip", pelvis, v(0, wl, 0));
        mb.keypoint("LKnee", lLeg[0], v(0, 0, -L[4]));
        mb.keypoint("LFoot", lLeg[1], v(0, 0, -L[5]));
        mb.keypoint("Spine", torso, v(0, 0, L[6]));
        mb.keypoint("Thorax", torso, v(0, 0, spine));
        mb.keypoint("Neck/Nose", head, v(0, 0, neck));
        mb.keypoint("Head", head, v(0, 0, neck + headLen));
        mb.keypoint("LShoulder", torso, v(0, L[10], spine));
        mb.keypoint("LElbow", lArm[0], v(0, 0, -L[11]));
        mb.keypoint("LWrist", lArm[1], v(0, 0, -L[12]));
        mb.keypoint("RShoulder", torso, v(0, -L[13], spine));
        mb.keypoint("RElbow", rArm[0], v(0, 0, -L[14]));
        mb.keypoint("RWrist", rArm[1], v(0, 0, -L[15]));
        return mb.build();
    }

    /** Thigh, shank, foot of one side (side = +1 left, -1 right); returns {thigh, shank, foot}. */
    private static int[] leg(Model.Builder mb, CharacterSettings c, String p, int pelvis, int side, double hipW,
                             double thighL, double shankL, double[] r, double[] f, double M, double[] fr) {
        int thigh = mb.addBody(p + "thigh", pelvis, JointType.BALL, v(0, side * hipW, 0), null, M * fr[5],
                v(0, 0, -thighL / 2), capsuleInertia(M * fr[5], r[5], thighL, 2));
        mb.geometry(new Geometry(thigh, Geometry.Shape.CAPSULE, v(0, 0, 0), v(0, 0, -thighL), r[5]));
        mb.contactSphere(thigh, v(0, 0, -thighL), r[5]);
        ballLimits(mb, thigh, c.hipLimits(), side);
        mb.torqueLimits(thigh, rep(c.torqueLimits()[0]));

        int shank = mb.addBody(p + "shank", thigh, JointType.HINGE, v(0, 0, -thighL), v(0, 1, 0), M * fr[6],
                v(0, 0, -shankL / 2), capsuleInertia(M * fr[6], r[6], shankL, 2));
        mb.geometry(new Geometry(shank, Geometry.Shape.CAPSULE, v(0, 0, 0), v(0, 0, -shankL), r[6]));
        mb.contactSphere(shank, v(0, 0, -shankL), r[6]);
        mb.limits(shank, deg(c.kneeLimits()[0]), deg(c.kneeLimits()[1]));
        mb.torqueLimits(shank, new double[] {c.torqueLimits()[1]});

        double heel = f[0];
        double toe = f[1];
        double width = f[2];
        double sole = f[3];
        double thick = f[4];
        double rc = f[5];
        double[] centre = v((toe - heel) / 2, 0, -sole + thick / 2);
        double[] half = v((toe + heel) / 2, width / 2, thick / 2);
        int foot = mb.addBody(p + "foot", shank, JointType.BALL, v(0, 0, -shankL), null, M * fr[7], centre,
                boxInertia(M * fr[7], half));
        mb.geometry(new Geometry(foot, Geometry.Shape.BOX, centre, half, 0));
        for (double x : new double[] {-heel + rc, toe - rc}) {
            for (double y : new double[] {-width / 2 + rc, width / 2 - rc}) {
                mb.contactSphere(foot, v(x, y, -sole + rc), rc);
            }
        }
        ballLimits(mb, foot, c.ankleLimits(), side);
        mb.torqueLimits(foot, rep(c.torqueLimits()[2]));
        return new int[] {thigh, shank, foot};
    }

    /** Upper arm and forearm of one side; returns {upper arm, forearm}. */
    private static int[] arm(Model.Builder mb, CharacterSettings c, String p, int torso, int side, double spine,
                             double shoulderW, double upperL, double foreL, double hand, double[] r, double M,
                             double[] fr) {
        int upper = mb.addBody(p + "upper_arm", torso, JointType.BALL, v(0, side * shoulderW, spine), null,
                M * fr[3], v(0, 0, -upperL / 2), capsuleInertia(M * fr[3], r[3], upperL, 2));
        mb.geometry(new Geometry(upper, Geometry.Shape.CAPSULE, v(0, 0, 0), v(0, 0, -upperL), r[3]));
        mb.contactSphere(upper, v(0, 0, 0), r[3]);
        mb.contactSphere(upper, v(0, 0, -upperL), r[3]);
        ballLimits(mb, upper, c.shoulderLimits(), side);
        mb.torqueLimits(upper, rep(c.torqueLimits()[4]));
        double len = foreL + hand;
        // elbow flexion (forearm forward, +x) is positive about -y
        int fore = mb.addBody(p + "forearm", upper, JointType.HINGE, v(0, 0, -upperL), v(0, -1, 0), M * fr[4],
                v(0, 0, -len / 2), capsuleInertia(M * fr[4], r[4], len, 2));
        mb.geometry(new Geometry(fore, Geometry.Shape.CAPSULE, v(0, 0, 0), v(0, 0, -len), r[4]));
        mb.contactSphere(fore, v(0, 0, -len), r[4]);
        mb.limits(fore, deg(c.elbowLimits()[0]), deg(c.elbowLimits()[1]));
        mb.torqueLimits(fore, new double[] {c.torqueLimits()[5]});
        return new int[] {upper, fore};
    }

    /** Ball limits from left-side degrees; the right side mirrors x and z (negate and swap). */
    private static void ballLimits(Model.Builder mb, int body, double[] d, int side) {
        double[] lo;
        double[] hi;
        if (side > 0) {
            lo = new double[] {d[0], d[2], d[4]};
            hi = new double[] {d[1], d[3], d[5]};
        } else {
            lo = new double[] {-d[1], d[2], -d[5]};
            hi = new double[] {-d[0], d[3], -d[4]};
        }
        for (int k = 0; k < 3; k++) {
            lo[k] = Math.toRadians(lo[k]);
            hi[k] = Math.toRadians(hi[k]);
        }
        mb.limits(body, lo, hi);
    }

    private static double[] checkBones(double[] b) {
        if (b == null || b.length != 16) {
            throw new IllegalArgumentException("boneLengthsMetres: expected 16 values, got "
                    + (b == null ? "null" : b.length));
        }
        for (int i = 0; i < 16; i++) {
            if (!Double.isFinite(b[i]) || !(b[i] > 0.01) || !(b[i] < 2)) {
                throw new IllegalArgumentException("boneLengthsMetres[" + i + "] (" + H36m.JOINTS[i + 1] + "-"
                        + H36m.JOINTS[H36m.PARENTS[i + 1]] + "): must be in (0.01, 2) m, got " + b[i]
                        + (b[i] > 2 ? " (millimetres? convert to metres)" : ""));
            }
        }
        return b.clone();
    }

    /**
     * Solid capsule inertia about its centre: mass split by volume between the cylinder
     * (length len) and the two hemispheres; axis 0, 1 or 2 of the body frame.
     */
    static double[] capsuleInertia(double m, double r, double len, int axis) {
        double vc = Math.PI * r * r * len;
        double vs = 4.0 / 3.0 * Math.PI * r * r * r;
        double mc = m * vc / (vc + vs);
        double ms = m - mc;
        double ia = mc * r * r / 2 + ms * 2 * r * r / 5;
        double ip = mc * (len * len / 12 + r * r / 4) + ms * (2 * r * r / 5 + len * len / 4 + 3 * len * r / 8);
        double[] i = new double[9];
        for (int k = 0; k < 3; k++) {
            i[4 * k] = k == axis ? ia : ip;
        }
        return i;
    }

    static double[] sphereInertia(double m, double r) {
        double a = 0.4 * m * r * r;
        return new double[] {a, 0, 0, 0, a, 0, 0, 0, a};
    }

    static double[] boxInertia(double m, double[] half) {
        double x = 2 * half[0];
        double y = 2 * half[1];
        double z = 2 * half[2];
        return new double[] {m * (y * y + z * z) / 12, 0, 0, 0, m * (x * x + z * z) / 12, 0, 0, 0,
                m * (x * x + y * y) / 12};
    }

    private static double[] v(double x, double y, double z) {
        return new double[] {x, y, z};
    }

    private static double[] rep(double x) {
        return new double[] {x, x, x};
    }

    private static double[] deg(double d) {
        return new double[] {Math.toRadians(d)};
    }
}
