package org.physrec.physics.sim;

/**
 * Settings of the simulation. Controls per frame are the nu actuated torques (N·m), followed
 * by 6 root residual generalized forces (world force at the root origin (N), world moment (N·m))
 * when {@code rootResidual}; they are held constant over the frame's substeps.
 *
 * @param fps             frames per second of the controls and the loss (Hz)
 * @param substeps        semi-implicit Euler substeps per frame
 * @param contact         ground contact
 * @param limitStiffness  soft joint limits: one-sided spring (N·m/rad); 0 disables limits
 * @param limitDamping    damping while beyond a limit (N·m·s/rad)
 * @param limitSmoothing  width of the limit softplus (rad)
 * @param jointDamping    viscous damping on every actuated dof (N·m·s/rad)
 * @param torqueLimits    true: saturate actuator torque (control + PD) smoothly at the model's limits
 * @param pdKp            (nu) PD stiffness towards the per-frame reference (N·m/rad), or null for no PD
 * @param pdKd            (nu) PD damping (N·m·s/rad), or null
 * @param rootResidual    true: 6 extra controls per frame act on the root
 * @param maxSpeed        a |v| entry above this (m/s or rad/s) is reported as divergence
 */
public record SimSettings(double fps, int substeps, ContactSettings contact, double limitStiffness,
                          double limitDamping, double limitSmoothing, double jointDamping, boolean torqueLimits,
                          double[] pdKp, double[] pdKd, boolean rootResidual, double maxSpeed) {

    /** Defaults chosen by measurement (docs/PHYSICS.md). */
    public static final SimSettings DEFAULTS = new SimSettings(25, 10, ContactSettings.DEFAULTS, 200, 10, 0.02,
            0.5, true, null, null, false, 1e3);

    public SimSettings {
        ContactSettings.positive("fps", fps);
        if (substeps < 1) {
            throw new IllegalArgumentException("substeps: must be >= 1, got " + substeps);
        }
        if (contact == null) {
            throw new IllegalArgumentException("contact: must not be null (use ContactSettings.NONE)");
        }
        ContactSettings.nonNegative("limitStiffness", limitStiffness);
        ContactSettings.nonNegative("limitDamping", limitDamping);
        ContactSettings.positive("limitSmoothing", limitSmoothing);
        ContactSettings.nonNegative("jointDamping", jointDamping);
        ContactSettings.positive("maxSpeed", maxSpeed);
        if ((pdKp == null) != (pdKd == null)) {
            throw new IllegalArgumentException("pdKp, pdKd: give both or neither");
        }
        if (pdKp != null) {
            if (pdKp.length != pdKd.length) {
                throw new IllegalArgumentException("pdKd: expected " + pdKp.length + " values, got " + pdKd.length);
            }
            for (int i = 0; i < pdKp.length; i++) {
                ContactSettings.nonNegative("pdKp[" + i + "]", pdKp[i]);
                ContactSettings.nonNegative("pdKd[" + i + "]", pdKd[i]);
            }
            pdKp = pdKp.clone();
            pdKd = pdKd.clone();
        }
    }

    /** Substep length (s). */
    public double dt() {
        return 1.0 / (fps * substeps);
    }

    public SimSettings withSubsteps(int n) {
        return new SimSettings(fps, n, contact, limitStiffness, limitDamping, limitSmoothing, jointDamping,
                torqueLimits, pdKp, pdKd, rootResidual, maxSpeed);
    }

    public SimSettings withContact(ContactSettings c) {
        return new SimSettings(fps, substeps, c, limitStiffness, limitDamping, limitSmoothing, jointDamping,
                torqueLimits, pdKp, pdKd, rootResidual, maxSpeed);
    }

    public SimSettings withFps(double f) {
        return new SimSettings(f, substeps, contact, limitStiffness, limitDamping, limitSmoothing, jointDamping,
                torqueLimits, pdKp, pdKd, rootResidual, maxSpeed);
    }

    /** Limits off when stiffness is 0. */
    public SimSettings withLimits(double stiffness, double damping) {
        return new SimSettings(fps, substeps, contact, stiffness, damping, limitSmoothing, jointDamping, torqueLimits,
                pdKp, pdKd, rootResidual, maxSpeed);
    }

    public SimSettings withJointDamping(double d) {
        return new SimSettings(fps, substeps, contact, limitStiffness, limitDamping, limitSmoothing, d, torqueLimits,
                pdKp, pdKd, rootResidual, maxSpeed);
    }

    public SimSettings withTorqueLimits(boolean on) {
        return new SimSettings(fps, substeps, contact, limitStiffness, limitDamping, limitSmoothing, jointDamping, on,
                pdKp, pdKd, rootResidual, maxSpeed);
    }

    /** PD towards the per-frame reference; null, null disables. */
    public SimSettings withPd(double[] kp, double[] kd) {
        return new SimSettings(fps, substeps, contact, limitStiffness, limitDamping, limitSmoothing, jointDamping,
                torqueLimits, kp, kd, rootResidual, maxSpeed);
    }

    public SimSettings withRootResidual(boolean on) {
        return new SimSettings(fps, substeps, contact, limitStiffness, limitDamping, limitSmoothing, jointDamping,
                torqueLimits, pdKp, pdKd, on, maxSpeed);
    }

    /** Everything passive off: no contact, limits, damping, torque limits (for closed-form tests). */
    public SimSettings frictionless() {
        return new SimSettings(fps, substeps, ContactSettings.NONE, 0, 0, limitSmoothing, 0, false, null, null,
                rootResidual, maxSpeed);
    }
}
