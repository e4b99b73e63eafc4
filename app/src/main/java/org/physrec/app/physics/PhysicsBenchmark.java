package org.physrec.app.physics;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.physrec.physics.ConfigSpace;
import org.physrec.physics.ForwardDynamics;
import org.physrec.physics.Kinematics;
import org.physrec.physics.Model;
import org.physrec.physics.State;
import org.physrec.physics.Workspace;
import org.physrec.physics.bullet.BulletRagdoll;
import org.physrec.physics.bullet.BulletSettings;
import org.physrec.physics.character.CharacterBuilder;
import org.physrec.physics.sim.Rollout;
import org.physrec.physics.sim.RolloutAdjoint;
import org.physrec.physics.sim.SimSettings;
import org.physrec.physics.sim.Simulator;
import org.physrec.physics.tape.TapeState;

/**
 * Speed of the physics on the full character at the default substeps, single-threaded: one
 * forward-dynamics call, one simulation step with contact, an 8-frame window forward and
 * forward + adjoint gradient, a 200-frame rollout forward and forward + gradient, and the
 * jbullet ragdoll's step at the same dt; plus the adjoint's check against central finite
 * differences on an 8-frame window with ground contact.
 */
public final class PhysicsBenchmark {

    /**
     * @param warmupMillis    warm-up per measurement
     * @param samples         timed samples per measurement
     * @param minSampleMillis minimum duration of one sample (sets the batch size)
     * @param seed            seed of the random states and torques
     */
    public record Settings(long warmupMillis, int samples, double minSampleMillis, long seed) {
        public static final Settings QUICK = new Settings(1000, 15, 20, 1);
        public static final Settings LONG = new Settings(4000, 41, 100, 1);

        public Settings {
            if (warmupMillis < 0 || samples < 3 || !(minSampleMillis > 0)) {
                throw new IllegalArgumentException("warmupMillis >= 0, samples >= 3, minSampleMillis > 0 required, got "
                        + warmupMillis + ", " + samples + ", " + minSampleMillis);
            }
        }
    }

    /**
     * Adjoint against central finite differences.
     *
     * @param entries        gradient entries checked (all controls of the window)
     * @param step           finite-difference step on each control (N·m)
     * @param maxRelError    max |adjoint − fd| / max(|fd|, 1e-3·max|fd|)
     * @param maxAbsError    max |adjoint − fd|
     * @param maxAbsGradient max |fd|
     * @param contactForceN  largest total contact normal force over the window's frame ends (N), showing
     *                       that contact was active
     */
    public record GradientCheck(int entries, double step, double maxRelError, double maxAbsError,
                                double maxAbsGradient, double contactForceN) {
    }

    /** Everything measured; {@code bulletToOursStepRatio} = jbullet step / our step with contact (CPU medians). */
    public record Result(int nq, int nv, int nu, int substeps, double dt, List<Timing> timings,
                         double bulletToOursStepRatio, GradientCheck gradientCheck) {
    }

    private PhysicsBenchmark() {
    }

    public static Result run(Settings s, java.util.function.Consumer<String> progress) {
        Model model = CharacterBuilder.standard();
        SimSettings simSettings = SimSettings.DEFAULTS;
        Simulator sim = new Simulator(model, simSettings);
        int nu = model.nu();
        int nc = sim.controlDim();
        Random rng = new Random(s.seed());
        State x0 = StandingStart.of(model);
        List<Timing> timings = new ArrayList<>();

        // forward dynamics at a random state
        Workspace ws = model.newWorkspace();
        double[] q = x0.q.clone();
        double[] delta = gaussian(rng, model.nv(), 0.2);
        ConfigSpace.integrate(model, q, delta, 1.0, q);
        double[] v = gaussian(rng, model.nv(), 0.5);
        double[] tau = gaussian(rng, model.nv(), 5.0);
        double[] qdd = new double[model.nv()];
        progress.accept("forward dynamics");
        timings.add(Timing.measure("forward dynamics (1 call)",
                () -> ForwardDynamics.compute(model, ws, q, v, tau, qdd), s.warmupMillis(), s.samples(),
                s.minSampleMillis()));
        timings.add(Timing.measure("forward dynamics, ABA (1 call, no tape)",
                () -> ForwardDynamics.aba(model, ws, q, v, tau, qdd), s.warmupMillis(), s.samples(),
                s.minSampleMillis()));

        // one simulation step with contact, from the standing start
        TapeState ts = sim.newState();
        double[] qs = new double[model.nq()];
        double[] vs = new double[model.nv()];
        double[] u = gaussian(rng, nc, 5.0);
        progress.accept("simulation step");
        Timing step = Timing.measure("simulation step with contact", () -> {
            System.arraycopy(x0.q, 0, qs, 0, qs.length);
            System.arraycopy(x0.v, 0, vs, 0, vs.length);
            sim.step(ts, qs, vs, u, null);
        }, s.warmupMillis(), s.samples(), s.minSampleMillis());
        timings.add(step);

        // windows and long rollouts under a keypoint-tracking loss
        for (int frames : new int[] {8, 200}) {
            double[] controls = gaussian(rng, frames * nc, 5.0);
            KeypointTrackingLoss loss = new KeypointTrackingLoss(standingTargets(model, x0, frames), 1e-4);
            Rollout rollout = new Rollout(sim, frames);
            RolloutAdjoint adjoint = new RolloutAdjoint(sim, frames);
            double[] g = new double[frames * nc];
            progress.accept(frames + "-frame rollout");
            timings.add(Timing.measure(frames + "-frame rollout forward", () -> rollout.run(x0, controls, null, frames,
                    loss), s.warmupMillis(), s.samples(), s.minSampleMillis()));
            progress.accept(frames + "-frame rollout + adjoint");
            timings.add(Timing.measure(frames + "-frame rollout forward + adjoint gradient",
                    () -> adjoint.valueAndGradient(x0, controls, null, frames, loss, g, null, null),
                    s.warmupMillis(), s.samples(), s.minSampleMillis()));
        }

        // jbullet at the same dt, collapsing onto the ground from the same start
        double[] bulletTau = new double[model.nv()];
        System.arraycopy(u, 0, bulletTau, model.actuatedStart(), nu);
        double dt = simSettings.dt();
        BulletRagdoll[] ragdoll = {BulletRagdoll.create(model, BulletSettings.DEFAULTS, x0.q, x0.v)};
        int[] steps = {0};
        progress.accept("jbullet step");
        Timing bullet = Timing.measure("jbullet ragdoll step with contact (50 iterations)", () -> {
            if (++steps[0] % 2000 == 0) {
                ragdoll[0] = BulletRagdoll.create(model, BulletSettings.DEFAULTS, x0.q, x0.v);
            }
            ragdoll[0].step(bulletTau, dt);
        }, s.warmupMillis(), s.samples(), s.minSampleMillis());
        timings.add(bullet);
        progress.accept("jbullet world construction");
        timings.add(Timing.measure("jbullet world construction", () -> BulletRagdoll.create(model,
                BulletSettings.DEFAULTS, x0.q, x0.v), s.warmupMillis(), s.samples(), s.minSampleMillis()));

        progress.accept("gradient check");
        GradientCheck check = gradientCheck(model, sim, x0, rng);
        return new Result(model.nq(), model.nv(), nu, simSettings.substeps(), dt, timings,
                bullet.cpuMedian() / step.cpuMedian(), check);
    }

    /** Adjoint vs central differences (step 1e-6 N·m) on every control of an 8-frame window with contact. */
    static GradientCheck gradientCheck(Model model, Simulator sim, State x0, Random rng) {
        int frames = 8;
        int n = frames * sim.controlDim();
        double[] controls = gaussian(rng, n, 20.0);
        KeypointTrackingLoss loss = new KeypointTrackingLoss(standingTargets(model, x0, frames), 1e-4);
        RolloutAdjoint adjoint = new RolloutAdjoint(sim, frames);
        double[] g = new double[n];
        adjoint.valueAndGradient(x0, controls, null, frames, loss, g, null, null);
        double[] forces = new double[model.contactCount()];
        double total = 0;
        for (int t = 0; t < frames; t++) {
            adjoint.rollout().contactForces(t, forces);
            double sum = 0;
            for (double f : forces) {
                sum += f;
            }
            total = Math.max(total, sum);
        }
        Rollout rollout = new Rollout(sim, frames);
        double h = 1e-6;
        double[] fd = new double[n];
        double maxFd = 0;
        for (int i = 0; i < n; i++) {
            double c = controls[i];
            controls[i] = c + h;
            double plus = rollout.run(x0, controls, null, frames, loss);
            controls[i] = c - h;
            double minus = rollout.run(x0, controls, null, frames, loss);
            controls[i] = c;
            fd[i] = (plus - minus) / (2 * h);
            maxFd = Math.max(maxFd, Math.abs(fd[i]));
        }
        double maxRel = 0;
        double maxAbs = 0;
        for (int i = 0; i < n; i++) {
            double err = Math.abs(g[i] - fd[i]);
            maxAbs = Math.max(maxAbs, err);
            maxRel = Math.max(maxRel, err / Math.max(Math.abs(fd[i]), 1e-3 * maxFd));
        }
        return new GradientCheck(n, h, maxRel, maxAbs, maxFd, total);
    }

    /** (frames x K x 3) the standing pose's keypoints, every frame. */
    private static double[] standingTargets(Model model, State x0, int frames) {
        int k = 3 * model.keypointCount();
        double[] one = new double[k];
        Kinematics.keypoints(model, model.newWorkspace(), x0.q, one);
        double[] all = new double[frames * k];
        for (int t = 0; t < frames; t++) {
            System.arraycopy(one, 0, all, t * k, k);
        }
        return all;
    }

    private static double[] gaussian(Random rng, int n, double s) {
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = s * rng.nextGaussian();
        }
        return r;
    }
}
