/**
 * Multi-camera geometry on calibrated {@link org.physrec.datasets.Camera}s: confidence-weighted
 * triangulation of 2D keypoints into 3D points (linear initial estimate, then Gauss–Newton on the
 * reprojection error through the full camera model including lens distortion).
 */
package org.physrec.datasets.geometry;
