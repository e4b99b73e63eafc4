package org.physrec.optim.classical;

import org.physrec.optim.Objective;
import org.physrec.optim.Optimizer;

/** Plain gradient descent x ← x − η·∇f(x): one evaluation per iteration. */
public final class GradientDescent implements Optimizer<GradientDescent.State> {

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
    public static final class State extends org.physrec.optim.OptimizerState {
        final double[] xTrial;
        final double[] gTrial;

        State(int n) {
            super(n);
            xTrial = new double[n];
            gTrial = new double[n];
        }
    }

    private final Settings settings;

    public GradientDescent(Settings settings) {
        this.settings = java.util.Objects.requireNonNull(settings, "settings");
    }

    public GradientDescent() {
        this(Settings.DEFAULTS);
    }

    public Settings settings() {
        return settings;
    }

    @Override
    public String name() {
        return "gd";
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
        for (int i = 0; i < s.x.length; i++) {
            s.xTrial[i] = s.x[i] - eta * s.gradient[i];
        }
        double v = s.evaluate(f, s.xTrial, s.gTrial);
        s.accept(s.xTrial, v, s.gTrial);
    }
}
