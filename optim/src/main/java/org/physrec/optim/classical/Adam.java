package org.physrec.optim.classical;

/**
 * Adam (Kingma and Ba 2015) with bias correction:
 * m ← β1·m + (1−β1)·g, v ← β2·v + (1−β2)·g², x ← x − η·m̂/(√v̂ + ε). One evaluation per iteration.
 */
public final class Adam extends FirstOrderOptimizer<Adam.Settings, Adam.State> {

    /**
     * @param learningRate η &gt; 0
     * @param beta1        β1 in [0, 1)
     * @param beta2        β2 in [0, 1)
     * @param epsilon      ε &gt; 0
     */
    public record Settings(double learningRate, double beta1, double beta2, double epsilon) {
        /** η = 0.1 (suits the test functions' scales), β1 = 0.9, β2 = 0.999, ε = 1e-8. */
        public static final Settings DEFAULTS = new Settings(0.1, 0.9, 0.999, 1e-8);

        public Settings {
            Checks.positive("learningRate", learningRate);
            Checks.inRange("beta1", beta1, 0, 1);
            Checks.inRange("beta2", beta2, 0, 1);
            Checks.positive("epsilon", epsilon);
        }

        public Settings withLearningRate(double eta) {
            return new Settings(eta, beta1, beta2, epsilon);
        }
    }

    /** Iterate, moment estimates and a trial buffer. */
    public static final class State extends FirstOrderOptimizer.TrialState {
        /** First moment m, length n. */
        public final double[] m;
        /** Second moment v, length n. */
        public final double[] v;

        State(int n) {
            super(n);
            m = new double[n];
            v = new double[n];
        }
    }

    public Adam(Settings settings) {
        super(settings);
    }

    public Adam() {
        this(Settings.DEFAULTS);
    }

    @Override
    public String name() {
        return "adam";
    }

    @Override
    State newState(int n) {
        return new State(n);
    }

    @Override
    void proposeTrial(State s) {
        Settings c = settings();
        int t = s.iteration + 1;
        double correction1 = 1 - Math.pow(c.beta1, t);
        double correction2 = 1 - Math.pow(c.beta2, t);
        for (int i = 0; i < s.x.length; i++) {
            double g = s.gradient[i];
            s.m[i] = c.beta1 * s.m[i] + (1 - c.beta1) * g;
            s.v[i] = c.beta2 * s.v[i] + (1 - c.beta2) * g * g;
            double mHat = s.m[i] / correction1;
            double vHat = s.v[i] / correction2;
            s.xTrial[i] = s.x[i] - c.learningRate * mHat / (Math.sqrt(vHat) + c.epsilon);
        }
    }
}
