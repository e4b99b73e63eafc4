package org.physrec.physics;

/**
 * Featherstone's articulated-body algorithm (RBDA §7.3) in plain Java on flat arrays, with
 * the same conventions as the traced algorithms ({@link SymbolicDynamics}): spatial vectors
 * in world coordinates about the world origin, Plücker [angular; linear], motion subspace
 * columns in world coordinates, gravity as a fictitious base acceleration, armature added to
 * the joint-space diagonal D<sub>i</sub> (so it gives exactly M⁻¹(τ − C) of the CRBA route).
 * World coordinates need no transforms between bodies: the articulated inertia of a child
 * is added to its parent's as is.
 *
 * <p>Holds the model's constants and all scratch (allocated once, one instance per
 * {@link Workspace}); {@link #compute} allocates nothing. O(bodies), no tape: for plain
 * forward simulation only, it has no adjoint.
 */
final class ArticulatedBodyAlgorithm {
    private final int nb;
    private final int nv;
    private final int[] parent;
    private final JointType[] joint;
    private final int[] qStart;
    private final int[] vStart;
    /** (nb x 3) joint position in the parent frame; hinge axis. */
    private final double[] offset;
    private final double[] axis;
    private final double[] mass;
    /** (nb x 3) com in the body frame; (nb x 9) inertia about the com, body frame. */
    private final double[] com;
    private final double[] inertia;
    private final double[] armature;
    private final double gx;
    private final double gy;
    private final double gz;

    /** (nb x 9) rotation body→world, row-major; (nb x 3) body origin in world. */
    final double[] rot;
    final double[] org;
    /** (nv x 6) motion subspace column of each dof: angular, linear at the world origin. */
    private final double[] s;
    /** (nb x 6) spatial velocity; velocity-product acceleration c = Ṡ v. */
    final double[] vel;
    private final double[] cor;
    /**
     * (nb x 36) articulated inertia, row-major symmetric 6x6 acting on [ω; v], only the upper
     * triangle kept; (nb x 6) bias force.
     */
    private final double[] ia;
    private final double[] pa;
    /** (nv x 6) U = I<sup>A</sup> S per dof; (nb x 36) D⁻¹ per joint (n x n, row-major); (nv) u = τ − Sᵀ p. */
    private final double[] u6;
    private final double[] dinv;
    private final double[] uu;
    /** (nb x 6) spatial acceleration. */
    private final double[] acc;
    /** Scratch: (6 x 6) U D⁻¹, (36) Cholesky factor, (6) vectors. */
    private final double[] w6 = new double[36];
    private final double[] chol = new double[36];
    private final double[] t6 = new double[6];
    private final double[] r9 = new double[9];
    private final double[] m9 = new double[9];

    ArticulatedBodyAlgorithm(Model m) {
        nb = m.bodyCount();
        nv = m.nv();
        parent = new int[nb];
        joint = new JointType[nb];
        qStart = new int[nb];
        vStart = new int[nb];
        offset = new double[3 * nb];
        axis = new double[3 * nb];
        mass = new double[nb];
        com = new double[3 * nb];
        inertia = new double[9 * nb];
        armature = new double[nv];
        for (int i = 0; i < nb; i++) {
            parent[i] = m.parent(i);
            joint[i] = m.joint(i);
            qStart[i] = m.qStart(i);
            vStart[i] = m.vStart(i);
            mass[i] = m.mass(i);
            for (int c = 0; c < 3; c++) {
                offset[3 * i + c] = m.jointOffset(i, c);
                axis[3 * i + c] = m.hingeAxis(i, c);
                com[3 * i + c] = m.com(i, c);
            }
            for (int k = 0; k < 9; k++) {
                inertia[9 * i + k] = m.inertia(i, k / 3, k % 3);
            }
        }
        for (int k = 0; k < nv; k++) {
            armature[k] = m.armature(k);
        }
        gx = m.gravity(0);
        gy = m.gravity(1);
        gz = m.gravity(2);
        rot = new double[9 * nb];
        org = new double[3 * nb];
        s = new double[6 * nv];
        vel = new double[6 * nb];
        cor = new double[6 * nb];
        ia = new double[36 * nb];
        pa = new double[6 * nb];
        u6 = new double[6 * nv];
        dinv = new double[36 * nb];
        uu = new double[nv];
        acc = new double[6 * nb];
    }

    /**
     * qddOut = M(q)⁻¹ (τ + Jᵀ f<sub>ext</sub> − C(q, v)). No argument checks (the caller checks).
     *
     * @param fext (nb x 6) world spatial force on each body about the world origin [moment; force], or null
     */
    void compute(double[] q, double[] v, double[] tau, double[] fext, double[] qddOut) {
        for (int i = 0; i < nb; i++) {
            kinematics(i, q, v);
            rigidInertia(i);
            biasForce(i, fext);
        }
        for (int i = nb - 1; i >= 0; i--) {
            backward(i, tau);
        }
        for (int i = 0; i < nb; i++) {
            forward(i, qddOut);
        }
    }

    /** Pass 1 alone: body poses ({@link #rot}, {@link #org}) and spatial velocities ({@link #vel}). */
    void velocities(double[] q, double[] v) {
        for (int i = 0; i < nb; i++) {
            kinematics(i, q, v);
        }
    }

    // ---- pass 1: poses, subspaces, velocities --------------------------------------------

    private void kinematics(int i, double[] q, double[] v) {
        int qs = qStart[i];
        int vs = vStart[i];
        int p = parent[i];
        int r = 9 * i;
        int o = 3 * i;
        switch (joint[i]) {
            case FIXED:
                java.util.Arrays.fill(rot, r, r + 9, 0);
                rot[r] = rot[r + 4] = rot[r + 8] = 1;
                org[o] = offset[o];
                org[o + 1] = offset[o + 1];
                org[o + 2] = offset[o + 2];
                break;
            case FREE:
                quatToRot(q[qs + 3], q[qs + 4], q[qs + 5], q[qs + 6], rot, r);
                org[o] = q[qs];
                org[o + 1] = q[qs + 1];
                org[o + 2] = q[qs + 2];
                break;
            case BALL:
                quatToRot(q[qs], q[qs + 1], q[qs + 2], q[qs + 3], r9, 0);
                childPose(i, p);
                break;
            case HINGE:
                axisAngle(axis[o], axis[o + 1], axis[o + 2], q[qs], r9);
                childPose(i, p);
                break;
            default:
                throw new IllegalStateException();
        }
        double ox = org[o];
        double oy = org[o + 1];
        double oz = org[o + 2];
        int n = joint[i].nv();
        // subspace columns [a; o × a]
        if (joint[i] == JointType.FREE) {
            for (int k = 0; k < 3; k++) {
                int a = 6 * (vs + k);
                java.util.Arrays.fill(s, a, a + 6, 0);
                s[a + 3 + k] = 1;
                int b = 6 * (vs + 3 + k);
                java.util.Arrays.fill(s, b, b + 6, 0);
                s[b + k] = 1;
                setCross(ox, oy, oz, k == 0 ? 1 : 0, k == 1 ? 1 : 0, k == 2 ? 1 : 0, s, b + 3);
            }
        } else if (joint[i] == JointType.BALL) {
            for (int k = 0; k < 3; k++) {
                int a = 6 * (vs + k);
                s[a] = rot[r + k];
                s[a + 1] = rot[r + 3 + k];
                s[a + 2] = rot[r + 6 + k];
                setCross(ox, oy, oz, s[a], s[a + 1], s[a + 2], s, a + 3);
            }
        } else if (joint[i] == JointType.HINGE) {
            int a = 6 * vs;
            double ux = axis[o];
            double uy = axis[o + 1];
            double uz = axis[o + 2];
            s[a] = rot[r] * ux + rot[r + 1] * uy + rot[r + 2] * uz;
            s[a + 1] = rot[r + 3] * ux + rot[r + 4] * uy + rot[r + 5] * uz;
            s[a + 2] = rot[r + 6] * ux + rot[r + 7] * uy + rot[r + 8] * uz;
            setCross(ox, oy, oz, s[a], s[a + 1], s[a + 2], s, a + 3);
        }
        // joint velocity S v
        double jw0 = 0;
        double jw1 = 0;
        double jw2 = 0;
        double jl0 = 0;
        double jl1 = 0;
        double jl2 = 0;
        for (int k = 0; k < n; k++) {
            int a = 6 * (vs + k);
            double x = v[vs + k];
            jw0 += x * s[a];
            jw1 += x * s[a + 1];
            jw2 += x * s[a + 2];
            jl0 += x * s[a + 3];
            jl1 += x * s[a + 4];
            jl2 += x * s[a + 5];
        }
        int e = 6 * i;
        if (p < 0) {
            vel[e] = jw0;
            vel[e + 1] = jw1;
            vel[e + 2] = jw2;
            vel[e + 3] = jl0;
            vel[e + 4] = jl1;
            vel[e + 5] = jl2;
            java.util.Arrays.fill(cor, e, e + 6, 0);
            if (joint[i] == JointType.FREE) {
                // d/dt of the root subspace: [0; v_o × ω]
                setCross(v[vs], v[vs + 1], v[vs + 2], v[vs + 3], v[vs + 4], v[vs + 5], cor, e + 3);
            }
        } else {
            int f = 6 * p;
            double pw0 = vel[f];
            double pw1 = vel[f + 1];
            double pw2 = vel[f + 2];
            double pl0 = vel[f + 3];
            double pl1 = vel[f + 4];
            double pl2 = vel[f + 5];
            vel[e] = pw0 + jw0;
            vel[e + 1] = pw1 + jw1;
            vel[e + 2] = pw2 + jw2;
            vel[e + 3] = pl0 + jl0;
            vel[e + 4] = pl1 + jl1;
            vel[e + 5] = pl2 + jl2;
            // c = V_parent ×m (S v): the joint axes are fixed in the child body
            cor[e] = pw1 * jw2 - pw2 * jw1;
            cor[e + 1] = pw2 * jw0 - pw0 * jw2;
            cor[e + 2] = pw0 * jw1 - pw1 * jw0;
            cor[e + 3] = pw1 * jl2 - pw2 * jl1 + pl1 * jw2 - pl2 * jw1;
            cor[e + 4] = pw2 * jl0 - pw0 * jl2 + pl2 * jw0 - pl0 * jw2;
            cor[e + 5] = pw0 * jl1 - pw1 * jl0 + pl0 * jw1 - pl1 * jw0;
        }
    }

    /** Child pose from the parent's and the joint rotation in r9: R = R_p R_j, o = o_p + R_p offset. */
    private void childPose(int i, int p) {
        int r = 9 * i;
        int rp = 9 * p;
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                rot[r + 3 * a + b] = rot[rp + 3 * a] * r9[b] + rot[rp + 3 * a + 1] * r9[3 + b]
                        + rot[rp + 3 * a + 2] * r9[6 + b];
            }
        }
        int o = 3 * i;
        for (int a = 0; a < 3; a++) {
            org[o + a] = org[3 * p + a] + rot[rp + 3 * a] * offset[o] + rot[rp + 3 * a + 1] * offset[o + 1]
                    + rot[rp + 3 * a + 2] * offset[o + 2];
        }
    }

    /** Rigid spatial inertia of body i in world about the origin into ia[i] (6x6). */
    private void rigidInertia(int i) {
        int r = 9 * i;
        int o = 3 * i;
        double m = mass[i];
        double cx = org[o] + rot[r] * com[o] + rot[r + 1] * com[o + 1] + rot[r + 2] * com[o + 2];
        double cy = org[o + 1] + rot[r + 3] * com[o] + rot[r + 4] * com[o + 1] + rot[r + 5] * com[o + 2];
        double cz = org[o + 2] + rot[r + 6] * com[o] + rot[r + 7] * com[o + 1] + rot[r + 8] * com[o + 2];
        // m9 = R Ic; world Ic = m9 Rᵀ
        int in = 9 * i;
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                m9[3 * a + b] = rot[r + 3 * a] * inertia[in + b] + rot[r + 3 * a + 1] * inertia[in + 3 + b]
                        + rot[r + 3 * a + 2] * inertia[in + 6 + b];
            }
        }
        int base = 36 * i;
        double cc = cx * cx + cy * cy + cz * cz;
        t6[0] = cx;
        t6[1] = cy;
        t6[2] = cz;
        for (int a = 0; a < 3; a++) {
            for (int b = a; b < 3; b++) {
                double x = m9[3 * a] * rot[r + 3 * b] + m9[3 * a + 1] * rot[r + 3 * b + 1]
                        + m9[3 * a + 2] * rot[r + 3 * b + 2];
                // Io = Ic + m (|c|² I − c cᵀ)
                ia[base + 6 * a + b] = x + m * ((a == b ? cc : 0) - t6[a] * t6[b]);
            }
        }
        // upper blocks of [[Io, [h]×], [[h]×ᵀ, m 1]] (h = m c)
        double hx = m * cx;
        double hy = m * cy;
        double hz = m * cz;
        int k = base + 3;
        ia[k] = 0;
        ia[k + 1] = -hz;
        ia[k + 2] = hy;
        ia[k + 6] = hz;
        ia[k + 7] = 0;
        ia[k + 8] = -hx;
        ia[k + 12] = -hy;
        ia[k + 13] = hx;
        ia[k + 14] = 0;
        ia[base + 21] = m;
        ia[base + 22] = 0;
        ia[base + 23] = 0;
        ia[base + 28] = m;
        ia[base + 29] = 0;
        ia[base + 35] = m;
    }

    /** p = V ×* (I V) − f_ext. */
    private void biasForce(int i, double[] fext) {
        int e = 6 * i;
        symMul6(ia, 36 * i, vel, e, t6);
        double w0 = vel[e];
        double w1 = vel[e + 1];
        double w2 = vel[e + 2];
        double l0 = vel[e + 3];
        double l1 = vel[e + 4];
        double l2 = vel[e + 5];
        double n0 = t6[0];
        double n1 = t6[1];
        double n2 = t6[2];
        double f0 = t6[3];
        double f1 = t6[4];
        double f2 = t6[5];
        // [ω × n + v × f; ω × f]
        pa[e] = w1 * n2 - w2 * n1 + l1 * f2 - l2 * f1;
        pa[e + 1] = w2 * n0 - w0 * n2 + l2 * f0 - l0 * f2;
        pa[e + 2] = w0 * n1 - w1 * n0 + l0 * f1 - l1 * f0;
        pa[e + 3] = w1 * f2 - w2 * f1;
        pa[e + 4] = w2 * f0 - w0 * f2;
        pa[e + 5] = w0 * f1 - w1 * f0;
        if (fext != null) {
            for (int k = 0; k < 6; k++) {
                pa[e + k] -= fext[e + k];
            }
        }
    }

    // ---- pass 2: articulated inertias, inward -------------------------------------------

    private void backward(int i, double[] tau) {
        int n = joint[i].nv();
        int vs = vStart[i];
        int base = 36 * i;
        int e = 6 * i;
        int d = 36 * i;
        if (n > 0) {
            for (int k = 0; k < n; k++) {
                symMul6(ia, base, s, 6 * (vs + k), t6);
                System.arraycopy(t6, 0, u6, 6 * (vs + k), 6);
                double sp = 0;
                for (int c = 0; c < 6; c++) {
                    sp += s[6 * (vs + k) + c] * pa[e + c];
                }
                uu[vs + k] = tau[vs + k] - sp;
            }
            // D = Sᵀ U + armature (n x n, symmetric positive definite)
            for (int a = 0; a < n; a++) {
                for (int b = a; b < n; b++) {
                    double x = 0;
                    for (int c = 0; c < 6; c++) {
                        x += s[6 * (vs + a) + c] * u6[6 * (vs + b) + c];
                    }
                    if (a == b) {
                        x += armature[vs + a];
                    }
                    chol[n * a + b] = x;
                    chol[n * b + a] = x;
                }
            }
            invertSpd(n, i);
        }
        int p = parent[i];
        if (p < 0) {
            return;
        }
        // W = U D⁻¹ (6 x n)
        for (int r = 0; r < 6; r++) {
            for (int b = 0; b < n; b++) {
                double x = 0;
                for (int a = 0; a < n; a++) {
                    x += u6[6 * (vs + a) + r] * dinv[d + n * a + b];
                }
                w6[n * r + b] = x;
            }
        }
        // I^a = I^A − W Uᵀ (upper triangle), kept in ia[i] and added to the parent
        int pb = 36 * p;
        int u0 = 6 * vs;
        if (n == 1) {
            for (int r = 0; r < 6; r++) {
                double w = w6[r];
                for (int c = r; c < 6; c++) {
                    double x = ia[base + 6 * r + c] - w * u6[u0 + c];
                    ia[base + 6 * r + c] = x;
                    ia[pb + 6 * r + c] += x;
                }
            }
        } else {
            // only BALL (n = 3) and HINGE (n = 1) joints have a parent (Model enforces it)
            assert n == 3 : n;
            for (int r = 0; r < 6; r++) {
                double wa = w6[3 * r];
                double wb = w6[3 * r + 1];
                double wc = w6[3 * r + 2];
                for (int c = r; c < 6; c++) {
                    double x = ia[base + 6 * r + c] - (wa * u6[u0 + c] + wb * u6[u0 + 6 + c] + wc * u6[u0 + 12 + c]);
                    ia[base + 6 * r + c] = x;
                    ia[pb + 6 * r + c] += x;
                }
            }
        }
        // p^a = p + I^a c + W u
        symMul6(ia, base, cor, e, t6);
        int f = 6 * p;
        for (int r = 0; r < 6; r++) {
            double x = pa[e + r] + t6[r];
            for (int a = 0; a < n; a++) {
                x += w6[n * r + a] * uu[vs + a];
            }
            pa[f + r] += x;
        }
    }

    /** dinv[i] = D⁻¹ for the n x n SPD matrix in chol (closed form for n = 1 and 3, else Cholesky; n ≤ 6). */
    private void invertSpd(int n, int i) {
        int d = 36 * i;
        if (n == 1) {
            dinv[d] = 1 / chol[0];
            return;
        }
        if (n == 3) {
            // symmetric 3x3: adjugate over determinant
            double a = chol[0];
            double b = chol[1];
            double c = chol[2];
            double e = chol[4];
            double f = chol[5];
            double g = chol[8];
            double c00 = e * g - f * f;
            double c01 = c * f - b * g;
            double c02 = b * f - c * e;
            double inv = 1 / (a * c00 + b * c01 + c * c02);
            double c11 = a * g - c * c;
            double c12 = b * c - a * f;
            double c22 = a * e - b * b;
            dinv[d] = c00 * inv;
            dinv[d + 1] = dinv[d + 3] = c01 * inv;
            dinv[d + 2] = dinv[d + 6] = c02 * inv;
            dinv[d + 4] = c11 * inv;
            dinv[d + 5] = dinv[d + 7] = c12 * inv;
            dinv[d + 8] = c22 * inv;
            return;
        }
        // in-place lower Cholesky factor L (row-major n x n)
        for (int j = 0; j < n; j++) {
            double x = chol[n * j + j];
            for (int k = 0; k < j; k++) {
                x -= chol[n * j + k] * chol[n * j + k];
            }
            double l = Math.sqrt(x);
            chol[n * j + j] = l;
            for (int r = j + 1; r < n; r++) {
                double y = chol[n * r + j];
                for (int k = 0; k < j; k++) {
                    y -= chol[n * r + k] * chol[n * j + k];
                }
                chol[n * r + j] = y / l;
            }
        }
        // D⁻¹ column by column: solve L Lᵀ x = e_c
        for (int c = 0; c < n; c++) {
            for (int r = 0; r < n; r++) {
                double y = r == c ? 1 : 0;
                for (int k = 0; k < r; k++) {
                    y -= chol[n * r + k] * t6[k];
                }
                t6[r] = y / chol[n * r + r];
            }
            for (int r = n - 1; r >= 0; r--) {
                double y = t6[r];
                for (int k = r + 1; k < n; k++) {
                    y -= chol[n * k + r] * t6[k];
                }
                t6[r] = y / chol[n * r + r];
            }
            for (int r = 0; r < n; r++) {
                dinv[d + n * r + c] = t6[r];
            }
        }
    }

    // ---- pass 3: accelerations, outward -------------------------------------------------

    private void forward(int i, double[] qddOut) {
        int p = parent[i];
        int e = 6 * i;
        for (int c = 0; c < 6; c++) {
            acc[e + c] = cor[e + c];
        }
        if (p < 0) {
            // gravity as an upward acceleration of the base
            acc[e + 3] -= gx;
            acc[e + 4] -= gy;
            acc[e + 5] -= gz;
        } else {
            for (int c = 0; c < 6; c++) {
                acc[e + c] += acc[6 * p + c];
            }
        }
        int n = joint[i].nv();
        int vs = vStart[i];
        int d = 36 * i;
        // qdd = D⁻¹ (u − Uᵀ a'); a = a' + S qdd
        for (int a = 0; a < n; a++) {
            double x = uu[vs + a];
            for (int c = 0; c < 6; c++) {
                x -= u6[6 * (vs + a) + c] * acc[e + c];
            }
            t6[a] = x;
        }
        for (int a = 0; a < n; a++) {
            double x = 0;
            for (int b = 0; b < n; b++) {
                x += dinv[d + n * a + b] * t6[b];
            }
            qddOut[vs + a] = x;
        }
        for (int a = 0; a < n; a++) {
            double x = qddOut[vs + a];
            for (int c = 0; c < 6; c++) {
                acc[e + c] += s[6 * (vs + a) + c] * x;
            }
        }
    }

    // ---- small algebra ------------------------------------------------------------------

    /** out = M x for a symmetric 6x6 M of which only the upper triangle of mat[off..off+36) is valid. */
    private static void symMul6(double[] mat, int off, double[] x, int xo, double[] out) {
        double m00 = mat[off];
        double m01 = mat[off + 1];
        double m02 = mat[off + 2];
        double m03 = mat[off + 3];
        double m04 = mat[off + 4];
        double m05 = mat[off + 5];
        double m11 = mat[off + 7];
        double m12 = mat[off + 8];
        double m13 = mat[off + 9];
        double m14 = mat[off + 10];
        double m15 = mat[off + 11];
        double m22 = mat[off + 14];
        double m23 = mat[off + 15];
        double m24 = mat[off + 16];
        double m25 = mat[off + 17];
        double m33 = mat[off + 21];
        double m34 = mat[off + 22];
        double m35 = mat[off + 23];
        double m44 = mat[off + 28];
        double m45 = mat[off + 29];
        double m55 = mat[off + 35];
        double x0 = x[xo];
        double x1 = x[xo + 1];
        double x2 = x[xo + 2];
        double x3 = x[xo + 3];
        double x4 = x[xo + 4];
        double x5 = x[xo + 5];
        out[0] = m00 * x0 + m01 * x1 + m02 * x2 + m03 * x3 + m04 * x4 + m05 * x5;
        out[1] = m01 * x0 + m11 * x1 + m12 * x2 + m13 * x3 + m14 * x4 + m15 * x5;
        out[2] = m02 * x0 + m12 * x1 + m22 * x2 + m23 * x3 + m24 * x4 + m25 * x5;
        out[3] = m03 * x0 + m13 * x1 + m23 * x2 + m33 * x3 + m34 * x4 + m35 * x5;
        out[4] = m04 * x0 + m14 * x1 + m24 * x2 + m34 * x3 + m44 * x4 + m45 * x5;
        out[5] = m05 * x0 + m15 * x1 + m25 * x2 + m35 * x3 + m45 * x4 + m55 * x5;
    }

    private static void setCross(double ax, double ay, double az, double bx, double by, double bz, double[] out,
                                 int o) {
        out[o] = ay * bz - az * by;
        out[o + 1] = az * bx - ax * bz;
        out[o + 2] = ax * by - ay * bx;
    }

    /** Rotation of a unit quaternion (w, x, y, z), the same formula as the traced kinematics. */
    static void quatToRot(double w, double x, double y, double z, double[] out, int o) {
        double xx = x * x;
        double yy = y * y;
        double zz = z * z;
        double xy = x * y;
        double xz = x * z;
        double yz = y * z;
        double wx = w * x;
        double wy = w * y;
        double wz = w * z;
        out[o] = 1 - 2 * (yy + zz);
        out[o + 1] = 2 * (xy - wz);
        out[o + 2] = 2 * (xz + wy);
        out[o + 3] = 2 * (xy + wz);
        out[o + 4] = 1 - 2 * (xx + zz);
        out[o + 5] = 2 * (yz - wx);
        out[o + 6] = 2 * (xz - wy);
        out[o + 7] = 2 * (yz + wx);
        out[o + 8] = 1 - 2 * (xx + yy);
    }

    /** Rodrigues: R = I + sin θ [u]× + (1 − cos θ) [u]×² for a unit axis u. */
    private static void axisAngle(double ux, double uy, double uz, double th, double[] out) {
        double sn = Math.sin(th);
        double c1 = 1 - Math.cos(th);
        out[0] = 1 + c1 * (ux * ux - 1);
        out[1] = -sn * uz + c1 * ux * uy;
        out[2] = sn * uy + c1 * ux * uz;
        out[3] = sn * uz + c1 * ux * uy;
        out[4] = 1 + c1 * (uy * uy - 1);
        out[5] = -sn * ux + c1 * uy * uz;
        out[6] = -sn * uy + c1 * ux * uz;
        out[7] = sn * ux + c1 * uy * uz;
        out[8] = 1 + c1 * (uz * uz - 1);
    }
}
