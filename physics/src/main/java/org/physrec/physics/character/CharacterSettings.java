package org.physrec.physics.character;

/**
 * Settings of the human character (SI units; shape sizes are for the H36M mean skeleton and
 * scale with the subject's total bone length). Joint limits are in degrees on the components
 * of the joint rotation vector in the parent-aligned frame (x forward, y left, z up at
 * neutral): x = ab/adduction or lateral bend, y = flexion (sign per joint, see
 * docs/PHYSICS.md), z = twist; given for the left side and mirrored for the right.
 *
 * @param totalMass       body mass (kg)
 * @param massFractions   de Leva (1996) segment fractions: pelvis, torso, head, upper arm,
 *                        forearm+hand, thigh, shank, foot (sum over the body = 1)
 * @param radii           capsule radii (m): pelvis, torso, head sphere, upper arm, forearm, thigh, shank
 * @param handLength      forearm capsule extension beyond the wrist (m)
 * @param foot            heel (behind ankle), toe (ahead of ankle), width, ankle-to-sole height,
 *                        thickness, contact sphere radius (m)
 * @param hipLimits       left hip {xlo, xhi, ylo, yhi, zlo, zhi} (deg)
 * @param kneeLimits      knee flexion {lo, hi} (deg)
 * @param ankleLimits     left ankle (deg, as hip)
 * @param spineLimits     spine (deg)
 * @param neckLimits      neck (deg)
 * @param shoulderLimits  left shoulder (deg)
 * @param elbowLimits     elbow flexion {lo, hi} (deg)
 * @param torqueLimits    |τ| max (N·m): hip, knee, ankle, spine, shoulder, elbow, neck
 * @param armature        added to each actuated dof's mass-matrix diagonal (kg·m²)
 */
public record CharacterSettings(double totalMass, double[] massFractions, double[] radii, double handLength,
                                double[] foot, double[] hipLimits, double[] kneeLimits, double[] ankleLimits,
                                double[] spineLimits, double[] neckLimits, double[] shoulderLimits,
                                double[] elbowLimits, double[] torqueLimits, double armature) {

    /** Documented defaults (see docs/PHYSICS.md): 70 kg, de Leva fractions, DeepMimic-like shapes. */
    public static final CharacterSettings DEFAULTS = new CharacterSettings(
            70.0,
            new double[] {0.112, 0.323, 0.069, 0.027, 0.022, 0.142, 0.043, 0.014},
            new double[] {0.09, 0.10, 0.10, 0.045, 0.035, 0.06, 0.045},
            0.075,
            new double[] {0.05, 0.17, 0.09, 0.07, 0.05, 0.02},
            new double[] {-30, 45, -120, 20, -45, 45},
            new double[] {0, 150},
            new double[] {-25, 25, -25, 50, -20, 20},
            new double[] {-30, 30, -30, 60, -40, 40},
            new double[] {-40, 40, -50, 60, -70, 70},
            new double[] {-30, 170, -180, 60, -90, 90},
            new double[] {0, 150},
            new double[] {300, 300, 150, 300, 150, 80, 50},
            0.01);

    public CharacterSettings {
        if (!(totalMass > 0) || !Double.isFinite(totalMass)) {
            throw new IllegalArgumentException("totalMass: must be finite and > 0, got " + totalMass);
        }
        massFractions = check("massFractions", massFractions, 8, true);
        radii = check("radii", radii, 7, true);
        foot = check("foot", foot, 6, true);
        hipLimits = check("hipLimits", hipLimits, 6, false);
        kneeLimits = check("kneeLimits", kneeLimits, 2, false);
        ankleLimits = check("ankleLimits", ankleLimits, 6, false);
        spineLimits = check("spineLimits", spineLimits, 6, false);
        neckLimits = check("neckLimits", neckLimits, 6, false);
        shoulderLimits = check("shoulderLimits", shoulderLimits, 6, false);
        elbowLimits = check("elbowLimits", elbowLimits, 2, false);
        torqueLimits = check("torqueLimits", torqueLimits, 7, true);
        if (!(handLength >= 0)) {
            throw new IllegalArgumentException("handLength: must be >= 0, got " + handLength);
        }
        if (!(armature >= 0)) {
            throw new IllegalArgumentException("armature: must be >= 0, got " + armature);
        }
    }

    public CharacterSettings withTotalMass(double kg) {
        return new CharacterSettings(kg, massFractions, radii, handLength, foot, hipLimits, kneeLimits, ankleLimits,
                spineLimits, neckLimits, shoulderLimits, elbowLimits, torqueLimits, armature);
    }

    public CharacterSettings withArmature(double a) {
        return new CharacterSettings(totalMass, massFractions, radii, handLength, foot, hipLimits, kneeLimits,
                ankleLimits, spineLimits, neckLimits, shoulderLimits, elbowLimits, torqueLimits, a);
    }

    public CharacterSettings withTorqueLimits(double[] limits) {
        return new CharacterSettings(totalMass, massFractions, radii, handLength, foot, hipLimits, kneeLimits,
                ankleLimits, spineLimits, neckLimits, shoulderLimits, elbowLimits, limits, armature);
    }

    private static double[] check(String name, double[] a, int n, boolean positive) {
        if (a == null || a.length != n) {
            throw new IllegalArgumentException(name + ": expected " + n + " values, got "
                    + (a == null ? "null" : a.length));
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(a[i]) || (positive && !(a[i] > 0))) {
                throw new IllegalArgumentException(name + "[" + i + "]: must be finite" + (positive ? " and > 0" : "")
                        + ", got " + a[i]);
            }
        }
        return a.clone();
    }
}
