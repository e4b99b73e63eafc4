package org.physrec.app.recon;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.physrec.optim.Minimizer;
import org.physrec.optim.Optimizer;
import org.physrec.optim.RunResult;
import org.physrec.optim.StoppingRule;
import org.physrec.physics.Kinematics;
import org.physrec.physics.Model;
import org.physrec.physics.State;
import org.physrec.physics.Workspace;

/**
 * The pipeline of docs/RECON.md: prepared input → character → per-frame IK reference →
 * windowed trajectory optimization over joint torques (each window starting from the
 * simulated state of the previous one) → stitched simulated motion. A window whose
 * optimization diverges (non-finite, or ends worse than it started) is retried with a smaller
 * step, then with L-BFGS; if every attempt fails its initial controls are kept and the report
 * says so.
 *
 * <p>Time convention: frame t is the state at time t/fps. Window w covers the intervals
 * [s, s+W) of a plan over the T−1 intervals: it starts from the state at frame s, applies one
 * control per interval and is scored on frames s+1..s+W; frame 0 is the reference state.
 */
public final class Reconstructor {

    private final ReconstructionSettings settings;
    private final Function<Model, WindowSimulation> simulations;
    private final Consumer<String> log;

    /**
     * @param simulations builds the simulator for a fitted character
     * @param log         progress messages (one line each)
     */
    public Reconstructor(ReconstructionSettings settings, Function<Model, WindowSimulation> simulations,
                         Consumer<String> log) {
        this.settings = settings;
        this.simulations = simulations;
        this.log = log;
        OptimizerChoice.resolve(settings.optimizer());
    }

    public Reconstruction run(ReconstructionInput in, StageTimer timer) {
        timer.start("subject");
        double[] bones = in.boneLengths();
        Model model = SubjectFit.character(bones, settings.massKg());
        Observations obs = in.observations();
        int frames = obs.frames();
        int nq = model.nq();
        int nv = model.nv();
        int nu = model.nu();
        int kp = model.keypointCount();

        timer.start("ik");
        double[] qRef = new double[frames * nq];
        new InverseKinematics(model, settings.ik()).fitSequence(in.ikTargets(), null, obs, qRef);
        if (settings.boneFit().iterations() > 0 && !obs.cameras().isEmpty()) {
            // the 3D medians inherit the estimate's bias and scale; let the 2D keypoints decide the lengths too
            bones = BoneLengthFit.refine(bones, settings.massKg(), in.ikTargets(), obs, settings.ik(), settings.boneFit(),
                    qRef);
            model = SubjectFit.character(bones, settings.massKg());
            new InverseKinematics(model, settings.ik()).fitSequence(in.ikTargets(), null, obs, qRef);
        }
        double ground = in.groundZmm();
        if (in.groundEstimated()) {
            // re-estimate the floor from the reference, whose feet the 2D keypoints have corrected,
            // and shift the physics frame (targets and reference) rigidly: the fit stays the same
            double[] mm = keypointsMm(model, qRef, frames, obs.frame());
            double refined = GroundPlane.estimate(mm, kp, ReconstructionInput.FEET,
                    70 * SubjectFit.scale(bones), 10);
            double dz = (refined - ground) / 1000;
            double[] targets = obs.targets3d().clone();
            for (int i = 2; i < targets.length; i += 3) {
                targets[i] -= dz;
            }
            for (int t = 0; t < frames; t++) {
                qRef[t * nq + 2] -= dz;
            }
            obs = new Observations(frames, kp, obs.fps(), new SceneFrame(refined), targets, obs.cameras(),
                    obs.pixels(), obs.confidences());
            ground = refined;
        }
        ReferenceMotion ref = ReferenceMotion.of(model, qRef, obs.fps());
        double[] referenceMm = keypointsMm(model, qRef, frames, obs.frame());
        double[] kinematicMm = obs.frame().toData(obs.targets3d());
        double beta = settings.weights().referenceBlend3d();
        if (beta > 0) {
            obs = new Observations(frames, kp, obs.fps(), obs.frame(),
                    blendTargets(obs.targets3d(), obs.frame().toPhysics(referenceMm), beta), obs.cameras(),
                    obs.pixels(), obs.confidences());
        }

        timer.start("optimize");
        List<WindowPlan.Window> plan = WindowPlan.plan(frames - 1, settings.window(), settings.overlap());
        WindowSimulation sim = simulations.apply(model);
        StateLoss stateLoss = new StateLoss(model, obs, settings.weights());
        int c = sim.contactCount();
        int nc = sim.controlDim();
        double[] q = new double[frames * nq];
        double[] v = new double[frames * nv];
        double[] contacts = new double[frames * c];
        System.arraycopy(ref.q(), 0, q, 0, nq);
        System.arraycopy(ref.v(), 0, v, 0, nv);
        // controls of interval t (frame t to t+1); initially the reference's inverse-dynamics torques
        // (clamped to the limits) and no residual wrench; the simulator adds PD feedback
        // plus kd·v_ref, which cancels the PD damping on the reference (the simulator damps v, not v − v_ref)
        double[] tauMax = ReconstructionObjective.torqueScale(model);
        double[] kd = PhysicsSimulation.gains(model, settings)[1];
        double[] controlsAll = new double[frames * nc];
        for (int t = 0; t < frames; t++) {
            int next = Math.min(frames - 1, t + 1);
            for (int i = 0; i < nu; i++) {
                int dof = model.actuatedStart() + i;
                double tau = ref.tau()[t * nv + dof] + kd[i] * ref.v()[next * nv + dof];
                controlsAll[t * nc + i] = Math.max(-tauMax[i], Math.min(tauMax[i], tau));
            }
        }
        List<WindowReport> reports = new ArrayList<>();
        int wlen = settings.window();
        double[] wq = new double[wlen * nq];
        double[] wv = new double[wlen * nv];
        double[] wc = new double[wlen * c];
        double[] wu = new double[wlen * nc];
        // what the simulation applied: torques (row t acts from frame t to t+1) and contact friction
        double[] applied = new double[frames * nu];
        double[] friction = new double[frames * c * 3];
        double[] wt = new double[wlen * nu];
        double[] wf = new double[wlen * c * 3];
        for (WindowPlan.Window w : plan) {
            long t0 = System.nanoTime();
            int s = w.start();
            State start = new State(nq, nv);
            System.arraycopy(q, s * nq, start.q, 0, nq);
            System.arraycopy(v, s * nv, start.v, 0, nv);
            double[] wref = Arrays.copyOfRange(qRef, (s + 1) * nq, (s + 1 + wlen) * nq);
            double[] previousU = null;
            if (s > 0) {
                previousU = new double[nu];
                for (int i = 0; i < nu; i++) {
                    previousU[i] = controlsAll[(s - 1) * nc + i] / tauMax[i];
                }
            }
            ReconstructionObjective f = new ReconstructionObjective(model, sim, stateLoss, settings.weights(), start,
                    wref, s + 1, wlen, previousU);
            System.arraycopy(controlsAll, s * nc, wu, 0, wlen * nc);
            double[] x0 = new double[f.dimension()];
            f.normalized(wu, x0);
            Outcome outcome = optimizeWindow(f, x0, w);
            WindowReport report = outcome.report();
            f.controls(outcome.x(), wu);
            if (!sim.simulate(start, wu, wref, wq, wv, wc, wf, wt)) {
                throw new IllegalStateException("window " + w.index() + " (frames " + (s + 1) + "-" + (s + wlen)
                        + "): the kept controls do not simulate");
            }
            for (int k = 0; k < wlen; k++) {
                int t = s + 1 + k;
                System.arraycopy(wq, k * nq, q, t * nq, nq);
                System.arraycopy(wv, k * nv, v, t * nv, nv);
                System.arraycopy(wc, k * c, contacts, t * c, c);
                System.arraycopy(wf, 3 * k * c, friction, 3 * t * c, 3 * c);
                System.arraycopy(wt, k * nu, applied, (t - 1) * nu, nu);
            }
            System.arraycopy(wu, 0, controlsAll, s * nc, wlen * nc);
            report = report.withSeconds((System.nanoTime() - t0) * 1e-9);
            reports.add(report);
            log.accept(String.format(java.util.Locale.ROOT, "window %d/%d frames %d-%d: loss %.4g -> %.4g (%s, %d it, %.1f s)%s",
                    w.index() + 1, plan.size(), s + 1, s + wlen, report.initialLoss(), report.finalLoss(),
                    report.optimizer(), report.iterations(), report.seconds(),
                    report.attempts() > 1 ? " RETRIED: " + report.note() : ""));
        }
        // frame 0 has no simulated contact: take frame 1's; the last frame repeats the last control
        System.arraycopy(contacts, c, contacts, 0, c);
        System.arraycopy(friction, 3 * c, friction, 0, 3 * c);
        System.arraycopy(controlsAll, (frames - 2) * nc, controlsAll, (frames - 1) * nc, nc);
        System.arraycopy(applied, (frames - 2) * nu, applied, (frames - 1) * nu, nu);
        timer.start("assemble");
        double[] torques = applied;
        double[] wrench = new double[frames * 6];
        double[] contact3 = new double[frames * c * 3];
        for (int t = 0; t < frames; t++) {
            System.arraycopy(controlsAll, t * nc + nu, wrench, t * 6, 6);
            for (int k = 0; k < c; k++) {
                // friction is tangential to the z-up floor: x, y from it, z the normal force
                contact3[(t * c + k) * 3] = friction[(t * c + k) * 3];
                contact3[(t * c + k) * 3 + 1] = friction[(t * c + k) * 3 + 1];
                contact3[(t * c + k) * 3 + 2] = contacts[t * c + k] + friction[(t * c + k) * 3 + 2];
            }
        }
        double[] jointsMm = keypointsMm(model, q, frames, obs.frame());
        timer.stop();
        return new Reconstruction(in.sequence().id(), obs.fps(), frames, model, ground, bones,
                jointsMm, kinematicMm,
                referenceMm, q, Arrays.copyOf(v, nv), torques, wrench, contact3, reports, timer.seconds());
    }

    /** The kept controls of a window and how they were found. */
    private record Outcome(WindowReport report, double[] x) {
    }

    /** Runs the chosen optimizer on one window with divergence handling. */
    private Outcome optimizeWindow(ReconstructionObjective f, double[] x0, WindowPlan.Window w) {
        double initial = f.value(x0);
        if (!Double.isFinite(initial)) {
            throw new IllegalStateException("window " + w.index() + " (frames " + (w.start() + 1) + "-" + w.end()
                    + "): the simulation of the initial controls is not finite");
        }
        List<Optimizer<?>> attempts = new ArrayList<>();
        Optimizer<?> first = OptimizerChoice.resolve(settings.optimizer());
        attempts.add(first);
        Optimizer<?> smaller = OptimizerChoice.smallerStep(first);
        if (smaller != null) {
            attempts.add(smaller);
        }
        if (!first.name().equals("lbfgs")) {
            attempts.add(OptimizerChoice.resolve("lbfgs"));
        }
        StringBuilder note = new StringBuilder();
        long evaluations = 0;
        for (int a = 0; a < attempts.size(); a++) {
            Optimizer<?> opt = attempts.get(a);
            List<Double> curve = new ArrayList<>();
            RunResult r = Minimizer.run(opt, f, x0, StoppingRule.maxIterations(settings.maxIterations()),
                    st -> curve.add(st.value));
            evaluations += r.evaluations();
            boolean diverged = r.nonFinite() || !(r.value() <= initial);
            if (!diverged) {
                return new Outcome(new WindowReport(w.index(), w.start(), w.length(), opt.name(), r.iterations(),
                        evaluations, initial, r.value(), r.status().name(), a + 1, note.toString(), 0,
                        curve.stream().mapToDouble(Double::doubleValue).toArray()), r.x());
            }
            note.append(opt.name()).append(a > 0 && smaller != null && opt == smaller ? " (step/10)" : "")
                    .append(" diverged (").append(r.status()).append(", f=").append(r.value()).append("); ");
        }
        note.append("kept the initial controls");
        return new Outcome(new WindowReport(w.index(), w.start(), w.length(), "none", 0, evaluations, initial, initial,
                "DIVERGED", attempts.size() + 1, note.toString(), 0, new double[] {initial}), x0.clone());
    }

    /**
     * β·reference + (1 − β)·input per coordinate (physics frame, m); where the input is missing
     * (NaN) the reference alone.
     */
    static double[] blendTargets(double[] input, double[] reference, double beta) {
        double[] out = new double[input.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = Double.isNaN(input[i]) ? reference[i] : beta * reference[i] + (1 - beta) * input[i];
        }
        return out;
    }

    static double[] keypointsMm(Model model, double[] q, int frames, SceneFrame frame) {
        int nq = model.nq();
        int kp = model.keypointCount();
        Workspace ws = model.newWorkspace();
        double[] qt = new double[nq];
        double[] p = new double[3 * kp];
        double[] out = new double[frames * kp * 3];
        for (int t = 0; t < frames; t++) {
            System.arraycopy(q, t * nq, qt, 0, nq);
            Kinematics.keypoints(model, ws, qt, p);
            frame.toData(p, 0, out, t * kp * 3, kp);
        }
        return out;
    }
}
