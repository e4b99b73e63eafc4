package org.physrec.physics.sim;

/**
 * Smooth penalty contact of the model's contact spheres with the ground plane
 * n·x = height. Raw force r = k·P(δ) + d·δ̇·P(δ)/(P(δ)+gateDepth) with penetration δ and
 * P = softplus of width {@code smoothing}; normal force f_n = r·σ(r/e_f), e_f =
 * {@code forceSmoothing} (≈ max(0, r), zero off the ground); friction f_t = -μ f_n v_t / √(|v_t|² + ε²).
 *
 * @param enabled          false: no contact at all
 * @param stiffness        k (N/m)
 * @param damping          d (N·s/m)
 * @param friction         μ
 * @param frictionVelocity ε (m/s)
 * @param smoothing        width of the penetration softplus (m)
 * @param gateDepth        depth over which the damping fades in (m)
 * @param forceSmoothing   width of the non-negative force smoothing (N)
 * @param normal           unit ground normal (3), world
 * @param height           plane offset along the normal (m)
 */
public record ContactSettings(boolean enabled, double stiffness, double damping, double friction,
                              double frictionVelocity, double smoothing, double gateDepth, double forceSmoothing,
                              double[] normal, double height) {

    /** Defaults chosen by measurement (docs/PHYSICS.md). */
    public static final ContactSettings DEFAULTS = new ContactSettings(true, 1e5, 1e3, 0.9, 0.01, 1e-3, 2e-3, 1.0,
            new double[] {0, 0, 1}, 0);

    public static final ContactSettings NONE = DEFAULTS.withEnabled(false);

    public ContactSettings {
        positive("stiffness", stiffness);
        nonNegative("damping", damping);
        nonNegative("friction", friction);
        positive("frictionVelocity", frictionVelocity);
        positive("smoothing", smoothing);
        positive("gateDepth", gateDepth);
        positive("forceSmoothing", forceSmoothing);
        if (!Double.isFinite(height)) {
            throw new IllegalArgumentException("height: not finite: " + height);
        }
        if (normal == null || normal.length != 3) {
            throw new IllegalArgumentException("normal: expected 3 values");
        }
        double n = Math.sqrt(normal[0] * normal[0] + normal[1] * normal[1] + normal[2] * normal[2]);
        if (!(Math.abs(n - 1) < 1e-9)) {
            throw new IllegalArgumentException("normal: must be a unit vector, norm " + n);
        }
        normal = normal.clone();
    }

    @Override
    public double[] normal() {
        return normal.clone();
    }

    public ContactSettings withEnabled(boolean e) {
        return new ContactSettings(e, stiffness, damping, friction, frictionVelocity, smoothing, gateDepth,
                forceSmoothing, normal, height);
    }

    public ContactSettings withStiffness(double k, double d) {
        return new ContactSettings(enabled, k, d, friction, frictionVelocity, smoothing, gateDepth, forceSmoothing,
                normal, height);
    }

    public ContactSettings withGround(double[] n, double h) {
        return new ContactSettings(enabled, stiffness, damping, friction, frictionVelocity, smoothing, gateDepth,
                forceSmoothing, n, h);
    }

    public ContactSettings withFriction(double mu) {
        return new ContactSettings(enabled, stiffness, damping, mu, frictionVelocity, smoothing, gateDepth,
                forceSmoothing, normal, height);
    }

    static void positive(String name, double x) {
        if (!(x > 0) || !Double.isFinite(x)) {
            throw new IllegalArgumentException(name + ": must be finite and > 0, got " + x);
        }
    }

    static void nonNegative(String name, double x) {
        if (!(x >= 0) || !Double.isFinite(x)) {
            throw new IllegalArgumentException(name + ": must be finite and >= 0, got " + x);
        }
    }
}
