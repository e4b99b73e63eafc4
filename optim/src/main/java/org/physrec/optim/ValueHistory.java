package org.physrec.optim;

import java.util.Arrays;

/**
 * The objective values f(x_0), f(x_1), ... of one run, one per completed iteration, which
 * history-based stopping rules (Algorithm 1's) read. Grows by doubling, so appending is
 * amortized allocation-free.
 */
public final class ValueHistory {

    private double[] values = new double[256];
    private int size;

    /** Appends f(x_k) for the next iteration k = {@link #size()}. */
    public void add(double value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, 2 * size);
        }
        values[size++] = value;
    }

    /** Number of recorded values (completed iterations + 1 once the start is recorded). */
    public int size() {
        return size;
    }

    /** f(x_k) for iteration k in [0, size). */
    public double get(int k) {
        if (k < 0 || k >= size) {
            throw new IndexOutOfBoundsException("k: " + k + " not in [0, " + size + ")");
        }
        return values[k];
    }

    /** The most recent value, f(x_{size-1}). */
    public double last() {
        return get(size - 1);
    }

    /** Forgets all values. */
    public void clear() {
        size = 0;
    }
}
