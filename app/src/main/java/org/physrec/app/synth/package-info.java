/**
 * Synthetic inputs from ground-truth motion ({@code physrec synth}): 2D detections per camera with
 * seeded pixel noise, low-confidence and dropped keypoints, and a 3D kinematic estimate with the
 * bias, temporally correlated noise and jitter of a monocular estimator. The noise model and its
 * defaults are in docs/EVAL.md.
 */
package org.physrec.app.synth;
