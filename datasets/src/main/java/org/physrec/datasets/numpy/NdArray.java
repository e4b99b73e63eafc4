package org.physrec.datasets.numpy;

import java.util.Arrays;

/**
 * A numeric numpy array read into Java: its shape, numpy dtype string (e.g. "&lt;f4") and
 * values widened to double in C (row-major) order. Immutable.
 */
public final class NdArray {

    private final int[] shape;
    private final String dtype;
    private final double[] data;

    public NdArray(int[] shape, String dtype, double[] data) {
        long n = 1;
        for (int s : shape) {
            if (s < 0) {
                throw new IllegalArgumentException("shape: negative dimension in " + Arrays.toString(shape));
            }
            n *= s;
        }
        if (n != data.length) {
            throw new IllegalArgumentException("data: shape " + Arrays.toString(shape) + " needs " + n + " values, got "
                    + data.length);
        }
        this.shape = shape.clone();
        this.dtype = dtype;
        this.data = data;
    }

    /** Shape (a copy). */
    public int[] shape() {
        return shape.clone();
    }

    public int ndim() {
        return shape.length;
    }

    public int dim(int axis) {
        return shape[axis];
    }

    public String dtype() {
        return dtype;
    }

    public int size() {
        return data.length;
    }

    /** Values in C order (a copy). */
    public double[] data() {
        return data.clone();
    }

    /** Values of sub-array {@code index} along axis 0, in C order (a copy). */
    public double[] slice(int index) {
        if (shape.length == 0 || index < 0 || index >= shape[0]) {
            throw new IndexOutOfBoundsException("index " + index + " outside axis 0 of shape " + Arrays.toString(shape));
        }
        int n = data.length / shape[0];
        return Arrays.copyOfRange(data, index * n, (index + 1) * n);
    }

    /** True if the shape is exactly {@code expected}; -1 in {@code expected} matches any size. */
    public boolean hasShape(int... expected) {
        if (expected.length != shape.length) {
            return false;
        }
        for (int i = 0; i < shape.length; i++) {
            if (expected[i] != -1 && expected[i] != shape[i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "ndarray" + Arrays.toString(shape) + " " + dtype;
    }
}
