/**
 * The reconstruction pipeline: from keypoints (a {@link org.physrec.datasets.Sequence}) to a
 * physically simulated motion. Ground plane and subject fit, per-frame inverse kinematics to a
 * reference motion, window planning, the reconstruction loss and its gradients, and the
 * {@link org.physrec.optim.Objective} over one window's controls, minimized by any optimizer
 * of the optim registry. Data are millimetres; everything handed to physics is SI metres
 * ({@link org.physrec.app.recon.SceneFrame} converts).
 */
package org.physrec.app.recon;
