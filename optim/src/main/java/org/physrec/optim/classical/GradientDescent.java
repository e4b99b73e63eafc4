package org.physrec.optim.classical;

/** Plain gradient descent x ← x − η·∇f(x): one evaluation per iteration. */
public final class GradientDescent extends FirstOrderOptimizer<GradientDescent.Settings, GradientDescent.State> {

    /**
     * @param learningRate η &gt; 0
     */
    public record Settings(double learningRate) {
        /** η = 1e-3. */
        public static final Settings DEFAULTS = new Settings(1e-3);

        public Settings {
            Checks.positive("learningRate", learningRate);
        }

        public Settings withLearningRate(double eta) {
            return new Settings(eta);
        }
    }

    /** Iterate plus one trial buffer pair. */
    public static final class State extends FirstOrderOptimizer.TrialState {
        State(int n) {
            super(n);
        }
    }

    public GradientDescent(Settings settings) {
        super(settings);
    }

    public GradientDescent() {
        this(Settings.DEFAULTS);
    }

    @Override
    public String name() {
        return "gd";
    }

    @Override
    State newState(int n) {
        return new State(n);
    }

    @Override
    void proposeTrial(State s) {
        double eta = settings().learningRate;
        for (int i = 0; i < s.x.length; i++) {
            s.xTrial[i] = s.x[i] - eta * s.gradient[i];
        }
    }
}
