package org.physrec.app.recon;

import java.util.Arrays;
import org.physrec.physics.Model;
import org.physrec.physics.character.CharacterBuilder;
import org.physrec.physics.character.CharacterSettings;
import org.physrec.physics.character.H36m;

/**
 * Fits the character to a subject: the 16 H36M-17 bone lengths as per-bone medians over the
 * frames of the 3D keypoints (robust to noisy frames), left and right averaged (the noise of a
 * kinematic estimate is larger than the true asymmetry), converted from mm to metres.
 */
public final class SubjectFit {

    /** Bone pairs (left, right) of H36M-17, as bone indices b = joint - 1. */
    private static final int[][] MIRROR_BONES = {{3, 0}, {4, 1}, {5, 2}, {10, 13}, {11, 14}, {12, 15}};

    private SubjectFit() {
    }

    /**
     * @param pointsMm (T x 17 x 3) H36M-17 keypoints in mm, NaN where missing
     * @return (16) bone lengths in metres
     * @throws IllegalArgumentException if a bone is never observed or implausible (outside (1 cm, 2 m))
     */
    public static double[] boneLengths(double[] pointsMm) {
        int jc = H36m.JOINT_COUNT;
        if (pointsMm == null || pointsMm.length == 0 || pointsMm.length % (3 * jc) != 0) {
            throw new IllegalArgumentException("pointsMm: expected T x 17 x 3 values");
        }
        int frames = pointsMm.length / (3 * jc);
        double[] lengths = new double[H36m.BONE_COUNT];
        double[] samples = new double[frames];
        for (int b = 0; b < H36m.BONE_COUNT; b++) {
            int j = b + 1;
            int p = H36m.PARENTS[j];
            int n = 0;
            for (int t = 0; t < frames; t++) {
                int a = (t * jc + j) * 3;
                int c = (t * jc + p) * 3;
                double dx = pointsMm[a] - pointsMm[c];
                double dy = pointsMm[a + 1] - pointsMm[c + 1];
                double dz = pointsMm[a + 2] - pointsMm[c + 2];
                double d = Math.sqrt(dx * dx + dy * dy + dz * dz);
                if (Double.isFinite(d)) {
                    samples[n++] = d;
                }
            }
            if (n == 0) {
                throw new IllegalArgumentException("pointsMm: bone " + H36m.JOINTS[p] + "-" + H36m.JOINTS[j]
                        + " is missing in every frame");
            }
            lengths[b] = median(samples, n) / 1000.0;
        }
        for (int[] pair : MIRROR_BONES) {
            double m = 0.5 * (lengths[pair[0]] + lengths[pair[1]]);
            lengths[pair[0]] = m;
            lengths[pair[1]] = m;
        }
        for (int b = 0; b < lengths.length; b++) {
            if (!(lengths[b] > 0.01 && lengths[b] < 2)) {
                throw new IllegalArgumentException("pointsMm: bone " + H36m.JOINTS[H36m.PARENTS[b + 1]] + "-"
                        + H36m.JOINTS[b + 1] + " has median length " + lengths[b] * 1000
                        + " mm, outside (10, 2000) mm: are the keypoints in millimetres and H36M-17 order?");
            }
        }
        return lengths;
    }

    /** The character for these bone lengths (m) and body mass (kg). */
    public static Model character(double[] boneLengthsMetres, double massKg) {
        return CharacterBuilder.build(boneLengthsMetres, CharacterSettings.DEFAULTS.withTotalMass(massKg));
    }

    /** Ratio of this subject's total bone length to the H36M mean (scales shapes such as the sole height). */
    public static double scale(double[] boneLengthsMetres) {
        double[] mean = H36m.meanBoneLengths();
        double s = 0;
        double m = 0;
        for (int b = 0; b < mean.length; b++) {
            s += boneLengthsMetres[b];
            m += mean[b];
        }
        return s / m;
    }

    private static double median(double[] a, int n) {
        double[] s = Arrays.copyOf(a, n);
        Arrays.sort(s);
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }
}
