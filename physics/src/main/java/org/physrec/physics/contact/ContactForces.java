package org.physrec.physics.contact;

import org.physrec.physics.Checks;
import org.physrec.physics.Kinematics;
import org.physrec.physics.Model;
import org.physrec.physics.Workspace;
import org.physrec.physics.sim.ContactSettings;

/**
 * The penalty ground contact of the simulation step ({@code sim.StepTrace}, docs/PHYSICS.md
 * §3 "Contact") evaluated at a state (q, v): per contact sphere (centre c, radius r) against
 * the plane n·x = height, δ = height + r − n·c, P = softplus(δ), gate = P / (P + gate depth),
 * raw = k P − d (n·v<sub>p</sub>) gate, f<sub>n</sub> = raw σ(raw) and the friction
 * f<sub>t</sub> = −μ f<sub>n</sub> v<sub>t</sub> / √(|v<sub>t</sub>|² + ε²), at the point
 * p = c − r n moving with velocity v<sub>p</sub>. These are the explicit forces; the step
 * additionally treats their stiffness and damping linearly implicitly, which changes the
 * force that acts over a substep by O(h).
 *
 * <p>Holds scratch for one model: one instance per thread. Allocates nothing per call.
 */
public final class ContactForces {
    private final Model model;
    private final ContactSettings settings;
    private final double[] centres;
    private final double[] velocities;

    public ContactForces(Model model, ContactSettings settings) {
        if (model == null || settings == null) {
            throw new IllegalArgumentException("model, settings: must not be null");
        }
        this.model = model;
        this.settings = settings;
        centres = new double[3 * model.contactCount()];
        velocities = new double[6 * model.bodyCount()];
    }

    /**
     * @param ws        a workspace of the model
     * @param q         (nq) configuration
     * @param v         (nv) velocity
     * @param forcesOut (nc x 3) world force on the body at each contact point (N): normal plus
     *                  friction; zeros when contact is disabled
     * @param normalOut (nc) normal force magnitude f<sub>n</sub> (N), as {@code Simulator.contactForces}
     *                  reports it, or null
     */
    public void compute(Workspace ws, double[] q, double[] v, double[] forcesOut, double[] normalOut) {
        int nc = model.contactCount();
        Checks.length("forcesOut", forcesOut, 3 * nc);
        if (normalOut != null) {
            Checks.length("normalOut", normalOut, nc);
        }
        Kinematics.bodyVelocities(model, ws, q, v, velocities);
        if (!settings.enabled()) {
            java.util.Arrays.fill(forcesOut, 0);
            if (normalOut != null) {
                java.util.Arrays.fill(normalOut, 0);
            }
            return;
        }
        Kinematics.contactCenters(model, ws, q, centres);
        double[] n = settings.normal();
        double mu = settings.friction();
        double eps2 = settings.frictionVelocity() * settings.frictionVelocity();
        for (int i = 0; i < nc; i++) {
            int b = 6 * model.contactBody(i);
            double r = model.contactRadius(i);
            double cx = centres[3 * i];
            double cy = centres[3 * i + 1];
            double cz = centres[3 * i + 2];
            double depth = settings.height() + r - (n[0] * cx + n[1] * cy + n[2] * cz);
            double px = cx - r * n[0];
            double py = cy - r * n[1];
            double pz = cz - r * n[2];
            double wx = velocities[b];
            double wy = velocities[b + 1];
            double wz = velocities[b + 2];
            // point velocity v_O + ω × p
            double vx = velocities[b + 3] + wy * pz - wz * py;
            double vy = velocities[b + 4] + wz * px - wx * pz;
            double vz = velocities[b + 5] + wx * py - wy * px;
            double vn = n[0] * vx + n[1] * vy + n[2] * vz;
            double pen = softplus(depth, settings.smoothing());
            double gate = pen / (pen + settings.gateDepth());
            double raw = settings.stiffness() * pen - settings.damping() * vn * gate;
            double f = raw * sigmoid(raw, settings.forceSmoothing());
            double tx = vx - vn * n[0];
            double ty = vy - vn * n[1];
            double tz = vz - vn * n[2];
            double ft = -mu * f / Math.sqrt(tx * tx + ty * ty + tz * tz + eps2);
            forcesOut[3 * i] = f * n[0] + ft * tx;
            forcesOut[3 * i + 1] = f * n[1] + ft * ty;
            forcesOut[3 * i + 2] = f * n[2] + ft * tz;
            if (normalOut != null) {
                normalOut[i] = f;
            }
        }
    }

    /** e·log(1 + exp(x/e)) without overflow: the step's smooth penetration (same formula as the tape's). */
    private static double softplus(double x, double e) {
        double z = x / e;
        return z > 0 ? x + e * Math.log1p(Math.exp(-z)) : e * Math.log1p(Math.exp(z));
    }

    /** 1/(1 + exp(−x/e)) without overflow. */
    private static double sigmoid(double x, double e) {
        double z = x / e;
        if (z >= 0) {
            return 1 / (1 + Math.exp(-z));
        }
        double ez = Math.exp(z);
        return ez / (1 + ez);
    }
}
