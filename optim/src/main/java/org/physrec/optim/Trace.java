package org.physrec.optim;

import java.util.Arrays;

/**
 * Records (iteration, evaluations, value) after the start and every iteration, for plots of loss
 * versus iterations or evaluations. Grows by doubling.
 */
public final class Trace implements IterationListener {

    private int[] iterations = new int[64];
    private long[] evaluations = new long[64];
    private double[] values = new double[64];
    private int size;

    @Override
    public void onIteration(OptimizerState state) {
        if (size == values.length) {
            iterations = Arrays.copyOf(iterations, 2 * size);
            evaluations = Arrays.copyOf(evaluations, 2 * size);
            values = Arrays.copyOf(values, 2 * size);
        }
        iterations[size] = state.iteration;
        evaluations[size] = state.evaluations;
        values[size] = state.value;
        size++;
    }

    public int size() {
        return size;
    }

    public int iteration(int i) {
        return iterations[checked(i)];
    }

    public long evaluations(int i) {
        return evaluations[checked(i)];
    }

    public double value(int i) {
        return values[checked(i)];
    }

    private int checked(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("i: " + i + " not in [0, " + size + ")");
        }
        return i;
    }
}
