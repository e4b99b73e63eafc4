#!/usr/bin/env python3
"""One-off generator of character-golden.json (kept as documentation; tests never run Python).

Input: the JSON written by org.physrec.physics.pinocchio.ModelExport (the character's tree,
inertias, joint types, keypoints and seeded random states, all in physrec's conventions).
Builds the SAME model in Pinocchio (4.1.0, `pip install pin`) and, per state, stores in
physrec's conventions: the mass matrix M(q), RNEA tau(q, v, qdd), ABA qdd(q, v, tau), the
keypoint positions and the body placements; also ABA with external forces and M^-1.

Conventions, converted explicitly below:
- Quaternions: physrec (w, x, y, z); Pinocchio (x, y, z, w).
- FREE root: physrec v = (linear velocity of the root origin, angular velocity), both in
  WORLD coordinates; tau = (world force at the root origin, world moment about it); qdd =
  d/dt of that v = (world linear acceleration of the origin, world angular acceleration).
  Pinocchio's free flyer uses the LOCAL (body) frame: v_pin = (R^T v, R^T w), tau_pin =
  (R^T f, R^T n), and a_pin = d/dt v_pin = (R^T p'' - w_b x v_b, R^T w'').
  With T = blockdiag(R^T, R^T, I): v_pin = T v, tau = T^T tau_pin, M = T^T M_pin T.
- BALL: q relative quaternion child to parent, v angular velocity in the child frame: the
  same as JointModelSpherical (after reordering the quaternion). HINGE: angle about a unit
  axis fixed in the parent (= child) frame: JointModelRevoluteUnaligned(axis).
- Joint placement: translation = the joint offset in the parent frame, no rotation (all body
  frames are parallel at the neutral pose). Body inertia: mass, com in the body (= joint)
  frame, rotational inertia about the com. Armature on the actuated dofs: model.armature.
- External forces: physrec gives per body a world spatial force about the WORLD ORIGIN
  [moment n_O; force f]; Pinocchio's aba takes per joint a force in the LOCAL joint frame
  about the joint origin o: f_loc = R_b^T f, n_loc = R_b^T (n_O - o x f).
- M^-1: Pinocchio computeMinverse, M^-1 = T^T Minv_pin T (T is orthogonal).
- Keypoints: oMi[body] * point. Body placements: oMi (rotation row-major, then translation).

Usage:
  java -cp ... org.physrec.physics.pinocchio.ModelExport /tmp/export.json
  python3 make_golden.py /tmp/export.json character-golden.json
"""
import json
import os
import sys
import tempfile

import numpy as np
import pinocchio as pin


def build(model_json):
    m = pin.Model()
    m.gravity = pin.Motion(np.array(model_json["gravity"] + [0.0, 0.0, 0.0]))
    joint_ids = []
    for i, b in enumerate(model_json["bodies"]):
        kind = b["joint"]
        if kind == "FREE":
            jm = pin.JointModelFreeFlyer()
        elif kind == "BALL":
            jm = pin.JointModelSpherical()
        elif kind == "HINGE":
            jm = pin.JointModelRevoluteUnaligned(np.array(b["hinge_axis"]))
        else:
            raise ValueError("body %d (%s): joint %s not supported" % (i, b["name"], kind))
        parent = 0 if b["parent"] < 0 else joint_ids[b["parent"]]
        offset = np.zeros(3) if kind == "FREE" else np.array(b["offset"])
        jid = m.addJoint(parent, jm, pin.SE3(np.eye(3), offset), b["name"])
        inertia = pin.Inertia(b["mass"], np.array(b["com"]), np.array(b["inertia_com"]).reshape(3, 3))
        m.appendBodyToJoint(jid, inertia, pin.SE3.Identity())
        joint_ids.append(jid)
        # physrec numbers q and v body by body, like Pinocchio numbers them joint by joint
        assert m.joints[jid].idx_q == b["q_start"] and m.joints[jid].idx_v == b["v_start"], b["name"]
    assert m.nq == model_json["nq"] and m.nv == model_json["nv"]
    m.armature = np.array(model_json["armature"])
    return m, joint_ids


def to_pin_q(model_json, q):
    out = np.array(q, dtype=float)
    for b in model_json["bodies"]:
        s = b["q_start"] + (3 if b["joint"] == "FREE" else 0)
        if b["joint"] in ("FREE", "BALL"):
            w, x, y, z = q[s:s + 4]
            out[s:s + 4] = [x, y, z, w]
    return out


def root_rotation(model_json, q):
    assert model_json["bodies"][0]["joint"] == "FREE"
    w, x, y, z = q[3:7]
    return pin.Quaternion(w, x, y, z).toRotationMatrix()


def main(inp, outp):
    with open(inp) as f:
        data = json.load(f)
    mj = data["model"]
    model, joint_ids = build(mj)
    pdata = model.createData()
    nv = model.nv
    results = []
    for c in data["cases"]:
        q = np.array(c["q"])
        v = np.array(c["v"])
        tau = np.array(c["tau"])
        qdd = np.array(c["qdd"])
        R = root_rotation(mj, q)
        T = np.eye(nv)
        T[0:3, 0:3] = R.T
        T[3:6, 3:6] = R.T
        qp = to_pin_q(mj, q)
        vp = T @ v
        wb = vp[3:6]
        vb = vp[0:3]
        # physrec qdd -> Pinocchio a (local free-flyer acceleration)
        ap = T @ qdd
        ap[0:3] -= np.cross(wb, vb)
        # physrec tau -> Pinocchio tau: tau = T^T tau_pin  =>  tau_pin = T tau
        taup = T @ tau

        M_pin = pin.crba(model, pdata, qp)
        M_pin = np.triu(M_pin) + np.triu(M_pin, 1).T
        M = T.T @ M_pin @ T

        tau_rnea = T.T @ pin.rnea(model, pdata, qp, vp, ap)

        a_aba = pin.aba(model, pdata, qp, vp, taup).copy()
        qdd_aba = a_aba.copy()
        qdd_aba[0:3] = R @ (a_aba[0:3] + np.cross(wb, vb))
        qdd_aba[3:6] = R @ a_aba[3:6]

        # ABA with external forces
        pin.forwardKinematics(model, pdata, qp)
        fext = np.array(c["fext"]).reshape(-1, 6)
        forces = [pin.Force.Zero() for _ in range(model.njoints)]
        for b, jid in enumerate(joint_ids):
            o = pdata.oMi[jid]
            n_o = fext[b, 0:3] - np.cross(o.translation, fext[b, 3:6])
            forces[jid] = pin.Force(o.rotation.T @ fext[b, 3:6], o.rotation.T @ n_o)
        a_ext = pin.aba(model, pdata, qp, vp, taup, pin.StdVec_Force(forces)).copy()
        qdd_ext = a_ext.copy()
        qdd_ext[0:3] = R @ (a_ext[0:3] + np.cross(wb, vb))
        qdd_ext[3:6] = R @ a_ext[3:6]

        Minv_pin = pin.computeMinverse(model, pdata, qp)
        Minv_pin = np.triu(Minv_pin) + np.triu(Minv_pin, 1).T
        Minv = T.T @ Minv_pin @ T
        assert np.max(np.abs(Minv @ M - np.eye(nv))) < 1e-9

        # self-consistency inside Pinocchio (armature included in RNEA and ABA)
        resid = pin.rnea(model, pdata, qp, vp, a_aba) - taup
        assert np.max(np.abs(resid)) < 1e-9, resid

        pin.forwardKinematics(model, pdata, qp)
        poses = []
        for jid in joint_ids:
            o = pdata.oMi[jid]
            poses.extend(list(o.rotation.reshape(-1)) + list(o.translation))
        kps = []
        for k in mj["keypoints"]:
            o = pdata.oMi[joint_ids[k["body"]]]
            kps.extend(list(o.act(np.array(k["point"]))))
        results.append({
            "q": c["q"], "v": c["v"], "tau": c["tau"], "qdd": c["qdd"],
            "mass_matrix": [float(x) for x in M.reshape(-1)],
            "rnea_tau": [float(x) for x in tau_rnea],
            "aba_qdd": [float(x) for x in qdd_aba], "fext": c["fext"],
            "aba_qdd_fext": [float(x) for x in qdd_ext],
            "mass_matrix_inverse": [float(x) for x in Minv.reshape(-1)],
            "keypoints": [float(x) for x in kps],
            "body_poses": [float(x) for x in poses],
        })
    golden = {
        "generator": "make_golden.py with Pinocchio " + pin.__version__,
        "conventions": "physrec conventions for every array (see make_golden.py); mass_matrix (nv x nv) "
                       "row-major; keypoints (K x 3); body_poses (nb x 12): rotation body->world row-major, origin",
        "model": mj,
        "cases": results,
    }
    d = os.path.dirname(os.path.abspath(outp))
    fd, tmp = tempfile.mkstemp(dir=d, suffix=".json")
    with os.fdopen(fd, "w") as f:
        json.dump(golden, f, indent=1)
        f.write("\n")
    os.chmod(tmp, 0o644)
    os.replace(tmp, outp)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: make_golden.py EXPORT.json GOLDEN.json")
    main(sys.argv[1], sys.argv[2])
