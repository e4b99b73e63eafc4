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
        Model model = SubjectFit.character(in.boneLengths(), settings.massKg());
        Observations obs = in.observations();
        int frames = obs.frames();
        int nq = model.nq();
        int nv = model.nv();
        int nu = model.nu();
        int kp = model.keypointCount();

        timer.start("ik");
        double[] qRef = new double[frames * nq];
        new InverseKinematics(model, settings.ik()).fitSequence(in.ikTargets(), null, qRef);
        ReferenceMotion ref = ReferenceMotion.of(model, qRef, obs.fps());
        double[] referenceMm = keypointsMm(model, qRef, frames, obs.frame());

        timer.start("optimize");
        List<WindowPlan.Window> plan = WindowPlan.plan(frames - 1, settings.window(), settings.overlap());
        WindowSimulation sim = simulations.apply(model);
        StateLoss stateLoss = new StateLoss(model, obs, settings.weights());
        int c = sim.contactCount();
        double[] q = new double[frames * nq];
        double[] v = new double[frames * nv];
        double[] forcesAll = new double[frames * nv];
        double[] contacts = new double[frames * c * 3];
        System.arraycopy(ref.q(), 0, q, 0, nq);
        System.arraycopy(ref.v(), 0, v, 0, nv);
        // initial controls: inverse-dynamics torques of the reference, no residual wrench
        for (int t = 0; t < frames; t++) {
            for (int i = 6; i < nv; i++) {
                forcesAll[t * nv + i] = ref.tau()[t * nv + i];
            }
        }
        List<WindowReport> reports = new ArrayList<>();
        double[] previousU = null;
        int wlen = settings.window();
        double[] wq = new double[wlen * nq];
        double[] wv = new double[wlen * nv];
        double[] wc = new double[wlen * c * 3];
        double[] wf = new double[wlen * nv];
        for (WindowPlan.Window w : plan) {
            long t0 = System.nanoTime();
            int s = w.start();
            State start = new State(nq, nv);
            System.arraycopy(q, s * nq, start.q, 0, nq);
            System.arraycopy(v, s * nv, start.v, 0, nv);
            ReconstructionObjective f = new ReconstructionObjective(model, sim, stateLoss, settings.weights(), start,
                    s + 1, wlen, true, previousU);
            System.arraycopy(forcesAll, s * nv, wf, 0, wlen * nv);
            clampTorques(model, wf, wlen);
            double[] x0 = new double[f.dimension()];
            f.controls(wf, x0);
            Outcome outcome = optimizeWindow(f, x0, w);
            WindowReport report = outcome.report();
            double[] x = outcome.x();
            f.forces(x, wf);
            sim.simulate(start, wf, wq, wv, wc);
            for (int k = 0; k < wlen; k++) {
                int t = s + 1 + k;
                System.arraycopy(wq, k * nq, q, t * nq, nq);
                System.arraycopy(wv, k * nv, v, t * nv, nv);
                System.arraycopy(wc, k * c * 3, contacts, t * c * 3, c * 3);
                System.arraycopy(wf, k * nv, forcesAll, (s + k) * nv, nv);
            }
            int keepLast = Math.min(wlen, wlen - settings.overlap());
            previousU = Arrays.copyOfRange(x, (keepLast - 1) * nu, keepLast * nu);
            if (w.index() + 1 < plan.size()) {
                // the next window re-optimizes the overlap: its previous control is the one before it
                int nextStart = plan.get(w.index() + 1).start();
                int k = nextStart - s - 1;
                previousU = k >= 0 ? Arrays.copyOfRange(x, k * nu, (k + 1) * nu) : null;
            }
            report = report.withSeconds((System.nanoTime() - t0) * 1e-9);
            reports.add(report);
            log.accept(String.format(java.util.Locale.ROOT, "window %d/%d frames %d-%d: loss %.4g -> %.4g (%s, %d it, %.1f s)%s",
                    w.index() + 1, plan.size(), s + 1, s + wlen, report.initialLoss(), report.finalLoss(),
                    report.optimizer(), report.iterations(), report.seconds(),
                    report.attempts() > 1 ? " RETRIED: " + report.note() : ""));
        }
        // the last frame has no interval after it: repeat the last control
        System.arraycopy(forcesAll, (frames - 2) * nv, forcesAll, (frames - 1) * nv, nv);
        double[] contactsFrame0 = Arrays.copyOfRange(contacts, c * 3, 2 * c * 3);
        System.arraycopy(contactsFrame0, 0, contacts, 0, c * 3);
        timer.start("assemble");
        double[] torques = new double[frames * nu];
        double[] wrench = new double[frames * 6];
        for (int t = 0; t < frames; t++) {
            System.arraycopy(forcesAll, t * nv + 6, torques, t * nu, nu);
            System.arraycopy(forcesAll, t * nv, wrench, t * 6, 6);
        }
        double[] jointsMm = keypointsMm(model, q, frames, obs.frame());
        double[] kinematicMm = obs.frame().toData(in.ikTargets());
        timer.stop();
        return new Reconstruction(in.sequence().id(), obs.fps(), frames, model, in.groundZmm(), in.boneLengths(),
                jointsMm, kinematicMm,
                referenceMm, q, torques, wrench, contacts, reports, timer.seconds());
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

    private static void clampTorques(Model model, double[] forces, int frames) {
        int nv = model.nv();
        int a0 = model.actuatedStart();
        for (int t = 0; t < frames; t++) {
            for (int i = 0; i < model.nu(); i++) {
                double l = model.torqueLimit(i);
                int k = t * nv + a0 + i;
                forces[k] = Math.max(-l, Math.min(l, forces[k]));
            }
        }
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
