package org.physrec.physics.bullet;

/**
 * Settings of the jbullet ragdoll (immutable; copy with the {@code withX} methods).
 *
 * @param solverIterations sequential-impulse iterations per step (Bullet's default is 10)
 * @param seed             seed of the solver's random generator (same seed, same result)
 * @param ground           whether a static ground plane z = {@code groundHeight} exists
 * @param groundHeight     height of the ground plane (m)
 * @param friction         Coulomb friction coefficient body–ground
 * @param collision        which shapes collide with the ground
 * @param jointLimits      hard limits in jbullet from the model's soft limits: hinge limits on
 *                         the angle, 6-DoF angular limits (Euler XYZ, an approximation of the
 *                         model's rotation-vector limits) on ball joints
 * @param gyroscopic       add the explicit gyroscopic moment −ω × Iω to every body each step;
 *                         Bullet 2.x omits it, the reduced-coordinate dynamics include it
 * @param armatureAsInertia add each joint's armature to the child body's inertia about the
 *                         joint axes (jbullet has no armature; an approximation, exact for a
 *                         fixed parent); no effect on models with armature 0
 */
public record BulletSettings(int solverIterations, long seed, boolean ground, double groundHeight, double friction,
                             Collision collision, boolean jointLimits, boolean gyroscopic, boolean armatureAsInertia) {

    /** Shapes that touch the ground. */
    public enum Collision {
        /** The model's geometry: capsules, spheres, boxes (the ragdoll's own shapes). */
        GEOMETRY,
        /** The model's contact spheres, as in our penalty contact model (like for like). */
        CONTACT_SPHERES
    }

    /** 50 iterations, seed 1, ground at z = 0, μ = 0.9, geometry collisions, no limits, gyroscopic and armature on. */
    public static final BulletSettings DEFAULTS = new BulletSettings(50, 1L, true, 0.0, 0.9, Collision.GEOMETRY,
            false, true, true);

    public BulletSettings {
        if (solverIterations < 1) {
            throw new IllegalArgumentException("solverIterations: must be >= 1, got " + solverIterations);
        }
        if (!Double.isFinite(groundHeight)) {
            throw new IllegalArgumentException("groundHeight: must be finite, got " + groundHeight);
        }
        if (!(friction >= 0) || !Double.isFinite(friction)) {
            throw new IllegalArgumentException("friction: must be finite and >= 0, got " + friction);
        }
        if (collision == null) {
            throw new IllegalArgumentException("collision: must not be null");
        }
    }

    public BulletSettings withSolverIterations(int n) {
        return new BulletSettings(n, seed, ground, groundHeight, friction, collision, jointLimits, gyroscopic,
                armatureAsInertia);
    }

    public BulletSettings withSeed(long s) {
        return new BulletSettings(solverIterations, s, ground, groundHeight, friction, collision, jointLimits,
                gyroscopic,
                armatureAsInertia);
    }

    public BulletSettings withGround(boolean g) {
        return new BulletSettings(solverIterations, seed, g, groundHeight, friction, collision, jointLimits, gyroscopic,
                armatureAsInertia);
    }

    public BulletSettings withGroundHeight(double h) {
        return new BulletSettings(solverIterations, seed, ground, h, friction, collision, jointLimits, gyroscopic,
                armatureAsInertia);
    }

    public BulletSettings withFriction(double mu) {
        return new BulletSettings(solverIterations, seed, ground, groundHeight, mu, collision, jointLimits, gyroscopic,
                armatureAsInertia);
    }

    public BulletSettings withCollision(Collision c) {
        return new BulletSettings(solverIterations, seed, ground, groundHeight, friction, c, jointLimits, gyroscopic,
                armatureAsInertia);
    }

    public BulletSettings withJointLimits(boolean on) {
        return new BulletSettings(solverIterations, seed, ground, groundHeight, friction, collision, on, gyroscopic,
                armatureAsInertia);
    }

    public BulletSettings withGyroscopic(boolean on) {
        return new BulletSettings(solverIterations, seed, ground, groundHeight, friction, collision, jointLimits, on,
                armatureAsInertia);
    }

    public BulletSettings withArmatureAsInertia(boolean on) {
        return new BulletSettings(solverIterations, seed, ground, groundHeight, friction, collision, jointLimits,
                gyroscopic, on);
    }
}
