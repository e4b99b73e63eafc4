package org.physrec.optim.classical;

/**
 * Heavy-ball momentum: v ← μ·v + ∇f(x), x ← x − η·v (the PyTorch/optax form), one evaluation
 * per iteration.
 */
public final class Momentum extends FirstOrderOptimizer<Momentum.Settings, Momentum.State> {

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
    public static final class State extends FirstOrderOptimizer.TrialState {
        /** Velocity v, length n. */
        public final double[] velocity;

        State(int n) {
            super(n);
            velocity = new double[n];
        }
    }

    public Momentum(Settings settings) {
        super(settings);
    }

    public Momentum() {
        this(Settings.DEFAULTS);
    }

    @Override
    public String name() {
        return "momentum";
    }

    @Override
    State newState(int n) {
        return new State(n);
    }

    @Override
    void proposeTrial(State s) {
        double eta = settings().learningRate;
        double mu = settings().momentum;
        for (int i = 0; i < s.x.length; i++) {
            s.velocity[i] = mu * s.velocity[i] + s.gradient[i];
            s.xTrial[i] = s.x[i] - eta * s.velocity[i];
        }
    }
}
