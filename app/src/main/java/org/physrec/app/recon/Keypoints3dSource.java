package org.physrec.app.recon;

import java.util.List;
import org.physrec.datasets.Camera;
import org.physrec.datasets.Sequence;
import org.physrec.datasets.geometry.TriangulatedPoints;
import org.physrec.datasets.geometry.TriangulationSettings;

/**
 * Where the 3D keypoints the kinematic initialization and the 3D loss term need come from, in
 * this order: the sequence's own 3D estimate; else triangulation of the 2D keypoints of two or
 * more calibrated cameras; else the sequence's ground truth (a dataset file holding only 3D
 * positions, e.g. the AIST++ release, is reconstructed from those). One camera's 2D keypoints
 * alone would need monocular 3D lifting, which physrec does not do.
 *
 * @param pointsMm    (T x 17 x 3) mm, NaN where missing
 * @param description what was used, for the log and the report
 * @param triangulation the triangulation when one was made, else null
 */
public record Keypoints3dSource(double[] pointsMm, String description, TriangulatedPoints triangulation) {

    /**
     * @param cameras     the cameras with 2D keypoints that the reconstruction uses
     * @param pixels      per camera (T x 17 x 2)
     * @param confidences per camera (T x 17)
     * @throws IllegalArgumentException naming the sequence when there is nothing to make 3D keypoints from
     */
    static Keypoints3dSource choose(Sequence s, List<Camera> cameras, List<double[]> pixels, List<double[]> confidences) {
        if (s.hasKeypoints3d()) {
            return new Keypoints3dSource(s.keypoints3d(), "3D estimate ('keypoints3d')", null);
        }
        if (cameras.size() >= 2) {
            TriangulatedPoints tri = TriangulatedPoints.of(cameras, pixels, confidences, s.frames(), s.jointCount(),
                    TriangulationSettings.DEFAULTS);
            return new Keypoints3dSource(tri.points(), "triangulated from the 2D keypoints of " + cameras.size()
                    + " cameras: " + tri.summary(), tri);
        }
        if (s.hasGroundTruth()) {
            return new Keypoints3dSource(s.groundTruth(), "ground truth used as the 3D input (no 3D estimate and "
                    + (cameras.isEmpty() ? "no" : "only one") + " camera with 2D keypoints): metrics compare the "
                    + "reconstruction with its own input", null);
        }
        if (cameras.size() == 1) {
            throw new IllegalArgumentException("sequence " + s.id() + ": only one camera (" + cameras.get(0).name()
                    + ") has 2D keypoints and there is no 3D estimate ('keypoints3d'): 2D-only input needs at least 2 "
                    + "calibrated cameras to triangulate; lifting one camera's 2D keypoints to 3D (monocular) is out "
                    + "of physrec's scope, so give a 3D estimate from a monocular lifter");
        }
        throw new IllegalArgumentException("sequence " + s.id() + ": no 3D keypoints ('keypoints3d'), no ground truth "
                + "and no 2D keypoints to triangulate");
    }

    /** Text added to a "too few 3D keypoints in frame t" error: why triangulated points are missing. */
    String whyMissing() {
        if (triangulation == null) {
            return "";
        }
        return " (" + description + ")";
    }
}
