/**
 * Evaluation of 3D joint trajectories against ground truth: the metrics of the DiffPhy/OSDCap
 * protocol (MPJPE, PA-MPJPE, MPJPE-G, PCK, GRP, acceleration error, foot skating, ground
 * penetration), aggregation over sequences, and result tables (JSON, CSV, Markdown beside the
 * published Human3.6M anchors). Inputs are flat {@code double[]} arrays of shape
 * (T x J x 3), row-major, in millimetres, world z up. Definitions: {@code docs/EVAL.md}.
 */
package org.physrec.app.eval;
