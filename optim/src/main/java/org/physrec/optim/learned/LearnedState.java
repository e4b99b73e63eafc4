package org.physrec.optim.learned;

import org.physrec.optim.OptimizerState;

/** State shared by the learned optimizers: feature accumulators and step buffers, allocated once. */
public class LearnedState extends OptimizerState {

    final AdafactorFeatures.Accumulators accumulators;
    /** (n × 39) features of the current step. */
    final float[] features;
    /** (28) normalization scratch. */
    final double[] featureScratch = new double[AdafactorFeatures.NORMALIZED];
    /** (n) the step s; the next iterate is x − s. */
    final double[] step;
    final double[] xTrial;
    final double[] gTrial;

    public LearnedState(int n) {
        super(n);
        accumulators = new AdafactorFeatures.Accumulators(n);
        features = new float[n * AdafactorFeatures.COUNT];
        step = new double[n];
        xTrial = new double[n];
        gTrial = new double[n];
    }

    /** The step taken by the last iteration (x_new = x_old − step). */
    public double[] lastStep() {
        return step;
    }
}
