package org.physrec.physics;

/**
 * A collision/visual shape fixed to a body, in the body frame (metres).
 *
 * @param body   body index
 * @param shape  shape kind
 * @param a      CAPSULE: first end centre; SPHERE: centre; BOX: centre (length 3)
 * @param b      CAPSULE: second end centre; BOX: half extents; SPHERE: unused (zeros) (length 3)
 * @param radius CAPSULE, SPHERE: radius; BOX: 0
 */
public record Geometry(int body, Shape shape, double[] a, double[] b, double radius) {
    /** Shape kinds. */
    public enum Shape { CAPSULE, SPHERE, BOX }

    public Geometry {
        a = a.clone();
        b = b.clone();
    }

    @Override
    public double[] a() {
        return a.clone();
    }

    @Override
    public double[] b() {
        return b.clone();
    }
}
