package org.physrec.datasets;

/** Which world axis points up (against gravity). Human3.6M and physrec JSON: Z; AIST++ release: Y. */
public enum UpAxis {
    Y, Z;

    /** Parses "y" or "z" (case-insensitive). */
    public static UpAxis parse(String s) {
        if (s != null && s.equalsIgnoreCase("y")) {
            return Y;
        }
        if (s != null && s.equalsIgnoreCase("z")) {
            return Z;
        }
        throw new IllegalArgumentException("up_axis: expected 'y' or 'z', got '" + s + "'");
    }

    /** Rotation (3x3 row-major) taking this frame to z-up: y-up to z-up is (x, y, z) -> (x, -z, y). */
    public double[] toZUp() {
        return this == Z ? new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1} : new double[] {1, 0, 0, 0, 0, -1, 0, 1, 0};
    }

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
