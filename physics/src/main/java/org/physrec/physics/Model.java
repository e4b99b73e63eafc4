package org.physrec.physics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Immutable articulated-body model: a tree of rigid bodies numbered depth-first (every
 * subtree is a contiguous index range, enforced), one joint per body, inertias, geometry,
 * contact spheres, named keypoints (body-frame points, e.g. the 17 H36M joints), joint and
 * torque limits. SI units: metres, kilograms, seconds, radians; world z is up.
 *
 * <p>At the neutral configuration (identity quaternions, zero hinge angles) every body frame
 * is parallel to the world frame; a joint sits at {@link #jointOffset} in its parent's frame.
 * Dofs are numbered body by body; the actuated dofs are all dofs except those of a FREE root.
 * Build with {@link Builder} (or {@code character.CharacterBuilder}).
 */
public final class Model {
    private final String[] bodyNames;
    private final int[] parent;
    private final JointType[] joint;
    private final double[] jointOffset;
    private final double[] hingeAxis;
    private final double[] mass;
    private final double[] com;
    private final double[] inertia;
    private final int[] qStart;
    private final int[] vStart;
    private final int nq;
    private final int nv;
    private final int nu;
    private final int[] dofParent;
    private final int[] dofBody;
    private final double[] armature;
    private final double[] lower;
    private final double[] upper;
    private final double[] torqueLimit;
    private final List<Geometry> geometry;
    private final int[] contactBody;
    private final double[] contactCenter;
    private final double[] contactRadius;
    private final String[] keypointNames;
    private final int[] keypointBody;
    private final double[] keypointPoint;
    private final double[] gravity;
    private final Programs programs;

    private Model(Builder b) {
        int n = b.names.size();
        if (n == 0) {
            throw new IllegalArgumentException("model: no bodies");
        }
        bodyNames = b.names.toArray(new String[0]);
        parent = b.parents.stream().mapToInt(Integer::intValue).toArray();
        joint = b.joints.toArray(new JointType[0]);
        jointOffset = flat(b.offsets);
        hingeAxis = flat(b.axes);
        mass = b.masses.stream().mapToDouble(Double::doubleValue).toArray();
        com = flat(b.coms);
        inertia = flat(b.inertias);
        checkTopology();
        qStart = new int[n];
        vStart = new int[n];
        int q = 0;
        int v = 0;
        for (int i = 0; i < n; i++) {
            qStart[i] = q;
            vStart[i] = v;
            q += joint[i].nq();
            v += joint[i].nv();
        }
        nq = q;
        nv = v;
        nu = nv - (joint[0] == JointType.FREE ? 6 : 0);
        dofParent = new int[nv];
        dofBody = new int[nv];
        for (int i = 0; i < n; i++) {
            int prevLast = i == 0 ? -1 : lastDofAtOrAbove(parent[i]);
            for (int k = 0; k < joint[i].nv(); k++) {
                int dof = vStart[i] + k;
                dofBody[dof] = i;
                dofParent[dof] = k == 0 ? prevLast : dof - 1;
            }
        }
        armature = fill(nv, b.armature);
        lower = fill(nu, Double.NEGATIVE_INFINITY);
        upper = fill(nu, Double.POSITIVE_INFINITY);
        torqueLimit = fill(nu, Double.POSITIVE_INFINITY);
        for (int i = 0; i < n; i++) {
            int first = vStart[i] - (nv - nu);
            double[] lo = b.lowers.get(i);
            double[] hi = b.uppers.get(i);
            double[] tl = b.torqueLimits.get(i);
            for (int k = 0; k < joint[i].nv() && first >= 0; k++) {
                if (lo != null) {
                    lower[first + k] = lo[k];
                    upper[first + k] = hi[k];
                }
                if (tl != null) {
                    torqueLimit[first + k] = tl[k];
                }
            }
        }
        for (int k = 0; k < nv - nu; k++) {
            armature[k] = 0;
        }
        geometry = List.copyOf(b.geometry);
        contactBody = b.contactBodies.stream().mapToInt(Integer::intValue).toArray();
        contactCenter = flat(b.contactCenters);
        contactRadius = b.contactRadii.stream().mapToDouble(Double::doubleValue).toArray();
        keypointNames = b.keypointNames.toArray(new String[0]);
        keypointBody = b.keypointBodies.stream().mapToInt(Integer::intValue).toArray();
        keypointPoint = flat(b.keypointPoints);
        gravity = b.gravity.clone();
        programs = new Programs(this);
    }

    private int lastDofAtOrAbove(int body) {
        for (int i = body; i >= 0; i = parent[i]) {
            if (joint[i].nv() > 0) {
                return vStart[i] + joint[i].nv() - 1;
            }
        }
        return -1;
    }

    private void checkTopology() {
        if (parent[0] != -1) {
            throw new IllegalArgumentException("body 0 (" + bodyNames[0] + "): must be the root (parent -1)");
        }
        if (joint[0] != JointType.FIXED && joint[0] != JointType.FREE) {
            throw new IllegalArgumentException("body 0 (" + bodyNames[0] + "): root joint must be FIXED or FREE");
        }
        for (int i = 1; i < parent.length; i++) {
            int p = parent[i];
            if (p < 0 || p >= i) {
                throw new IllegalArgumentException("body " + i + " (" + bodyNames[i] + "): parent " + p
                        + " must come before it (depth-first numbering)");
            }
            if (joint[i] == JointType.FIXED || joint[i] == JointType.FREE) {
                throw new IllegalArgumentException("body " + i + " (" + bodyNames[i] + "): only the root may be "
                        + joint[i]);
            }
            // depth-first (pre-order): the parent must be the previous body or one of its ancestors
            int a = i - 1;
            while (a != -1 && a != p) {
                a = parent[a];
            }
            if (a != p) {
                throw new IllegalArgumentException("body " + i + " (" + bodyNames[i] + "): numbering is not depth-first;"
                        + " subtree of body " + p + " is not contiguous");
            }
        }
    }

    // ---- sizes and topology -------------------------------------------------------------

    public int bodyCount() {
        return parent.length;
    }

    /** Configuration size. */
    public int nq() {
        return nq;
    }

    /** Velocity (tangent) size. */
    public int nv() {
        return nv;
    }

    /** Number of actuated dofs: all dofs but those of a FREE root. */
    public int nu() {
        return nu;
    }

    /** First velocity index of the actuated dofs (6 with a FREE root, else 0). */
    public int actuatedStart() {
        return nv - nu;
    }

    public String bodyName(int i) {
        return bodyNames[i];
    }

    /** Index of the named body, or -1. */
    public int bodyIndex(String name) {
        for (int i = 0; i < bodyNames.length; i++) {
            if (bodyNames[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    public int parent(int i) {
        return parent[i];
    }

    public JointType joint(int i) {
        return joint[i];
    }

    /** First configuration index of body i's joint. */
    public int qStart(int i) {
        return qStart[i];
    }

    /** First velocity index of body i's joint. */
    public int vStart(int i) {
        return vStart[i];
    }

    /** Parent dof of dof k in the expanded dof tree (-1 for the first root dof); always &lt; k. */
    public int dofParent(int k) {
        return dofParent[k];
    }

    /** Body moved by dof k. */
    public int dofBody(int k) {
        return dofBody[k];
    }

    /** Joint position in the parent frame (root: its world position if FIXED), component c. */
    public double jointOffset(int i, int c) {
        return jointOffset[3 * i + c];
    }

    /** Hinge axis (unit, parent = child frame), component c; zeros for other joints. */
    public double hingeAxis(int i, int c) {
        return hingeAxis[3 * i + c];
    }

    /** Mass of body i (kg). */
    public double mass(int i) {
        return mass[i];
    }

    /** Total mass (kg). */
    public double totalMass() {
        double m = 0;
        for (double x : mass) {
            m += x;
        }
        return m;
    }

    /** Centre of mass of body i in its frame (m), component c. */
    public double com(int i, int c) {
        return com[3 * i + c];
    }

    /** Rotational inertia of body i about its centre of mass, body frame (kg·m²), row r, column c. */
    public double inertia(int i, int r, int c) {
        return inertia[9 * i + 3 * r + c];
    }

    /** Armature (reflected rotor inertia) added to the mass-matrix diagonal at dof k. */
    public double armature(int k) {
        return armature[k];
    }

    /** Soft lower limit of actuated dof j (rad; for ball joints a rotation-vector component). */
    public double lowerLimit(int j) {
        return lower[j];
    }

    public double upperLimit(int j) {
        return upper[j];
    }

    /** Actuator torque limit of actuated dof j (N·m). */
    public double torqueLimit(int j) {
        return torqueLimit[j];
    }

    public List<Geometry> geometry() {
        return geometry;
    }

    public int contactCount() {
        return contactBody.length;
    }

    public int contactBody(int k) {
        return contactBody[k];
    }

    /** Centre of contact sphere k in its body frame (m), component c. */
    public double contactCenter(int k, int c) {
        return contactCenter[3 * k + c];
    }

    public double contactRadius(int k) {
        return contactRadius[k];
    }

    public int keypointCount() {
        return keypointBody.length;
    }

    public String keypointName(int j) {
        return keypointNames[j];
    }

    public int keypointBody(int j) {
        return keypointBody[j];
    }

    /** Keypoint j in its body frame (m), component c. */
    public double keypointPoint(int j, int c) {
        return keypointPoint[3 * j + c];
    }

    /** Gravity acceleration (m/s²), component c. */
    public double gravity(int c) {
        return gravity[c];
    }

    /** Writes the neutral configuration: zero position/angles, identity quaternions. */
    public void neutralConfiguration(double[] qOut) {
        Checks.length("qOut", qOut, nq);
        Arrays.fill(qOut, 0);
        for (int i = 0; i < parent.length; i++) {
            if (joint[i] == JointType.FREE) {
                qOut[qStart[i] + 3] = 1;
            } else if (joint[i] == JointType.BALL) {
                qOut[qStart[i]] = 1;
            }
        }
    }

    /** A new per-thread scratch space for the algorithms on this model. */
    public Workspace newWorkspace() {
        return new Workspace(this);
    }

    Programs programs() {
        return programs;
    }

    private static double[] flat(List<double[]> rows) {
        int w = rows.isEmpty() ? 0 : rows.get(0).length;
        double[] r = new double[rows.size() * w];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, r, i * w, w);
        }
        return r;
    }

    private static double[] fill(int n, double v) {
        double[] r = new double[n];
        Arrays.fill(r, v);
        return r;
    }

    /** Builds a {@link Model}; bodies must be added in depth-first order, root first. */
    public static final class Builder {
        private final List<String> names = new ArrayList<>();
        private final List<Integer> parents = new ArrayList<>();
        private final List<JointType> joints = new ArrayList<>();
        private final List<double[]> offsets = new ArrayList<>();
        private final List<double[]> axes = new ArrayList<>();
        private final List<Double> masses = new ArrayList<>();
        private final List<double[]> coms = new ArrayList<>();
        private final List<double[]> inertias = new ArrayList<>();
        private final List<double[]> lowers = new ArrayList<>();
        private final List<double[]> uppers = new ArrayList<>();
        private final List<double[]> torqueLimits = new ArrayList<>();
        private final List<Geometry> geometry = new ArrayList<>();
        private final List<Integer> contactBodies = new ArrayList<>();
        private final List<double[]> contactCenters = new ArrayList<>();
        private final List<Double> contactRadii = new ArrayList<>();
        private final List<String> keypointNames = new ArrayList<>();
        private final List<Integer> keypointBodies = new ArrayList<>();
        private final List<double[]> keypointPoints = new ArrayList<>();
        private double[] gravity = {0, 0, -9.81};
        private double armature;

        /**
         * Adds a body; returns its index.
         *
         * @param name        unique name
         * @param parent      parent index (-1 for the root, which must be first)
         * @param joint       joint type (FIXED/FREE for the root, BALL/HINGE otherwise)
         * @param offset      joint position in the parent frame (m) (root: world position)
         * @param hingeAxis   unit axis for HINGE (parent frame), ignored otherwise (may be null)
         * @param mass        mass (kg), &gt; 0
         * @param com         centre of mass in the body frame (m)
         * @param inertia     3x3 rotational inertia about the com, body frame, row-major (kg·m²)
         */
        public int addBody(String name, int parent, JointType joint, double[] offset, double[] hingeAxis,
                           double mass, double[] com, double[] inertia) {
            if (names.contains(name)) {
                throw new IllegalArgumentException("name: duplicate body name " + name);
            }
            Checks.finite3("offset of " + name, offset);
            Checks.finite3("com of " + name, com);
            if (!(mass > 0) || !Double.isFinite(mass)) {
                throw new IllegalArgumentException("mass of " + name + ": must be finite and > 0, got " + mass);
            }
            Checks.length("inertia of " + name, inertia, 9);
            Checks.inertia("inertia of " + name, inertia);
            double[] axis = new double[3];
            if (joint == JointType.HINGE) {
                Checks.finite3("hingeAxis of " + name, hingeAxis);
                double n = Math.sqrt(hingeAxis[0] * hingeAxis[0] + hingeAxis[1] * hingeAxis[1]
                        + hingeAxis[2] * hingeAxis[2]);
                if (Math.abs(n - 1) > 1e-9) {
                    throw new IllegalArgumentException("hingeAxis of " + name + ": must be a unit vector, norm " + n);
                }
                axis = hingeAxis.clone();
            }
            names.add(name);
            parents.add(parent);
            joints.add(joint);
            offsets.add(offset.clone());
            axes.add(axis);
            masses.add(mass);
            coms.add(com.clone());
            inertias.add(inertia.clone());
            lowers.add(null);
            uppers.add(null);
            torqueLimits.add(null);
            return names.size() - 1;
        }

        /** Soft limits of the body's joint dofs (rad), length = joint nv. */
        public Builder limits(int body, double[] lower, double[] upper) {
            int n = joints.get(body).nv();
            Checks.length("lower of " + names.get(body), lower, n);
            Checks.length("upper of " + names.get(body), upper, n);
            for (int k = 0; k < n; k++) {
                if (!(lower[k] < upper[k])) {
                    throw new IllegalArgumentException("limits of " + names.get(body) + ": lower[" + k + "]="
                            + lower[k] + " must be < upper[" + k + "]=" + upper[k]);
                }
            }
            lowers.set(body, lower.clone());
            uppers.set(body, upper.clone());
            return this;
        }

        /** Actuator torque limits of the body's joint dofs (N·m, &gt; 0), length = joint nv. */
        public Builder torqueLimits(int body, double[] limits) {
            Checks.length("torqueLimits of " + names.get(body), limits, joints.get(body).nv());
            for (double l : limits) {
                if (!(l > 0)) {
                    throw new IllegalArgumentException("torqueLimits of " + names.get(body) + ": must be > 0, got " + l);
                }
            }
            torqueLimits.set(body, limits.clone());
            return this;
        }

        public Builder geometry(Geometry g) {
            geometry.add(g);
            return this;
        }

        /** A sphere that collides with the ground: centre in the body frame (m), radius (m). */
        public Builder contactSphere(int body, double[] center, double radius) {
            Checks.finite3("contact center", center);
            if (!(radius >= 0)) {
                throw new IllegalArgumentException("contact radius: must be >= 0, got " + radius);
            }
            contactBodies.add(body);
            contactCenters.add(center.clone());
            contactRadii.add(radius);
            return this;
        }

        /** A named body-frame point reported by forward kinematics. */
        public Builder keypoint(String name, int body, double[] point) {
            Checks.finite3("keypoint " + name, point);
            keypointNames.add(name);
            keypointBodies.add(body);
            keypointPoints.add(point.clone());
            return this;
        }

        public Builder gravity(double[] g) {
            Checks.finite3("gravity", g);
            gravity = g.clone();
            return this;
        }

        /** Armature added to every actuated dof's mass-matrix diagonal (kg·m²), &gt;= 0. */
        public Builder armature(double a) {
            if (!(a >= 0) || !Double.isFinite(a)) {
                throw new IllegalArgumentException("armature: must be finite and >= 0, got " + a);
            }
            armature = a;
            return this;
        }

        public Model build() {
            return new Model(this);
        }
    }
}
