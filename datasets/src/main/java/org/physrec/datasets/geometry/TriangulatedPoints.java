package org.physrec.datasets.geometry;

import java.util.List;
import java.util.Locale;
import org.physrec.datasets.Camera;

/**
 * 3D keypoints triangulated from several cameras' 2D keypoints, with what happened to the others.
 *
 * @param points          (T x J x 3) world points, NaN where not triangulated
 * @param rmsPx           (T x J) weighted RMS reprojection error in pixels, NaN where not triangulated
 * @param triangulated    number of points triangulated
 * @param tooFewCameras   points seen by fewer than two confident cameras
 * @param illConditioned  points whose rays were too nearly parallel
 * @param behindCamera    points whose solution fell behind a camera that saw them
 * @param maxCondition    the condition-number limit used
 */
public record TriangulatedPoints(double[] points, double[] rmsPx, int triangulated, int tooFewCameras,
                                 int illConditioned, int behindCamera, double maxCondition) {

    /**
     * Triangulates every joint of every frame.
     *
     * @param cameras     the calibrated cameras (at least two)
     * @param pixels      per camera (T x J x 2) pixels, NaN where missing
     * @param confidences per camera (T x J) confidences, 0 where missing
     * @throws IllegalArgumentException naming the camera and array whose shape does not match
     */
    public static TriangulatedPoints of(List<Camera> cameras, List<double[]> pixels, List<double[]> confidences,
                                        int frames, int joints, TriangulationSettings settings) {
        if (cameras.size() < 2) {
            throw new IllegalArgumentException("cameras: triangulation needs at least 2 calibrated cameras with 2D "
                    + "keypoints, got " + cameras.size());
        }
        if (pixels.size() != cameras.size() || confidences.size() != cameras.size()) {
            throw new IllegalArgumentException("pixels/confidences: expected one array per camera (" + cameras.size()
                    + "), got " + pixels.size() + " and " + confidences.size());
        }
        int n = cameras.size();
        for (int c = 0; c < n; c++) {
            if (pixels.get(c).length != frames * joints * 2 || confidences.get(c).length != frames * joints) {
                throw new IllegalArgumentException("camera " + cameras.get(c).name() + ": expected " + frames + " x "
                        + joints + " keypoints, got " + pixels.get(c).length / 2 + " pixels and "
                        + confidences.get(c).length + " confidences");
            }
        }
        Triangulator tri = new Triangulator(cameras, settings);
        double[] points = new double[frames * joints * 3];
        double[] rms = new double[frames * joints];
        double[] px = new double[2 * n];
        double[] cf = new double[n];
        int ok = 0, few = 0, ill = 0, behind = 0;
        for (int i = 0; i < frames * joints; i++) {
            for (int c = 0; c < n; c++) {
                px[2 * c] = pixels.get(c)[2 * i];
                px[2 * c + 1] = pixels.get(c)[2 * i + 1];
                cf[c] = confidences.get(c)[i];
            }
            switch (tri.point(px, cf, points, 3 * i)) {
                case OK -> ok++;
                case TOO_FEW_CAMERAS -> few++;
                case ILL_CONDITIONED -> ill++;
                case BEHIND_CAMERA -> behind++;
                default -> throw new IllegalStateException();
            }
            rms[i] = tri.lastRmsPx();
        }
        return new TriangulatedPoints(points, rms, ok, few, ill, behind, settings.maxCondition());
    }

    /** Points triangulated in frame {@code t} (J joints per frame). */
    public int triangulatedIn(int t, int joints) {
        int k = 0;
        for (int j = 0; j < joints; j++) {
            if (Double.isFinite(points[(t * joints + j) * 3])) {
                k++;
            }
        }
        return k;
    }

    /** Mean RMS reprojection error (px) over the triangulated points; NaN if none. */
    public double meanRmsPx() {
        double s = 0;
        int k = 0;
        for (double v : rmsPx) {
            if (Double.isFinite(v)) {
                s += v;
                k++;
            }
        }
        return k == 0 ? Double.NaN : s / k;
    }

    /** One line: how many points were triangulated and why the others were not. */
    public String summary() {
        return String.format(Locale.ROOT, "%d of %d points triangulated (mean reprojection error %.2f px); "
                + "%d seen by fewer than 2 confident cameras, %d ill-conditioned (rays nearly parallel, condition "
                + "number > %.0e), %d behind a camera", triangulated, rmsPx.length, meanRmsPx(), tooFewCameras,
                illConditioned, maxCondition, behindCamera);
    }
}
