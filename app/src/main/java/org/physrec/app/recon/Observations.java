package org.physrec.app.recon;

import java.util.List;
import org.physrec.datasets.Camera;

/**
 * What the reconstruction explains, per frame, for the K character keypoints (H36M-17 order):
 * 3D keypoints in the physics frame (metres, floor at z = 0) and 2D keypoints in pixels per
 * camera with confidences. Cameras stay in the data frame (mm); {@link #frame} maps between.
 * Arrays are shared, not copied: treat them as read-only.
 *
 * @param frames       T
 * @param keypoints    K
 * @param fps          frame rate (Hz)
 * @param frame        data ↔ physics frame
 * @param targets3d    (T x K x 3) metres, NaN where missing; null without 3D input
 * @param cameras      cameras with 2D input (possibly empty)
 * @param pixels       per camera (T x K x 2) pixels, NaN where missing
 * @param confidences  per camera (T x K), 0 where missing
 */
public record Observations(int frames, int keypoints, double fps, SceneFrame frame, double[] targets3d,
                           List<Camera> cameras, List<double[]> pixels, List<double[]> confidences) {

    public Observations {
        if (frames < 1 || keypoints < 1) {
            throw new IllegalArgumentException("frames, keypoints: must be >= 1, got " + frames + ", " + keypoints);
        }
        if (targets3d != null && targets3d.length != frames * keypoints * 3) {
            throw new IllegalArgumentException("targets3d: expected " + frames * keypoints * 3 + " values, got "
                    + targets3d.length);
        }
        cameras = List.copyOf(cameras);
        pixels = List.copyOf(pixels);
        confidences = List.copyOf(confidences);
        if (pixels.size() != cameras.size() || confidences.size() != cameras.size()) {
            throw new IllegalArgumentException("pixels, confidences: one array per camera required");
        }
        for (int c = 0; c < cameras.size(); c++) {
            if (pixels.get(c).length != frames * keypoints * 2 || confidences.get(c).length != frames * keypoints) {
                throw new IllegalArgumentException("camera " + cameras.get(c).name() + ": expected " + frames
                        + " x " + keypoints + " pixels and confidences");
            }
        }
        if (targets3d == null && cameras.isEmpty()) {
            throw new IllegalArgumentException("observations: neither 3D keypoints nor 2D keypoints given");
        }
    }

    public boolean has3d() {
        return targets3d != null;
    }

    /** The frames [start, start + length) as a new view (arrays copied). */
    public Observations slice(int start, int length) {
        if (start < 0 || length < 1 || start + length > frames) {
            throw new IllegalArgumentException("slice: [" + start + ", " + (start + length) + ") outside 0.." + frames);
        }
        double[] t3 = targets3d == null ? null
                : java.util.Arrays.copyOfRange(targets3d, start * keypoints * 3, (start + length) * keypoints * 3);
        List<double[]> px = pixels.stream()
                .map(p -> java.util.Arrays.copyOfRange(p, start * keypoints * 2, (start + length) * keypoints * 2)).toList();
        List<double[]> cf = confidences.stream()
                .map(p -> java.util.Arrays.copyOfRange(p, start * keypoints, (start + length) * keypoints)).toList();
        return new Observations(length, keypoints, fps, frame, t3, cameras, px, cf);
    }
}
