package org.physrec.optim.classical;

/** Argument checks for settings records, naming the argument. */
final class Checks {

    private Checks() {
    }

    static void positive(String name, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + ": must be finite and > 0, got " + value);
        }
    }

    /** lo ≤ value &lt; hi. */
    static void inRange(String name, double value, double lo, double hi) {
        if (!(value >= lo && value < hi)) {
            throw new IllegalArgumentException(name + ": must be in [" + lo + ", " + hi + "), got " + value);
        }
    }

    static void atLeast(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(name + ": must be >= " + min + ", got " + value);
        }
    }

    static void nonNegative(String name, double value) {
        if (!(value >= 0)) {
            throw new IllegalArgumentException(name + ": must be >= 0, got " + value);
        }
    }

    /** The strong-Wolfe constants: 0 &lt; c1 &lt; c2 &lt; 1. */
    static void wolfeConstants(double c1, double c2) {
        if (!(0 < c1 && c1 < c2 && c2 < 1)) {
            throw new IllegalArgumentException("c1, c2: need 0 < c1 < c2 < 1, got " + c1 + ", " + c2);
        }
    }
}
