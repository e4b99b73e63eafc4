package org.physrec.optim.classical;

import org.physrec.optim.Objective;
import org.physrec.optim.Optimizer;

/**
 * Heavy-ball momentum: v ← μ·v + ∇f(x), x ← x − η·v (the PyTorch/optax form), one evaluation
 * per iteration.
 */
public final class Momentum implements Optimizer<Momentum.State> {

    /**
     * @param learningRate η &gt; 0
     * @param momentum     μ in [0, 1)
     */
    public record Settings(double learningRate, double momentum) {
        /** η = 1e-3, μ = 0.9. */
        public static final Settings DEFAULTS = new Settings(1e-3, 0.9);

        public Settings {
            Checks.positive("learningRate", learningRate);
            Checks.inRange("momentum", momentum, 0, 1);
        }

        public Settings withLearningRate(double eta) {
            return new Settings(eta, momentum);
        }

        public Settings withMomentum(double mu) {
            return new Settings(learningRate, mu);
        }
    }

    /** Iterate, velocity and trial buffers. */
    public static final class State extends org.physrec.optim.OptimizerState {
        /** Velocity v, length n. */
        public final double[] velocity;
        final double[] xTrial;
        final double[] gTrial;

        State(int n) {
            super(n);
            velocity = new double[n];
            xTrial = new double[n];
            gTrial = new double[n];
        }
    }

    private final Settings settings;

    public Momentum(Settings settings) {
        this.settings = java.util.Objects.requireNonNull(settings, "settings");
    }

    public Momentum() {
        this(Settings.DEFAULTS);
    }

    public Settings settings() {
        return settings;
    }

    @Override
    public String name() {
        return "momentum";
    }

    @Override
    public State init(double[] x0, Objective f) {
        State s = new State(x0.length);
        s.start(x0, f);
        return s;
    }

    @Override
    public void step(State s, Objective f) {
        if (!s.isRunning()) {
            return;
        }
        double eta = settings.learningRate;
        double mu = settings.momentum;
        for (int i = 0; i < s.x.length; i++) {
            s.velocity[i] = mu * s.velocity[i] + s.gradient[i];
            s.xTrial[i] = s.x[i] - eta * s.velocity[i];
        }
        double v = s.evaluate(f, s.xTrial, s.gTrial);
        s.accept(s.xTrial, v, s.gTrial);
    }
}
