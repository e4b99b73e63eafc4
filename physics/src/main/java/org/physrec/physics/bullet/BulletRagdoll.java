package org.physrec.physics.bullet;

import com.bulletphysics.collision.broadphase.DbvtBroadphase;
import com.bulletphysics.collision.dispatch.CollisionDispatcher;
import com.bulletphysics.collision.dispatch.CollisionObject;
import com.bulletphysics.collision.dispatch.DefaultCollisionConfiguration;
import com.bulletphysics.collision.shapes.BoxShape;
import com.bulletphysics.collision.shapes.CapsuleShape;
import com.bulletphysics.collision.shapes.CollisionShape;
import com.bulletphysics.collision.shapes.CompoundShape;
import com.bulletphysics.collision.shapes.SphereShape;
import com.bulletphysics.collision.shapes.StaticPlaneShape;
import com.bulletphysics.dynamics.DiscreteDynamicsWorld;
import com.bulletphysics.dynamics.RigidBody;
import com.bulletphysics.dynamics.RigidBodyConstructionInfo;
import com.bulletphysics.dynamics.constraintsolver.Generic6DofConstraint;
import com.bulletphysics.dynamics.constraintsolver.HingeConstraint;
import com.bulletphysics.dynamics.constraintsolver.Point2PointConstraint;
import com.bulletphysics.dynamics.constraintsolver.SequentialImpulseConstraintSolver;
import com.bulletphysics.dynamics.constraintsolver.TypedConstraint;
import com.bulletphysics.linearmath.DefaultMotionState;
import com.bulletphysics.linearmath.Transform;
import javax.vecmath.Matrix3f;
import javax.vecmath.Vector3f;
import org.physrec.physics.Checks;
import org.physrec.physics.Geometry;
import org.physrec.physics.JointType;
import org.physrec.physics.Model;

/**
 * A {@link Model} as a jbullet ragdoll. Each body becomes a rigid body whose frame is its
 * centre of mass with principal axes; each joint a constraint (ball: point-to-point, or 6-DoF
 * with limits; hinge: hinge); a FIXED root is a static body. Bodies collide only with the
 * ground, not with each other (as in our contact model). jbullet has no armature: by
 * default ({@link BulletSettings#armatureAsInertia}) it is approximated as extra body inertia
 * about the joint axes; exact comparisons use models with armature 0.
 *
 * <p>One instance is one rollout (jbullet cannot restore a snapshot): create it at the initial
 * state, {@link #step} it, read {@link #state}, {@link #keypoints} or {@link #energy}. Not
 * thread-safe.
 */
public final class BulletRagdoll {
    private static final short GROUP_BODY = 0x40;
    private static final short GROUP_GROUND = 0x80;
    private static final short GROUP_NONE = 0x100;
    /** Collision margin of boxes (m); jbullet's 0.04 default exceeds a foot's half thickness. */
    private static final float BOX_MARGIN = 0.004f;
    /** Radius of the stand-in shape of a body without geometry (it collides with nothing). */
    private static final float PLACEHOLDER_RADIUS = 0.01f;

    private final Model model;
    private final BulletSettings settings;
    private final DiscreteDynamicsWorld world;
    private final RigidBody[] bodies;
    /** (nb x 9) principal frame → body frame. */
    private final double[] principal;
    /** (nb x 3) principal moments of inertia. */
    private final double[] moments;
    private final BodyFrames frames;
    /** (nq) last hinge angles read, to unwrap the next reading. */
    private final double[] hingeReference;
    private final Transform transform = new Transform();
    private final Vector3f vec = new Vector3f();
    private final Vector3f vec2 = new Vector3f();
    private final double[] tmp = new double[3];
    private final double[] tmp2 = new double[3];
    private final double[] basis = new double[9];
    private double time;
    private boolean framesCurrent;

    private BulletRagdoll(Model model, BulletSettings settings, double[] q, double[] v) {
        this.model = model;
        this.settings = settings;
        int nb = model.bodyCount();
        principal = new double[9 * nb];
        moments = new double[3 * nb];
        for (int i = 0; i < nb; i++) {
            double[] r = new double[9];
            double[] m = new double[3];
            PrincipalAxes.of(model, i, bodyInertia(model, i, settings.armatureAsInertia()), r, m);
            System.arraycopy(r, 0, principal, 9 * i, 9);
            System.arraycopy(m, 0, moments, 3 * i, 3);
        }
        frames = new BodyFrames(model);
        frames.fromState(q, v);
        hingeReference = q.clone();

        DefaultCollisionConfiguration config = new DefaultCollisionConfiguration();
        SequentialImpulseConstraintSolver solver = new SequentialImpulseConstraintSolver();
        solver.setRandSeed(settings.seed());
        world = new DiscreteDynamicsWorld(new CollisionDispatcher(config), new DbvtBroadphase(), solver, config);
        world.getSolverInfo().numIterations = settings.solverIterations();
        world.setGravity(new Vector3f((float) model.gravity(0), (float) model.gravity(1), (float) model.gravity(2)));

        if (settings.ground()) {
            StaticPlaneShape plane = new StaticPlaneShape(new Vector3f(0, 0, 1), (float) settings.groundHeight());
            Transform t = new Transform();
            t.setIdentity();
            RigidBody ground = new RigidBody(new RigidBodyConstructionInfo(0, new DefaultMotionState(t), plane,
                    new Vector3f()));
            ground.setFriction(1f);
            ground.setRestitution(0f);
            world.addRigidBody(ground, GROUP_GROUND, GROUP_BODY);
        }
        bodies = new RigidBody[nb];
        for (int i = 0; i < nb; i++) {
            bodies[i] = makeBody(i);
        }
        for (int i = 1; i < nb; i++) {
            world.addConstraint(makeJoint(i), true);
        }
        framesCurrent = true;
    }

    /**
     * Body i's inertia about its centre of mass (body frame, row-major), optionally with the
     * armature of its joint's dofs added about the joint axes: armature a on a dof acts on the
     * relative acceleration; as body inertia it acts on the absolute one, which is close for
     * light distal bodies, where armature matters most.
     */
    private static double[] bodyInertia(Model model, int i, boolean withArmature) {
        double[] in = new double[9];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                in[3 * r + c] = model.inertia(i, r, c);
            }
        }
        if (!withArmature || model.parent(i) < 0) {
            return in;
        }
        int vs = model.vStart(i);
        if (model.joint(i) == JointType.BALL) {
            for (int k = 0; k < 3; k++) {
                in[4 * k] += model.armature(vs + k);
            }
        } else {
            double a = model.armature(vs);
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 3; c++) {
                    in[3 * r + c] += a * model.hingeAxis(i, r) * model.hingeAxis(i, c);
                }
            }
        }
        return in;
    }

    /**
     * A fresh world with the ragdoll at state (q, v).
     *
     * @param q (nq) configuration
     * @param v (nv) velocity
     */
    public static BulletRagdoll create(Model model, BulletSettings settings, double[] q, double[] v) {
        if (model == null) {
            throw new IllegalArgumentException("model: must not be null");
        }
        if (settings == null) {
            throw new IllegalArgumentException("settings: must not be null");
        }
        Checks.state(model, "q", q, "v", v);
        return new BulletRagdoll(model, settings, q, v);
    }

    public Model model() {
        return model;
    }

    public BulletSettings settings() {
        return settings;
    }

    /** Simulated time since creation (s). */
    public double time() {
        return time;
    }

    /**
     * One step of dt with generalized forces tau held constant: actuated entries are joint
     * torques (ball: child-frame moment; hinge: moment about the axis), applied as equal and
     * opposite moments on child and parent; a FREE root's first 6 entries are a world force at
     * the root origin and a world moment.
     *
     * @param tau (nv) generalized forces
     * @param dt  step (s), &gt; 0
     */
    public void step(double[] tau, double dt) {
        Checks.length("tau", tau, model.nv());
        Checks.finite("tau", tau);
        if (!(dt > 0) || !Double.isFinite(dt)) {
            throw new IllegalArgumentException("dt: must be finite and > 0, got " + dt);
        }
        readFrames();
        applyJointTorques(tau);
        if (settings.gyroscopic()) {
            applyGyroscopic();
        }
        world.stepSimulation((float) dt, 0, (float) dt);
        time += dt;
        framesCurrent = false;
        checkFinite();
    }

    /**
     * The current reduced state. Ball quaternions have w ≥ 0; hinge angles are continuous
     * across calls. Joint separation in jbullet (constraint drift) is not represented in q.
     */
    public void state(double[] qOut, double[] vOut) {
        Checks.length("qOut", qOut, model.nq());
        Checks.length("vOut", vOut, model.nv());
        readFrames();
        frames.toState(qOut, vOut, hingeReference);
        System.arraycopy(qOut, 0, hingeReference, 0, qOut.length);
    }

    /**
     * World keypoints taken from each body's own jbullet pose (so constraint drift shows).
     *
     * @param keypointsOut (K x 3) metres
     */
    public void keypoints(double[] keypointsOut) {
        Checks.length("keypointsOut", keypointsOut, 3 * model.keypointCount());
        readFrames();
        for (int k = 0; k < model.keypointCount(); k++) {
            int b = model.keypointBody(k);
            for (int c = 0; c < 3; c++) {
                tmp[c] = model.keypointPoint(k, c);
            }
            Rotations.mulVec(frames.rot, 9 * b, tmp, 0, keypointsOut, 3 * k);
            for (int c = 0; c < 3; c++) {
                keypointsOut[3 * k + c] += frames.pos[3 * b + c];
            }
        }
    }

    /**
     * Energies from the rigid bodies' own state (double arithmetic on jbullet's floats).
     *
     * @param energyOut (2) kinetic, gravitational potential (J, zero at z = 0)
     */
    public void energy(double[] energyOut) {
        Checks.length("energyOut", energyOut, 2);
        double kinetic = 0;
        double potential = 0;
        for (int i = 0; i < bodies.length; i++) {
            RigidBody b = bodies[i];
            if (b.getInvMass() == 0) {
                continue;
            }
            double m = model.mass(i);
            b.getLinearVelocity(vec);
            kinetic += 0.5 * m * (vec.x * (double) vec.x + vec.y * (double) vec.y + vec.z * (double) vec.z);
            b.getAngularVelocity(vec);
            b.getCenterOfMassTransform(transform);
            // ω in the principal frame: Cᵀ ω
            double wx = transform.basis.m00 * vec.x + transform.basis.m10 * vec.y + transform.basis.m20 * vec.z;
            double wy = transform.basis.m01 * vec.x + transform.basis.m11 * vec.y + transform.basis.m21 * vec.z;
            double wz = transform.basis.m02 * vec.x + transform.basis.m12 * vec.y + transform.basis.m22 * vec.z;
            kinetic += 0.5 * (moments[3 * i] * wx * wx + moments[3 * i + 1] * wy * wy + moments[3 * i + 2] * wz * wz);
            // (with armatureAsInertia the moments include the armature: energy of the jbullet bodies)
            potential -= m * (model.gravity(0) * transform.origin.x + model.gravity(1) * transform.origin.y
                    + model.gravity(2) * transform.origin.z);
        }
        energyOut[0] = kinetic;
        energyOut[1] = potential;
    }

    /**
     * Lowest point of the colliding shapes (world z, m): with the ground at h, h minus this is
     * the deepest penetration.
     */
    public double lowestPoint() {
        readFrames();
        double low = Double.POSITIVE_INFINITY;
        if (settings.collision() == BulletSettings.Collision.CONTACT_SPHERES) {
            for (int k = 0; k < model.contactCount(); k++) {
                int b = model.contactBody(k);
                for (int c = 0; c < 3; c++) {
                    tmp[c] = model.contactCenter(k, c);
                }
                low = Math.min(low, worldZ(b, tmp) - sphereRadius(model.contactRadius(k)));
            }
            return low;
        }
        for (Geometry g : model.geometry()) {
            int b = g.body();
            double[] a = g.a();
            double[] e = g.b();
            switch (g.shape()) {
                case SPHERE:
                    low = Math.min(low, worldZ(b, a) - g.radius());
                    break;
                case CAPSULE:
                    low = Math.min(low, Math.min(worldZ(b, a), worldZ(b, e)) - g.radius());
                    break;
                case BOX:
                    for (int corner = 0; corner < 8; corner++) {
                        for (int c = 0; c < 3; c++) {
                            tmp2[c] = a[c] + ((corner >> c & 1) == 0 ? -e[c] : e[c]);
                        }
                        low = Math.min(low, worldZ(b, tmp2));
                    }
                    break;
                default:
                    throw new IllegalStateException();
            }
        }
        return low;
    }

    private double worldZ(int body, double[] point) {
        int o = 9 * body;
        return frames.rot[o + 6] * point[0] + frames.rot[o + 7] * point[1] + frames.rot[o + 8] * point[2]
                + frames.pos[3 * body + 2];
    }

    // ---- building ---------------------------------------------------------------------

    private RigidBody makeBody(int i) {
        boolean fixedRoot = i == 0 && model.joint(0) == JointType.FIXED;
        CollisionShape shape = shapeOf(i);
        boolean collides = shape != null && !fixedRoot;
        if (shape == null) {
            shape = new SphereShape(PLACEHOLDER_RADIUS);
        }
        comTransform(i, transform);
        float mass = fixedRoot ? 0f : (float) model.mass(i);
        Vector3f inertia = fixedRoot ? new Vector3f()
                : new Vector3f((float) moments[3 * i], (float) moments[3 * i + 1], (float) moments[3 * i + 2]);
        RigidBodyConstructionInfo info = new RigidBodyConstructionInfo(mass, new DefaultMotionState(transform),
                shape, inertia);
        info.linearDamping = 0;
        info.angularDamping = 0;
        info.friction = (float) settings.friction();
        info.restitution = 0;
        RigidBody body = new RigidBody(info);
        body.setActivationState(CollisionObject.DISABLE_DEACTIVATION);
        if (!fixedRoot) {
            // linear velocity of the centre of mass: v_origin + ω × (R com)
            centreOffset(i, tmp);
            int o = 3 * i;
            double wx = frames.omega[o];
            double wy = frames.omega[o + 1];
            double wz = frames.omega[o + 2];
            body.setLinearVelocity(new Vector3f((float) (frames.vel[o] + wy * tmp[2] - wz * tmp[1]),
                    (float) (frames.vel[o + 1] + wz * tmp[0] - wx * tmp[2]),
                    (float) (frames.vel[o + 2] + wx * tmp[1] - wy * tmp[0])));
            body.setAngularVelocity(new Vector3f((float) wx, (float) wy, (float) wz));
        }
        short group = collides ? GROUP_BODY : GROUP_NONE;
        short mask = collides && settings.ground() ? GROUP_GROUND : 0;
        world.addRigidBody(body, group, mask);
        return body;
    }

    /** World offset R com of body i's centre of mass from its origin, into out. */
    private void centreOffset(int i, double[] out) {
        for (int c = 0; c < 3; c++) {
            tmp2[c] = model.com(i, c);
        }
        Rotations.mulVec(frames.rot, 9 * i, tmp2, 0, out, 0);
    }

    /** jbullet frame of body i from the current {@link #frames}: rotation R P, origin p + R com. */
    private void comTransform(int i, Transform out) {
        double[] rp = new double[9];
        Rotations.mul(frames.rot, 9 * i, principal, 9 * i, rp, 0);
        setMatrix(out.basis, rp, 0);
        double[] c = new double[3];
        centreOffset(i, c);
        out.origin.set((float) (frames.pos[3 * i] + c[0]), (float) (frames.pos[3 * i + 1] + c[1]),
                (float) (frames.pos[3 * i + 2] + c[2]));
    }

    /** The body's colliding shapes in its principal frame, or null if it has none. */
    private CollisionShape shapeOf(int i) {
        CompoundShape compound = new CompoundShape();
        if (settings.collision() == BulletSettings.Collision.CONTACT_SPHERES) {
            for (int k = 0; k < model.contactCount(); k++) {
                if (model.contactBody(k) == i) {
                    double[] centre = {model.contactCenter(k, 0), model.contactCenter(k, 1), model.contactCenter(k, 2)};
                    addChild(compound, i, centre, null, new SphereShape((float) sphereRadius(model.contactRadius(k))));
                }
            }
        } else {
            for (Geometry g : model.geometry()) {
                if (g.body() != i) {
                    continue;
                }
                double[] a = g.a();
                double[] b = g.b();
                switch (g.shape()) {
                    case SPHERE:
                        addChild(compound, i, a, null, new SphereShape((float) g.radius()));
                        break;
                    case CAPSULE: {
                        double[] mid = {(a[0] + b[0]) / 2, (a[1] + b[1]) / 2, (a[2] + b[2]) / 2};
                        double[] d = {b[0] - a[0], b[1] - a[1], b[2] - a[2]};
                        double len = Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
                        if (len < 1e-6) {
                            addChild(compound, i, mid, null, new SphereShape((float) g.radius()));
                        } else {
                            addChild(compound, i, mid, yTo(d, len), new CapsuleShape((float) g.radius(), (float) len));
                        }
                        break;
                    }
                    case BOX: {
                        BoxShape box = new BoxShape(new Vector3f((float) b[0], (float) b[1], (float) b[2]));
                        box.setMargin((float) Math.min(BOX_MARGIN, 0.25 * Math.min(b[0], Math.min(b[1], b[2]))));
                        addChild(compound, i, a, null, box);
                        break;
                    }
                    default:
                        throw new IllegalStateException();
                }
            }
        }
        return compound.getNumChildShapes() == 0 ? null : compound;
    }

    private static double sphereRadius(double r) {
        return Math.max(r, 0.005);
    }

    /** Adds a shape at body-frame centre with body-frame rotation rot (null = identity). */
    private void addChild(CompoundShape compound, int i, double[] centre, double[] rot, CollisionShape shape) {
        double[] local = new double[3];
        double[] d = {centre[0] - model.com(i, 0), centre[1] - model.com(i, 1), centre[2] - model.com(i, 2)};
        Rotations.mulTransposeVec(principal, 9 * i, d, 0, local, 0);
        double[] r = new double[9];
        if (rot == null) {
            Rotations.identity(r, 0);
        } else {
            r = rot;
        }
        double[] pr = new double[9];
        Rotations.mulTransposeA(principal, 9 * i, r, 0, pr, 0);
        Transform t = new Transform();
        setMatrix(t.basis, pr, 0);
        t.origin.set((float) local[0], (float) local[1], (float) local[2]);
        compound.addChildShape(t, shape);
    }

    /** A rotation taking the y axis (jbullet's capsule axis) to d/len. */
    private static double[] yTo(double[] d, double len) {
        double[] y = {d[0] / len, d[1] / len, d[2] / len};
        // pick x perpendicular to y, z = x × y
        double[] ref = Math.abs(y[0]) < 0.9 ? new double[] {1, 0, 0} : new double[] {0, 0, 1};
        double dot = ref[0] * y[0] + ref[1] * y[1] + ref[2] * y[2];
        double[] x = {ref[0] - dot * y[0], ref[1] - dot * y[1], ref[2] - dot * y[2]};
        double n = Math.sqrt(x[0] * x[0] + x[1] * x[1] + x[2] * x[2]);
        x[0] /= n;
        x[1] /= n;
        x[2] /= n;
        double[] z = {x[1] * y[2] - x[2] * y[1], x[2] * y[0] - x[0] * y[2], x[0] * y[1] - x[1] * y[0]};
        return new double[] {x[0], y[0], z[0], x[1], y[1], z[1], x[2], y[2], z[2]};
    }

    private TypedConstraint makeJoint(int i) {
        int p = model.parent(i);
        RigidBody a = bodies[p];
        RigidBody b = bodies[i];
        double[] offset = {model.jointOffset(i, 0), model.jointOffset(i, 1), model.jointOffset(i, 2)};
        Vector3f pivotA = localPoint(p, offset);
        Vector3f pivotB = localPoint(i, new double[3]);
        int first = model.vStart(i) - model.actuatedStart();
        if (model.joint(i) == JointType.BALL) {
            if (!settings.jointLimits()) {
                return new Point2PointConstraint(a, b, pivotA, pivotB);
            }
            Transform fa = jointFrame(p, pivotA, null);
            Transform fb = jointFrame(i, pivotB, null);
            Generic6DofConstraint c = new Generic6DofConstraint(a, b, fa, fb, true);
            c.setLinearLowerLimit(new Vector3f());
            c.setLinearUpperLimit(new Vector3f());
            // Bullet's 6-DoF uses Euler XYZ and needs |y| < π/2
            double yMax = Math.PI / 2 - 0.05;
            c.setAngularLowerLimit(new Vector3f((float) model.lowerLimit(first),
                    (float) Math.max(-yMax, model.lowerLimit(first + 1)), (float) model.lowerLimit(first + 2)));
            c.setAngularUpperLimit(new Vector3f((float) model.upperLimit(first),
                    (float) Math.min(yMax, model.upperLimit(first + 1)), (float) model.upperLimit(first + 2)));
            return c;
        }
        double[] axis = {model.hingeAxis(i, 0), model.hingeAxis(i, 1), model.hingeAxis(i, 2)};
        HingeConstraint h = new HingeConstraint(a, b, jointFrame(p, pivotA, axis), jointFrame(i, pivotB, axis));
        if (settings.jointLimits() && Double.isFinite(model.lowerLimit(first))) {
            // Bullet's hinge angle (atan2 of the B frame's y against A's x, y) is minus ours
            h.setLimit((float) -model.upperLimit(first), (float) -model.lowerLimit(first));
        }
        return h;
    }

    /** A body-frame point in body i's jbullet (principal, centre-of-mass) frame. */
    private Vector3f localPoint(int i, double[] bodyPoint) {
        double[] d = {bodyPoint[0] - model.com(i, 0), bodyPoint[1] - model.com(i, 1), bodyPoint[2] - model.com(i, 2)};
        double[] l = new double[3];
        Rotations.mulTransposeVec(principal, 9 * i, d, 0, l, 0);
        return new Vector3f((float) l[0], (float) l[1], (float) l[2]);
    }

    /**
     * A joint frame in body i's jbullet frame: axes = the body axes (ball), or a basis whose
     * z axis is the hinge axis (Bullet's hinge axis); origin = pivot.
     */
    private Transform jointFrame(int i, Vector3f pivot, double[] hingeAxis) {
        double[] basis = new double[9];
        if (hingeAxis == null) {
            Rotations.identity(basis, 0);
        } else {
            double[] yz = yTo(hingeAxis, 1.0);
            // columns (x, y, z) of yTo map y to the axis; reorder so that z is the axis
            basis = new double[] {yz[2], yz[0], yz[1], yz[5], yz[3], yz[4], yz[8], yz[6], yz[7]};
        }
        double[] local = new double[9];
        Rotations.mulTransposeA(principal, 9 * i, basis, 0, local, 0);
        Transform t = new Transform();
        setMatrix(t.basis, local, 0);
        t.origin.set(pivot);
        return t;
    }

    private static void setMatrix(Matrix3f m, double[] r, int o) {
        m.m00 = (float) r[o];
        m.m01 = (float) r[o + 1];
        m.m02 = (float) r[o + 2];
        m.m10 = (float) r[o + 3];
        m.m11 = (float) r[o + 4];
        m.m12 = (float) r[o + 5];
        m.m20 = (float) r[o + 6];
        m.m21 = (float) r[o + 7];
        m.m22 = (float) r[o + 8];
    }

    // ---- stepping ---------------------------------------------------------------------

    /** Refreshes {@link #frames} (body poses and velocities) from the jbullet bodies. */
    private void readFrames() {
        if (framesCurrent) {
            return;
        }
        for (int i = 0; i < bodies.length; i++) {
            RigidBody b = bodies[i];
            b.getCenterOfMassTransform(transform);
            Matrix3f m = transform.basis;
            double[] c = basis;
            c[0] = m.m00; c[1] = m.m01; c[2] = m.m02;
            c[3] = m.m10; c[4] = m.m11; c[5] = m.m12;
            c[6] = m.m20; c[7] = m.m21; c[8] = m.m22;
            int o = 9 * i;
            // R = C Pᵀ
            for (int r = 0; r < 3; r++) {
                for (int k = 0; k < 3; k++) {
                    frames.rot[o + 3 * r + k] = c[3 * r] * principal[o + 3 * k]
                            + c[3 * r + 1] * principal[o + 3 * k + 1]
                            + c[3 * r + 2] * principal[o + 3 * k + 2];
                }
            }
            centreOffset(i, tmp);
            b.getAngularVelocity(vec);
            b.getLinearVelocity(vec2);
            double wx = vec.x;
            double wy = vec.y;
            double wz = vec.z;
            int v = 3 * i;
            frames.pos[v] = transform.origin.x - tmp[0];
            frames.pos[v + 1] = transform.origin.y - tmp[1];
            frames.pos[v + 2] = transform.origin.z - tmp[2];
            frames.omega[v] = wx;
            frames.omega[v + 1] = wy;
            frames.omega[v + 2] = wz;
            // origin velocity: v_com + ω × (origin − com) = v_com − ω × (R com)
            frames.vel[v] = vec2.x - (wy * tmp[2] - wz * tmp[1]);
            frames.vel[v + 1] = vec2.y - (wz * tmp[0] - wx * tmp[2]);
            frames.vel[v + 2] = vec2.z - (wx * tmp[1] - wy * tmp[0]);
        }
        framesCurrent = true;
    }

    private void applyJointTorques(double[] tau) {
        int nb = bodies.length;
        if (model.joint(0) == JointType.FREE) {
            RigidBody root = bodies[0];
            centreOffset(0, tmp);
            vec.set((float) tau[0], (float) tau[1], (float) tau[2]);
            // the force acts at the origin: relative position origin − com = −R com
            vec2.set((float) -tmp[0], (float) -tmp[1], (float) -tmp[2]);
            root.applyForce(vec, vec2);
            vec.set((float) tau[3], (float) tau[4], (float) tau[5]);
            root.applyTorque(vec);
        }
        for (int i = 1; i < nb; i++) {
            int vs = model.vStart(i);
            int p = model.parent(i);
            if (model.joint(i) == JointType.BALL) {
                Rotations.mulVec(frames.rot, 9 * i, tau, vs, tmp, 0);
            } else {
                for (int c = 0; c < 3; c++) {
                    tmp2[c] = model.hingeAxis(i, c) * tau[vs];
                }
                Rotations.mulVec(frames.rot, 9 * p, tmp2, 0, tmp, 0);
            }
            vec.set((float) tmp[0], (float) tmp[1], (float) tmp[2]);
            bodies[i].applyTorque(vec);
            if (bodies[p].getInvMass() != 0) {
                vec.negate();
                bodies[p].applyTorque(vec);
            }
        }
    }

    /** Adds −ω × (I ω) (world frame) to every dynamic body. */
    private void applyGyroscopic() {
        for (int i = 0; i < bodies.length; i++) {
            RigidBody b = bodies[i];
            if (b.getInvMass() == 0) {
                continue;
            }
            b.getCenterOfMassTransform(transform);
            b.getAngularVelocity(vec);
            Matrix3f m = transform.basis;
            // principal-frame ω, then I ω, back to world
            double lx = m.m00 * vec.x + m.m10 * vec.y + m.m20 * vec.z;
            double ly = m.m01 * vec.x + m.m11 * vec.y + m.m21 * vec.z;
            double lz = m.m02 * vec.x + m.m12 * vec.y + m.m22 * vec.z;
            lx *= moments[3 * i];
            ly *= moments[3 * i + 1];
            lz *= moments[3 * i + 2];
            double hx = m.m00 * lx + m.m01 * ly + m.m02 * lz;
            double hy = m.m10 * lx + m.m11 * ly + m.m12 * lz;
            double hz = m.m20 * lx + m.m21 * ly + m.m22 * lz;
            vec2.set((float) -(vec.y * hz - vec.z * hy), (float) -(vec.z * hx - vec.x * hz),
                    (float) -(vec.x * hy - vec.y * hx));
            b.applyTorque(vec2);
        }
    }

    private void checkFinite() {
        for (int i = 0; i < bodies.length; i++) {
            bodies[i].getCenterOfMassTransform(transform);
            bodies[i].getLinearVelocity(vec);
            bodies[i].getAngularVelocity(vec2);
            if (!Float.isFinite(transform.origin.x + transform.origin.y + transform.origin.z)
                    || !Float.isFinite(vec.x + vec.y + vec.z + vec2.x + vec2.y + vec2.z)) {
                throw new IllegalStateException("jbullet state of body " + model.bodyName(i) + " not finite at t = "
                        + time + " s");
            }
        }
    }
}
