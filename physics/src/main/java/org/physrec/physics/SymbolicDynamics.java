package org.physrec.physics;

import org.physrec.physics.tape.Tracer;

/**
 * Records the rigid-body algorithms of a {@link Model} on a {@link Tracer}: forward kinematics,
 * spatial velocities, recursive Newton-Euler (with external forces), the composite-rigid-body
 * mass matrix and its sparse L<sup>T</sup>DL solve (Featherstone, RBDA §6.5), and integration on
 * the configuration manifold. All spatial quantities are in world coordinates about the world
 * origin (Plücker [angular; linear]), so no frame transforms are needed between bodies.
 *
 * <p>Call order: {@link #kinematics}, then {@link #velocities}, then dynamics. Slot arrays
 * hold tracer handles, not values.
 */
public final class SymbolicDynamics {
    private final Tracer t;
    private final Model m;
    private final int nb;
    private final int nv;
    /** Per body: rotation body→world (9, row-major) and origin (3). */
    private final int[][] rot;
    private final int[][] org;
    /** Per dof: world motion-subspace column, angular (3) and linear-at-origin (3) parts. */
    private final int[][] sa;
    private final int[][] sl;
    /** Per body: spatial velocity (angular, linear at origin) and velocity-product acceleration. */
    private final int[][] vw;
    private final int[][] vl;
    private final int[][] cw;
    private final int[][] cl;
    /** Per body world spatial inertia about the origin: mass, first moment h = m·c (3), Io (6: xx yy zz xy xz yz). */
    private final int[] bm;
    private final int[][] bh;
    private final int[][] bi;

    public SymbolicDynamics(Tracer tracer, Model model) {
        t = tracer;
        m = model;
        nb = model.bodyCount();
        nv = model.nv();
        rot = new int[nb][];
        org = new int[nb][];
        sa = new int[nv][];
        sl = new int[nv][];
        vw = new int[nb][];
        vl = new int[nb][];
        cw = new int[nb][];
        cl = new int[nb][];
        bm = new int[nb];
        bh = new int[nb][];
        bi = new int[nb][];
    }

    public Tracer tracer() {
        return t;
    }

    // ---- kinematics ---------------------------------------------------------------------

    /** Body poses, world inertias and motion subspaces from configuration slots q (nq). */
    public void kinematics(int[] q) {
        for (int i = 0; i < nb; i++) {
            JointType j = m.joint(i);
            int qs = m.qStart(i);
            int[] off = constVec(m.jointOffset(i, 0), m.jointOffset(i, 1), m.jointOffset(i, 2));
            switch (j) {
                case FIXED:
                    rot[i] = identity();
                    org[i] = off;
                    break;
                case FREE:
                    rot[i] = quatToRot(q[qs + 3], q[qs + 4], q[qs + 5], q[qs + 6]);
                    org[i] = new int[] {q[qs], q[qs + 1], q[qs + 2]};
                    break;
                case BALL: {
                    int p = m.parent(i);
                    rot[i] = mul33(rot[p], quatToRot(q[qs], q[qs + 1], q[qs + 2], q[qs + 3]));
                    org[i] = add3(org[p], mul33v(rot[p], off));
                    break;
                }
                case HINGE: {
                    int p = m.parent(i);
                    rot[i] = mul33(rot[p], axisAngle(m.hingeAxis(i, 0), m.hingeAxis(i, 1), m.hingeAxis(i, 2), q[qs]));
                    org[i] = add3(org[p], mul33v(rot[p], off));
                    break;
                }
                default:
                    throw new IllegalStateException();
            }
            worldInertia(i);
            subspace(i);
        }
    }

    private void worldInertia(int i) {
        int[] r = rot[i];
        int[] c = add3(org[i], mul33v(r, constVec(m.com(i, 0), m.com(i, 1), m.com(i, 2))));
        int[] il = new int[9];
        for (int k = 0; k < 9; k++) {
            il[k] = t.constant(m.inertia(i, k / 3, k % 3));
        }
        int[] ri = mul33(r, il);
        int[] iw = new int[9];
        for (int a = 0; a < 3; a++) {
            for (int b = a; b < 3; b++) {
                int s = t.constant(0);
                for (int k = 0; k < 3; k++) {
                    s = t.add(s, t.mul(ri[3 * a + k], r[3 * b + k]));
                }
                iw[3 * a + b] = s;
            }
        }
        int mass = t.constant(m.mass(i));
        int cc = dot3(c, c);
        bm[i] = mass;
        bh[i] = scale3(mass, c);
        // Io = Ic + m (|c|² I - c cᵀ)
        bi[i] = new int[] {
            t.add(iw[0], t.mul(mass, t.sub(cc, t.mul(c[0], c[0])))),
            t.add(iw[4], t.mul(mass, t.sub(cc, t.mul(c[1], c[1])))),
            t.add(iw[8], t.mul(mass, t.sub(cc, t.mul(c[2], c[2])))),
            t.sub(iw[1], t.mul(mass, t.mul(c[0], c[1]))),
            t.sub(iw[2], t.mul(mass, t.mul(c[0], c[2]))),
            t.sub(iw[5], t.mul(mass, t.mul(c[1], c[2]))),
        };
    }

    private void subspace(int i) {
        int vs = m.vStart(i);
        int[] o = org[i];
        switch (m.joint(i)) {
            case FIXED:
                break;
            case FREE:
                for (int k = 0; k < 3; k++) {
                    int[] e = unit(k);
                    sa[vs + k] = zero3();
                    sl[vs + k] = e;
                    sa[vs + 3 + k] = e;
                    sl[vs + 3 + k] = cross3(o, e);
                }
                break;
            case BALL:
                for (int k = 0; k < 3; k++) {
                    int[] a = {rot[i][k], rot[i][3 + k], rot[i][6 + k]};
                    sa[vs + k] = a;
                    sl[vs + k] = cross3(o, a);
                }
                break;
            case HINGE: {
                int[] a = mul33v(rot[i], constVec(m.hingeAxis(i, 0), m.hingeAxis(i, 1), m.hingeAxis(i, 2)));
                sa[vs] = a;
                sl[vs] = cross3(o, a);
                break;
            }
            default:
                throw new IllegalStateException();
        }
    }

    /** World position of a body-frame point. */
    public int[] point(int body, double x, double y, double z) {
        return add3(org[body], mul33v(rot[body], constVec(x, y, z)));
    }

    /** Rotation body→world (9 slots, row-major). */
    public int[] rotation(int body) {
        return rot[body];
    }

    /** Body origin in world (3 slots). */
    public int[] origin(int body) {
        return org[body];
    }

    /** Motion-subspace column of dof k: angular (3) and linear at the world origin (3). */
    public int[] subspaceAngular(int k) {
        return sa[k];
    }

    public int[] subspaceLinear(int k) {
        return sl[k];
    }

    // ---- velocities ---------------------------------------------------------------------

    /** Spatial velocities and velocity-product accelerations from velocity slots v (nv). */
    public void velocities(int[] v) {
        for (int i = 0; i < nb; i++) {
            int vs = m.vStart(i);
            int n = m.joint(i).nv();
            int[] jw = zero3();
            int[] jl = zero3();
            for (int k = 0; k < n; k++) {
                jw = add3(jw, scale3(v[vs + k], sa[vs + k]));
                jl = add3(jl, scale3(v[vs + k], sl[vs + k]));
            }
            int p = m.parent(i);
            if (p < 0) {
                vw[i] = jw;
                vl[i] = jl;
                if (m.joint(i) == JointType.FREE) {
                    // d/dt of the root subspace: [0; v_o × ω]
                    cw[i] = zero3();
                    cl[i] = cross3(new int[] {v[vs], v[vs + 1], v[vs + 2]}, new int[] {v[vs + 3], v[vs + 4], v[vs + 5]});
                } else {
                    cw[i] = zero3();
                    cl[i] = zero3();
                }
            } else {
                vw[i] = add3(vw[p], jw);
                vl[i] = add3(vl[p], jl);
                // c = V_parent ×m (S v): joint axes are fixed in the child body
                cw[i] = cross3(vw[p], jw);
                cl[i] = add3(cross3(vw[p], jl), cross3(vl[p], jw));
            }
        }
    }

    /** World velocity of a world point p moving with the body. */
    public int[] pointVelocity(int body, int[] p) {
        return add3(vl[body], cross3(vw[body], p));
    }

    /** Body angular velocity (world). */
    public int[] angularVelocity(int body) {
        return vw[body];
    }

    // ---- dynamics -----------------------------------------------------------------------

    /**
     * Recursive Newton-Euler: generalized forces (nv) for accelerations qdd (null = zero),
     * including gravity and velocity products, minus external forces.
     *
     * @param fext per body world spatial force about the origin [moment(3); force(3)], or null
     */
    public int[] rnea(int[] qdd, int[][] fext) {
        int[][] fw = new int[nb][];
        int[][] fl = new int[nb][];
        int[] g = constVec(-m.gravity(0), -m.gravity(1), -m.gravity(2));
        int[][] aw = new int[nb][];
        int[][] al = new int[nb][];
        for (int i = 0; i < nb; i++) {
            int p = m.parent(i);
            int[] pw = p < 0 ? zero3() : aw[p];
            int[] pl = p < 0 ? g : al[p];
            int[] w = add3(pw, cw[i]);
            int[] l = add3(pl, cl[i]);
            if (qdd != null) {
                int vs = m.vStart(i);
                for (int k = 0; k < m.joint(i).nv(); k++) {
                    w = add3(w, scale3(qdd[vs + k], sa[vs + k]));
                    l = add3(l, scale3(qdd[vs + k], sl[vs + k]));
                }
            }
            aw[i] = w;
            al[i] = l;
            int[][] ia = inertiaTimes(i, w, l);
            int[][] iv = inertiaTimes(i, vw[i], vl[i]);
            // V ×* (I V) = [ω × n + v × f; ω × f]
            int[] n = add3(ia[0], add3(cross3(vw[i], iv[0]), cross3(vl[i], iv[1])));
            int[] f = add3(ia[1], cross3(vw[i], iv[1]));
            if (fext != null && fext[i] != null) {
                n = sub3(n, new int[] {fext[i][0], fext[i][1], fext[i][2]});
                f = sub3(f, new int[] {fext[i][3], fext[i][4], fext[i][5]});
            }
            fw[i] = n;
            fl[i] = f;
        }
        int[] tau = new int[nv];
        for (int i = nb - 1; i >= 0; i--) {
            int vs = m.vStart(i);
            for (int k = 0; k < m.joint(i).nv(); k++) {
                tau[vs + k] = t.add(dot3(sa[vs + k], fw[i]), dot3(sl[vs + k], fl[i]));
            }
            int p = m.parent(i);
            if (p >= 0) {
                fw[p] = add3(fw[p], fw[i]);
                fl[p] = add3(fl[p], fl[i]);
            }
        }
        return tau;
    }

    /** Spatial inertia of body i (world, about origin) times motion [w; l]: returns {moment, force}. */
    private int[][] inertiaTimes(int i, int[] w, int[] l) {
        return inertiaTimes(bm[i], bh[i], bi[i], w, l);
    }

    private int[][] inertiaTimes(int mass, int[] h, int[] io, int[] w, int[] l) {
        int[] iw = {
            t.add(t.add(t.mul(io[0], w[0]), t.mul(io[3], w[1])), t.mul(io[4], w[2])),
            t.add(t.add(t.mul(io[3], w[0]), t.mul(io[1], w[1])), t.mul(io[5], w[2])),
            t.add(t.add(t.mul(io[4], w[0]), t.mul(io[5], w[1])), t.mul(io[2], w[2])),
        };
        int[] n = add3(iw, cross3(h, l));
        int[] f = sub3(scale3(mass, l), cross3(h, w));
        return new int[][] {n, f};
    }

    /**
     * Joint-space mass matrix by composite rigid bodies, armature included. Returns an nv x nv
     * array of slots whose entries [k][j] with j an ancestor dof of k (or j = k) are filled;
     * all other entries are structurally zero (-1).
     */
    public int[][] massMatrix() {
        return massMatrix(null, null);
    }

    /**
     * Mass matrix plus extra terms that keep its sparsity: per body a symmetric 6x6 world
     * spatial matrix K (added as if it were inertia: Jᵀ K J) and a per-dof diagonal. Used
     * for the linearly implicit treatment of stiff forces.
     *
     * @param extra    per body null or 21 slots: A (6: xx yy zz xy xz yz), B (9, row-major), C (6),
     *                 the blocks of [[A, B], [Bᵀ, C]] acting on [ω; v]
     * @param diagonal per dof slot added to the diagonal, or null
     */
    public int[][] massMatrix(int[][] extra, int[] diagonal) {
        int[][] comp = new int[nb][];
        for (int i = 0; i < nb; i++) {
            int z = t.constant(0);
            int[] h = bh[i];
            int mm = bm[i];
            int[] c = {
                bi[i][0], bi[i][1], bi[i][2], bi[i][3], bi[i][4], bi[i][5],
                z, t.neg(h[2]), h[1], h[2], z, t.neg(h[0]), t.neg(h[1]), h[0], z,
                mm, mm, mm, z, z, z,
            };
            if (extra != null && extra[i] != null) {
                for (int k = 0; k < 21; k++) {
                    c[k] = t.add(c[k], extra[i][k]);
                }
            }
            comp[i] = c;
        }
        for (int i = nb - 1; i > 0; i--) {
            int p = m.parent(i);
            for (int k = 0; k < 21; k++) {
                comp[p][k] = t.add(comp[p][k], comp[i][k]);
            }
        }
        int[][] h = new int[nv][nv];
        for (int[] row : h) {
            java.util.Arrays.fill(row, -1);
        }
        for (int i = 0; i < nb; i++) {
            int vs = m.vStart(i);
            int n = m.joint(i).nv();
            for (int k = vs; k < vs + n; k++) {
                int[][] f = generalTimes(comp[i], sa[k], sl[k]);
                for (int j = k; j != -1; j = m.dofParent(j)) {
                    int e = t.add(dot3(sa[j], f[0]), dot3(sl[j], f[1]));
                    if (j == k && m.armature(k) != 0) {
                        e = t.add(e, t.constant(m.armature(k)));
                    }
                    if (j == k && diagonal != null) {
                        e = t.add(e, diagonal[k]);
                    }
                    h[k][j] = e;
                }
            }
        }
        return h;
    }

    /** [[A, B], [Bᵀ, C]] · [w; l] for the 21-slot layout of {@link #massMatrix(int[][], int[])}. */
    private int[][] generalTimes(int[] c, int[] w, int[] l) {
        int[] n = add3(symTimes(c, 0, w), new int[] {
            t.add(t.add(t.mul(c[6], l[0]), t.mul(c[7], l[1])), t.mul(c[8], l[2])),
            t.add(t.add(t.mul(c[9], l[0]), t.mul(c[10], l[1])), t.mul(c[11], l[2])),
            t.add(t.add(t.mul(c[12], l[0]), t.mul(c[13], l[1])), t.mul(c[14], l[2])),
        });
        int[] f = add3(symTimes(c, 15, l), new int[] {
            t.add(t.add(t.mul(c[6], w[0]), t.mul(c[9], w[1])), t.mul(c[12], w[2])),
            t.add(t.add(t.mul(c[7], w[0]), t.mul(c[10], w[1])), t.mul(c[13], w[2])),
            t.add(t.add(t.mul(c[8], w[0]), t.mul(c[11], w[1])), t.mul(c[14], w[2])),
        });
        return new int[][] {n, f};
    }

    private int[] symTimes(int[] c, int o, int[] x) {
        return new int[] {
            t.add(t.add(t.mul(c[o], x[0]), t.mul(c[o + 3], x[1])), t.mul(c[o + 4], x[2])),
            t.add(t.add(t.mul(c[o + 3], x[0]), t.mul(c[o + 1], x[1])), t.mul(c[o + 5], x[2])),
            t.add(t.add(t.mul(c[o + 4], x[0]), t.mul(c[o + 5], x[1])), t.mul(c[o + 2], x[2])),
        };
    }

    /**
     * The 21-slot spatial matrix of a point at world p with a symmetric 3x3 "mass" D
     * (6 slots: xx yy zz xy xz yz): A = -[p]× D [p]×, B = [p]× D, C = D.
     */
    public int[] pointInertia(int[] p, int[] d) {
        int[][] dm = {{d[0], d[3], d[4]}, {d[3], d[1], d[5]}, {d[4], d[5], d[2]}};
        int z = t.constant(0);
        int[][] px = {{z, t.neg(p[2]), p[1]}, {p[2], z, t.neg(p[0])}, {t.neg(p[1]), p[0], z}};
        int[][] b = new int[3][3];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                b[r][c] = t.add(t.add(t.mul(px[r][0], dm[0][c]), t.mul(px[r][1], dm[1][c])), t.mul(px[r][2], dm[2][c]));
            }
        }
        // A = -(B [p]×) = B [p]×ᵀ
        int[][] a = new int[3][3];
        for (int r = 0; r < 3; r++) {
            for (int c = r; c < 3; c++) {
                a[r][c] = t.sub(t.constant(0), t.add(t.add(t.mul(b[r][0], px[0][c]), t.mul(b[r][1], px[1][c])),
                        t.mul(b[r][2], px[2][c])));
            }
        }
        return new int[] {
            a[0][0], a[1][1], a[2][2], a[0][1], a[0][2], a[1][2],
            b[0][0], b[0][1], b[0][2], b[1][0], b[1][1], b[1][2], b[2][0], b[2][1], b[2][2],
            d[0], d[1], d[2], d[3], d[4], d[5],
        };
    }

    /**
     * Solves H x = b for the mass matrix from {@link #massMatrix()} (overwritten by its
     * L<sup>T</sup>DL factors); returns x. Relies on dofParent(k) &lt; k (depth-first numbering).
     */
    public int[] solve(int[][] h, int[] b) {
        for (int k = nv - 1; k >= 0; k--) {
            for (int i = m.dofParent(k); i != -1; i = m.dofParent(i)) {
                int a = t.div(h[k][i], h[k][k]);
                for (int j = i; j != -1; j = m.dofParent(j)) {
                    h[i][j] = t.sub(h[i][j], t.mul(a, h[k][j]));
                }
                h[k][i] = a;
            }
        }
        int[] x = b.clone();
        for (int i = nv - 1; i >= 0; i--) {
            for (int j = m.dofParent(i); j != -1; j = m.dofParent(j)) {
                x[j] = t.sub(x[j], t.mul(h[i][j], x[i]));
            }
        }
        for (int i = 0; i < nv; i++) {
            x[i] = t.div(x[i], h[i][i]);
        }
        for (int i = 0; i < nv; i++) {
            for (int j = m.dofParent(i); j != -1; j = m.dofParent(j)) {
                x[i] = t.sub(x[i], t.mul(h[i][j], x[j]));
            }
        }
        return x;
    }

    /** Kinetic energy ½ Σ Vᵀ I V + ½ Σ armature·v² (needs {@link #velocities}). */
    public int kineticEnergy(int[] v) {
        int e = t.constant(0);
        for (int i = 0; i < nb; i++) {
            int[][] iv = inertiaTimes(i, vw[i], vl[i]);
            e = t.add(e, t.add(dot3(vw[i], iv[0]), dot3(vl[i], iv[1])));
        }
        for (int k = 0; k < nv; k++) {
            if (m.armature(k) != 0) {
                e = t.add(e, t.mul(t.constant(m.armature(k)), t.sqr(v[k])));
            }
        }
        return t.mul(t.constant(0.5), e);
    }

    /** Gravitational potential energy -Σ m gᵀ c. */
    public int potentialEnergy() {
        int e = t.constant(0);
        int[] g = constVec(m.gravity(0), m.gravity(1), m.gravity(2));
        for (int i = 0; i < nb; i++) {
            e = t.sub(e, dot3(g, bh[i]));
        }
        return e;
    }

    // ---- configuration space -------------------------------------------------------------

    /** q ⊕ dt·v on the manifold (see {@link ConfigSpace#integrate}); quaternions renormalized. */
    public int[] integrate(int[] q, int[] v, double dt) {
        int[] out = q.clone();
        int h = t.constant(dt);
        for (int i = 0; i < nb; i++) {
            int qs = m.qStart(i);
            int vs = m.vStart(i);
            switch (m.joint(i)) {
                case FIXED:
                    break;
                case FREE: {
                    for (int k = 0; k < 3; k++) {
                        out[qs + k] = t.add(q[qs + k], t.mul(h, v[vs + k]));
                    }
                    int[] e = quatExp(t.mul(h, v[vs + 3]), t.mul(h, v[vs + 4]), t.mul(h, v[vs + 5]));
                    int[] r = normalize(quatMul(e, new int[] {q[qs + 3], q[qs + 4], q[qs + 5], q[qs + 6]}));
                    System.arraycopy(r, 0, out, qs + 3, 4);
                    break;
                }
                case BALL: {
                    int[] e = quatExp(t.mul(h, v[vs]), t.mul(h, v[vs + 1]), t.mul(h, v[vs + 2]));
                    int[] r = normalize(quatMul(new int[] {q[qs], q[qs + 1], q[qs + 2], q[qs + 3]}, e));
                    System.arraycopy(r, 0, out, qs, 4);
                    break;
                }
                case HINGE:
                    out[qs] = t.add(q[qs], t.mul(h, v[vs]));
                    break;
                default:
                    throw new IllegalStateException();
            }
        }
        return out;
    }

    /** Quaternion exp of a rotation vector: (cos(θ/2), sin(θ/2)/θ · r). */
    public int[] quatExp(int x, int y, int z) {
        int th2 = t.add(t.add(t.sqr(x), t.sqr(y)), t.sqr(z));
        int s = t.qexpS(th2);
        return new int[] {t.qexpC(th2), t.mul(s, x), t.mul(s, y), t.mul(s, z)};
    }

    /** Rotation vector of a unit quaternion (w, x, y, z), continuous through w = 0. */
    public int[] quatLog(int[] qt) {
        int s2 = t.add(t.add(t.sqr(qt[1]), t.sqr(qt[2])), t.sqr(qt[3]));
        int k = t.qlogS(s2, qt[0]);
        return new int[] {t.mul(k, qt[1]), t.mul(k, qt[2]), t.mul(k, qt[3])};
    }

    public int[] quatMul(int[] a, int[] b) {
        int w = t.sub(t.mul(a[0], b[0]), t.add(t.add(t.mul(a[1], b[1]), t.mul(a[2], b[2])), t.mul(a[3], b[3])));
        int[] av = {a[1], a[2], a[3]};
        int[] bv = {b[1], b[2], b[3]};
        int[] v = add3(add3(scale3(a[0], bv), scale3(b[0], av)), cross3(av, bv));
        return new int[] {w, v[0], v[1], v[2]};
    }

    public int[] quatConj(int[] a) {
        return new int[] {a[0], t.neg(a[1]), t.neg(a[2]), t.neg(a[3])};
    }

    private int[] normalize(int[] qt) {
        int n = t.sqrt(t.add(t.add(t.sqr(qt[0]), t.sqr(qt[1])), t.add(t.sqr(qt[2]), t.sqr(qt[3]))));
        return new int[] {t.div(qt[0], n), t.div(qt[1], n), t.div(qt[2], n), t.div(qt[3], n)};
    }

    // ---- small vector algebra on slots ----------------------------------------------------

    public int[] constVec(double x, double y, double z) {
        return new int[] {t.constant(x), t.constant(y), t.constant(z)};
    }

    private int[] zero3() {
        int z = t.constant(0);
        return new int[] {z, z, z};
    }

    private int[] unit(int k) {
        return constVec(k == 0 ? 1 : 0, k == 1 ? 1 : 0, k == 2 ? 1 : 0);
    }

    private int[] identity() {
        int z = t.constant(0);
        int o = t.constant(1);
        return new int[] {o, z, z, z, o, z, z, z, o};
    }

    public int[] add3(int[] a, int[] b) {
        return new int[] {t.add(a[0], b[0]), t.add(a[1], b[1]), t.add(a[2], b[2])};
    }

    public int[] sub3(int[] a, int[] b) {
        return new int[] {t.sub(a[0], b[0]), t.sub(a[1], b[1]), t.sub(a[2], b[2])};
    }

    public int[] scale3(int s, int[] a) {
        return new int[] {t.mul(s, a[0]), t.mul(s, a[1]), t.mul(s, a[2])};
    }

    public int dot3(int[] a, int[] b) {
        return t.add(t.add(t.mul(a[0], b[0]), t.mul(a[1], b[1])), t.mul(a[2], b[2]));
    }

    public int[] cross3(int[] a, int[] b) {
        return new int[] {
            t.sub(t.mul(a[1], b[2]), t.mul(a[2], b[1])),
            t.sub(t.mul(a[2], b[0]), t.mul(a[0], b[2])),
            t.sub(t.mul(a[0], b[1]), t.mul(a[1], b[0])),
        };
    }

    private int[] mul33(int[] a, int[] b) {
        int[] r = new int[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                r[3 * i + j] = t.add(t.add(t.mul(a[3 * i], b[j]), t.mul(a[3 * i + 1], b[3 + j])),
                        t.mul(a[3 * i + 2], b[6 + j]));
            }
        }
        return r;
    }

    private int[] mul33v(int[] a, int[] x) {
        return new int[] {
            t.add(t.add(t.mul(a[0], x[0]), t.mul(a[1], x[1])), t.mul(a[2], x[2])),
            t.add(t.add(t.mul(a[3], x[0]), t.mul(a[4], x[1])), t.mul(a[5], x[2])),
            t.add(t.add(t.mul(a[6], x[0]), t.mul(a[7], x[1])), t.mul(a[8], x[2])),
        };
    }

    private int[] quatToRot(int w, int x, int y, int z) {
        int two = t.constant(2);
        int one = t.constant(1);
        int xx = t.sqr(x);
        int yy = t.sqr(y);
        int zz = t.sqr(z);
        int xy = t.mul(x, y);
        int xz = t.mul(x, z);
        int yz = t.mul(y, z);
        int wx = t.mul(w, x);
        int wy = t.mul(w, y);
        int wz = t.mul(w, z);
        return new int[] {
            t.sub(one, t.mul(two, t.add(yy, zz))), t.mul(two, t.sub(xy, wz)), t.mul(two, t.add(xz, wy)),
            t.mul(two, t.add(xy, wz)), t.sub(one, t.mul(two, t.add(xx, zz))), t.mul(two, t.sub(yz, wx)),
            t.mul(two, t.sub(xz, wy)), t.mul(two, t.add(yz, wx)), t.sub(one, t.mul(two, t.add(xx, yy))),
        };
    }

    /** Rodrigues rotation about a constant unit axis u by angle slot th. */
    private int[] axisAngle(double ux, double uy, double uz, int th) {
        int s = t.sin(th);
        int c1 = t.sub(t.constant(1), t.cos(th));
        double[] u = {ux, uy, uz};
        double[] k = {0, -uz, uy, uz, 0, -ux, -uy, ux, 0};
        int[] r = new int[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double k2 = u[i] * u[j] - (i == j ? 1 : 0); // [u]×² = u uᵀ - I
                int e = t.constant(i == j ? 1 : 0);
                e = t.add(e, t.mul(t.constant(k[3 * i + j]), s));
                e = t.add(e, t.mul(t.constant(k2), c1));
                r[3 * i + j] = e;
            }
        }
        return r;
    }
}
