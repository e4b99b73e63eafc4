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
}
