package org.physrec.physics;

/** Joint of a body to its parent, with its configuration (nq) and tangent (nv) sizes. */
public enum JointType {
    /** Root only: welded to the world at the body's offset. nq = nv = 0. */
    FIXED(0, 0),
    /**
     * Root only: position (x, y, z) in metres then unit quaternion (w, x, y, z), body to world.
     * Velocity: linear velocity of the body origin in world coordinates (m/s), then angular
     * velocity in world coordinates (rad/s). nq = 7, nv = 6.
     */
    FREE(7, 6),
    /**
     * Spherical joint: unit quaternion (w, x, y, z), child relative to parent. Velocity: relative
     * angular velocity in the child frame (rad/s). nq = 4, nv = 3.
     */
    BALL(4, 3),
    /** Revolute joint about a fixed axis of the parent frame: angle (rad). nq = nv = 1. */
    HINGE(1, 1);

    private final int nq;
    private final int nv;

    JointType(int nq, int nv) {
        this.nq = nq;
        this.nv = nv;
    }

    public int nq() {
        return nq;
    }

    public int nv() {
        return nv;
    }
}
