package org.physrec.physics.bullet.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.physrec.physics.Model;
import org.physrec.physics.bullet.BulletRagdoll;
import org.physrec.physics.bullet.BulletSettings;
import org.physrec.physics.character.CharacterBuilder;
import org.physrec.physics.sim.SimSettings;
import org.physrec.physics.sim.Simulator;
import org.physrec.physics.tape.TapeState;

/** One step of the full character with ground contact: jbullet ragdoll vs our simulator. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@State(Scope.Thread)
public class BulletStepBenchmark {
    private Model model;
    private double[] q0;
    private double[] v0;
    private double[] tau;
    private double[] controls;
    private double[] q;
    private double[] v;
    private double dt;
    private BulletRagdoll ragdoll;
    private Simulator sim;
    private TapeState state;

    @Setup(Level.Trial)
    public void setup() {
        model = CharacterBuilder.standard();
        org.physrec.physics.State s = org.physrec.physics.State.neutral(model);
        s.q[2] = 0.96;
        q0 = s.q.clone();
        v0 = s.v.clone();
        tau = new double[model.nv()];
        controls = new double[model.nu()];
        q = q0.clone();
        v = v0.clone();
        sim = new Simulator(model, SimSettings.DEFAULTS);
        state = sim.newState();
        dt = SimSettings.DEFAULTS.dt();
    }

    /** A fresh ragdoll every iteration, so every measurement sees the same fall onto the ground. */
    @Setup(Level.Iteration)
    public void freshWorld() {
        ragdoll = BulletRagdoll.create(model, BulletSettings.DEFAULTS, q0, v0);
    }

    @Benchmark
    public void jbulletStep() {
        ragdoll.step(tau, dt);
    }

    @Benchmark
    public double[] oursStep() {
        System.arraycopy(q0, 0, q, 0, q.length);
        System.arraycopy(v0, 0, v, 0, v.length);
        sim.step(state, q, v, controls, null);
        return q;
    }
}
