package org.physrec.physics.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.physrec.physics.ConfigSpace;
import org.physrec.physics.ForwardDynamics;
import org.physrec.physics.Kinematics;
import org.physrec.physics.Model;
import org.physrec.physics.Workspace;
import org.physrec.physics.character.CharacterBuilder;
import org.physrec.physics.sim.FrameLoss;
import org.physrec.physics.sim.Rollout;
import org.physrec.physics.sim.RolloutAdjoint;
import org.physrec.physics.sim.SimSettings;
import org.physrec.physics.sim.Simulator;
import org.physrec.physics.tape.TapeState;

/**
 * The character (13 bodies, nv = 34, 22 contact spheres) under the default settings
 * (25 FPS, 10 substeps, contact on), PD (kp 1000, kd 100) holding a standing pose, small
 * random torques, and a keypoint-tracking + torque loss like the reconstruction's.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx1g"})
public class PhysicsBenchmark {
    /** true: the substep tape runs in the interpreter ({@link Simulator#interpreted()}), not as generated code. */
    @Param({"false"})
    public boolean interpreted;
    private Model model;
    private Workspace ws;
    private double[] q;
    private double[] v;
    private double[] tau;
    private double[] qdd;
    private Simulator sim;
    private TapeState step;
    private org.physrec.physics.State stance;
    private double[] qs;
    private double[] vs;
    private double[] u1;
    private Rollout window;
    private RolloutAdjoint windowAdjoint;
    private RolloutAdjoint longAdjoint;
    private double[] u8;
    private double[] ref8;
    private double[] g8;
    private double[] u200;
    private double[] ref200;
    private double[] g200;
    private FrameLoss loss;

    @Setup
    public void setup() {
        model = CharacterBuilder.standard();
        ws = model.newWorkspace();
        Random rng = new Random(1);
        q = new double[model.nq()];
        model.neutralConfiguration(q);
        double[] d = new double[model.nv()];
        for (int k = 0; k < d.length; k++) {
            d[k] = 0.3 * rng.nextGaussian();
        }
        ConfigSpace.integrate(model, q, d, 1, q);
        v = new double[model.nv()];
        tau = new double[model.nv()];
        for (int k = 0; k < v.length; k++) {
            v[k] = rng.nextGaussian();
            tau[k] = 10 * rng.nextGaussian();
        }
        qdd = new double[model.nv()];

        double[] kp = new double[model.nu()];
        double[] kd = new double[model.nu()];
        java.util.Arrays.fill(kp, 1000);
        java.util.Arrays.fill(kd, 100);
        sim = new Simulator(model, SimSettings.DEFAULTS.withPd(kp, kd));
        if (interpreted) {
            sim = sim.interpreted();
        }
        step = sim.newState();
        stance = stance(model, 0.05);
        qs = stance.q.clone();
        vs = stance.v.clone();
        u1 = new double[sim.controlDim()];
        window = new Rollout(sim, 8);
        windowAdjoint = new RolloutAdjoint(sim, 8);
        longAdjoint = new RolloutAdjoint(sim, 200);
        u8 = torques(rng, 8);
        ref8 = reference(8);
        g8 = new double[u8.length];
        u200 = torques(rng, 200);
        ref200 = reference(200);
        g200 = new double[u200.length];
        double[] target = new double[3 * model.keypointCount()];
        Kinematics.keypoints(model, ws, stance.q, target);
        int nc = sim.controlDim();
        loss = (t, qq, vv, kpos, u, gK, gq, gv, gU) -> {
            double l = 0;
            for (int i = 0; i < kpos.length; i++) {
                double e = kpos[i] - target[i];
                l += e * e;
                gK[i] = 2 * e;
            }
            for (int i = 0; i < nc; i++) {
                double x = u[t * nc + i];
                l += 1e-3 * x * x;
                gU[t * nc + i] += 2e-3 * x;
            }
            return l;
        };
    }

    private double[] torques(Random rng, int frames) {
        double[] u = new double[frames * sim.controlDim()];
        for (int i = 0; i < u.length; i++) {
            u[i] = 2 * rng.nextGaussian();
        }
        return u;
    }

    private double[] reference(int frames) {
        double[] r = new double[frames * model.nq()];
        for (int t = 0; t < frames; t++) {
            System.arraycopy(stance.q, 0, r, t * model.nq(), model.nq());
        }
        return r;
    }

    /** Standing, leaning forward at the ankles, soles touching the ground. */
    static org.physrec.physics.State stance(Model m, double lean) {
        org.physrec.physics.State x = org.physrec.physics.State.neutral(m);
        double[] d = new double[m.nv()];
        d[4] = lean;
        for (String foot : new String[] {"r_foot", "l_foot"}) {
            d[m.vStart(m.bodyIndex(foot)) + 1] = -lean;
        }
        ConfigSpace.integrate(m, x.q, d, 1, x.q);
        double[] c = new double[3 * m.contactCount()];
        Kinematics.contactCenters(m, m.newWorkspace(), x.q, c);
        double low = Double.POSITIVE_INFINITY;
        for (int k = 0; k < m.contactCount(); k++) {
            low = Math.min(low, c[3 * k + 2] - m.contactRadius(k));
        }
        x.q[2] -= low + 0.002;
        return x;
    }

    /** One forward-dynamics call (CRBA + RNEA bias + sparse LᵀDL), no contact. */
    @Benchmark
    public double forwardDynamics() {
        ForwardDynamics.compute(model, ws, q, v, tau, qdd);
        return qdd[0];
    }

    /** The same forward dynamics by the articulated-body algorithm (plain Java, no tape). */
    @Benchmark
    public double forwardDynamicsAba() {
        ForwardDynamics.aba(model, ws, q, v, tau, qdd);
        return qdd[0];
    }

    /** One substep with contact (8 foot spheres penetrating), PD, limits. */
    @Benchmark
    public double stepWithContact() {
        System.arraycopy(stance.q, 0, qs, 0, qs.length);
        System.arraycopy(stance.v, 0, vs, 0, vs.length);
        sim.step(step, qs, vs, u1, stance.q);
        return vs[2];
    }

    /** 8 frames × 10 substeps forward, with the loss. */
    @Benchmark
    public double window8Forward() {
        return window.run(stance, u8, ref8, 8, loss);
    }

    /** 8 frames forward + adjoint: loss and gradient w.r.t. 8 × 28 torques and the initial state. */
    @Benchmark
    public double window8Gradient() {
        return windowAdjoint.valueAndGradient(stance, u8, ref8, 8, loss, g8, null, null);
    }

    /** 200 frames (2000 substeps) forward + adjoint. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public double rollout200Gradient() {
        return longAdjoint.valueAndGradient(stance, u200, ref200, 200, loss, g200, null, null);
    }
}
