/**
 * Writing what a reconstruction produced: the plain {@link org.physrec.app.export.Trajectory}
 * record, its JSON and CSV forms, BVH motion for the H36M-17 skeleton (and a reader used to check
 * it), MP4 overlays of reprojected versus input keypoints, and PNG plots. Every writer goes through
 * {@link org.physrec.datasets.io.AtomicFiles}: a temp file in the target folder, then a move.
 */
package org.physrec.app.export;
