package org.physrec.app.export;

import java.util.List;

/**
 * What a reconstruction produces, as plain arrays (row-major, frame first). Optional parts (q,
 * torques, contacts, losses) are empty lists and zero-length arrays when absent, e.g. for a purely
 * kinematic estimate. Arrays are copied on construction; the accessors return the internal
 * arrays for zero-copy reading, so callers must not modify them.
 *
 * @param fps              frame rate, Hz
 * @param frames           T
 * @param jointNames       J joint names (H36M-17 order for the built-in skeleton)
 * @param jointPositions   (T x J x 3) world joint positions, mm, z up
 * @param coordinateNames  nq names of the generalised coordinates (with units in the name where useful)
 * @param q                (T x nq) generalised coordinates per frame, as the physics model defines them
 * @param torqueNames      nu names of the actuated degrees of freedom
 * @param torques          (T x nu) joint torques, N·m
 * @param contactNames     C names of the contact points
 * @param contactForces    (T x C x 3) world contact force on the body at each contact point, N
 * @param windowLosses     optimisation record per window
 */
public record Trajectory(double fps, int frames, List<String> jointNames, double[] jointPositions,
        List<String> coordinateNames, double[] q, List<String> torqueNames, double[] torques,
        List<String> contactNames, double[] contactForces, List<WindowLoss> windowLosses) {

    public Trajectory {
        if (!(fps > 0) || !Double.isFinite(fps)) {
            throw new IllegalArgumentException("fps: must be finite and > 0, got " + fps);
        }
        if (frames < 1) {
            throw new IllegalArgumentException("frames: must be >= 1, got " + frames);
        }
        jointNames = names("jointNames", jointNames);
        coordinateNames = names("coordinateNames", coordinateNames);
        torqueNames = names("torqueNames", torqueNames);
        contactNames = names("contactNames", contactNames);
        if (jointNames.isEmpty()) {
            throw new IllegalArgumentException("jointNames: at least one joint is needed");
        }
        jointPositions = checked("jointPositions", jointPositions, frames, jointNames.size() * 3);
        q = checked("q", q, frames, coordinateNames.size());
        torques = checked("torques", torques, frames, torqueNames.size());
        contactForces = checked("contactForces", contactForces, frames, contactNames.size() * 3);
        windowLosses = List.copyOf(windowLosses == null ? List.of() : windowLosses);
    }

    /** A trajectory of joint positions only. */
    public static Trajectory ofJoints(double fps, List<String> jointNames, double[] jointPositions) {
        int perFrame = jointNames.size() * 3;
        if (jointPositions == null || perFrame == 0 || jointPositions.length % perFrame != 0) {
            throw new IllegalArgumentException("jointPositions: length is not a multiple of " + perFrame);
        }
        return new Trajectory(fps, jointPositions.length / perFrame, jointNames, jointPositions, List.of(),
                new double[0], List.of(), new double[0], List.of(), new double[0], List.of());
    }

    /** J. */
    public int jointCount() {
        return jointNames.size();
    }

    private static List<String> names(String field, List<String> names) {
        if (names == null) {
            return List.of();
        }
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i) == null || names.get(i).isBlank()) {
                throw new IllegalArgumentException(field + ": name " + i + " is blank");
            }
        }
        return List.copyOf(names);
    }

    private static double[] checked(String field, double[] a, int frames, int perFrame) {
        double[] v = a == null ? new double[0] : a;
        long expected = (long) frames * perFrame;
        if (v.length != expected) {
            throw new IllegalArgumentException(field + ": expected " + frames + " frames x " + perFrame + " = "
                    + expected + " values, got " + v.length);
        }
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new IllegalArgumentException(field + ": non-finite value " + v[i] + " at frame " + i / perFrame
                        + ", column " + i % perFrame);
            }
        }
        return v.clone();
    }
}
