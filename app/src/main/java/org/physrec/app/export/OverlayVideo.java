package org.physrec.app.export;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.physrec.app.eval.JointArrays;

/**
 * MP4 videos of a reconstruction: per camera, the input 2D keypoints against the reprojected 3D
 * joints; and a 3D stick figure (orthographic view) of the reconstruction against a reference.
 * Camera overlays show the part of the image around the person (all frames' keypoints plus a
 * margin, with the camera's aspect ratio), scaled to at most {@link #MAX_WIDTH} pixels wide.
 */
public final class OverlayVideo {

    /** Widest output video; larger camera images are scaled down. */
    public static final int MAX_WIDTH = 960;
    /** Keypoints with confidence below this are drawn hollow. */
    public static final double LOW_CONFIDENCE = 0.3;

    static final Color BACKGROUND = new Color(30, 30, 30);
    static final Color INPUT = new Color(60, 220, 60);
    static final Color RECONSTRUCTED = new Color(255, 140, 0);
    static final Color REFERENCE = new Color(150, 150, 150);

    private OverlayVideo() {
    }

    /**
     * Input 2D keypoints (green, hollow when low confidence, absent when confidence is 0) and the
     * reprojected reconstruction (orange skeleton) in one camera's image.
     *
     * @param fps         video frame rate
     * @param parents     (J) skeleton parents, -1 for the root
     * @param joints3d    (T x J x 3) reconstructed world joints, mm
     * @param keypoints2d (T x J x 2) input keypoints, px, NaN where missing, or null for none
     * @param confidences (T x J) input confidences in [0, 1], or null for all 1
     */
    public static void cameraOverlay(Path mp4, CameraView camera, double fps, int[] parents, double[] joints3d,
            double[] keypoints2d, double[] confidences) throws IOException {
        int joints = parents.length;
        int frames = JointArrays.frames("joints3d", joints3d, joints);
        JointArrays.check("joints3d", joints3d, frames, joints);
        if (keypoints2d != null) {
            checkLength("keypoints2d", keypoints2d, frames * joints * 2, true);
        }
        if (confidences != null) {
            checkLength("confidences", confidences, frames * joints, false);
        }
        double[] projected = new double[frames * joints * 2];
        double[] px = new double[joints * 2];
        for (int t = 0; t < frames; t++) {
            camera.projector().project(joints3d, t * joints * 3, joints, px);
            System.arraycopy(px, 0, projected, t * joints * 2, joints * 2);
        }
        Crop crop = Crop.around(camera.width(), camera.height(), projected, keypoints2d, MAX_WIDTH);
        int w = crop.width();
        int h = crop.height();
        double[] input = new double[joints * 2];
        double[] conf = new double[joints];
        Mp4Writer.write(mp4, w, h, fps, frames, (g, t) -> {
            clear(g, w, h);
            crop.apply(projected, t * joints * 2, joints, px);
            if (keypoints2d != null) {
                crop.apply(keypoints2d, t * joints * 2, joints, input);
                for (int j = 0; j < joints; j++) {
                    conf[j] = confidences == null ? 1.0 : confidences[t * joints + j];
                }
                drawSkeleton(g, input, conf, parents, INPUT, 2f, true);
            }
            drawSkeleton(g, px, null, parents, RECONSTRUCTED, 3f, false);
            label(g, String.format(Locale.ROOT, "camera %s  frame %d/%d  t=%.2fs", camera.name(), t, frames, t / fps),
                    "green: input 2D (hollow: confidence < 0.3)   orange: reprojected reconstruction");
        });
    }

    /**
     * A 3D stick figure seen orthographically from azimuth {@code azimuthDeg} (about z, 0 = looking
     * along +x) and elevation {@code elevationDeg}: the reconstruction (orange) and, if given, a
     * reference (grey, e.g. ground truth), over a 500 mm grid on the plane z = groundZ.
     *
     * @param joints    (T x J x 3) reconstruction, mm
     * @param reference (T x J x 3) reference, mm, or null
     */
    public static void stickFigure(Path mp4, int width, int height, double fps, int[] parents, double[] joints,
            double[] reference, double groundZ, double azimuthDeg, double elevationDeg) throws IOException {
        int nj = parents.length;
        int frames = JointArrays.frames("joints", joints, nj);
        JointArrays.check("joints", joints, frames, nj);
        if (reference != null) {
            JointArrays.check("reference", reference, frames, nj);
        }
        int w = Mp4Writer.even(width);
        int h = Mp4Writer.even(height);
        OrthoView view = OrthoView.fitting(joints, reference, groundZ, azimuthDeg, elevationDeg, w, h);
        double[] px = new double[nj * 2];
        double[] ones = new double[nj];
        java.util.Arrays.fill(ones, 1.0);
        Mp4Writer.write(mp4, w, h, fps, frames, (g, t) -> {
            clear(g, w, h);
            view.drawGrid(g);
            if (reference != null) {
                view.project(reference, t * nj * 3, nj, px);
                drawSkeleton(g, px, ones, parents, REFERENCE, 2f, false);
            }
            view.project(joints, t * nj * 3, nj, px);
            drawSkeleton(g, px, ones, parents, RECONSTRUCTED, 3f, false);
            label(g, String.format(Locale.ROOT, "frame %d/%d  t=%.2fs", t, frames, t / fps),
                    reference == null ? "orange: reconstruction" : "orange: reconstruction   grey: reference");
        });
    }

    static void clear(Graphics2D g, int w, int h) {
        g.setColor(BACKGROUND);
        g.fillRect(0, 0, w, h);
    }

    /** Bones then joints; pixels (J x 2); points with NaN pixels or zero confidence are skipped. */
    static void drawSkeleton(Graphics2D g, double[] px, double[] conf, int[] parents, Color color, float width,
            boolean hollowLowConfidence) {
        g.setStroke(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(color);
        for (int j = 0; j < parents.length; j++) {
            int p = parents[j];
            if (p >= 0 && visible(px, conf, j) && visible(px, conf, p)) {
                g.draw(new Line2D.Double(px[2 * j], px[2 * j + 1], px[2 * p], px[2 * p + 1]));
            }
        }
        double r = 2.5 * width;
        for (int j = 0; j < parents.length; j++) {
            if (!visible(px, conf, j)) {
                continue;
            }
            Ellipse2D dot = new Ellipse2D.Double(px[2 * j] - r, px[2 * j + 1] - r, 2 * r, 2 * r);
            if (hollowLowConfidence && conf != null && conf[j] < LOW_CONFIDENCE) {
                g.draw(dot);
            } else {
                g.fill(dot);
            }
        }
    }

    private static boolean visible(double[] px, double[] conf, int j) {
        return Double.isFinite(px[2 * j]) && Double.isFinite(px[2 * j + 1]) && (conf == null || conf[j] > 0);
    }

    private static void label(Graphics2D g, String line1, String line2) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        g.setColor(Color.WHITE);
        g.drawString(line1, 10, 20);
        g.drawString(line2, 10, 38);
    }

    private static void checkLength(String name, double[] a, int expected, boolean nanMeansMissing) {
        if (a.length != expected) {
            throw new IllegalArgumentException(name + ": expected " + expected + " values, got " + a.length);
        }
        for (int i = 0; i < a.length; i++) {
            if (!Double.isFinite(a[i]) && !(nanMeansMissing && Double.isNaN(a[i]))) {
                throw new IllegalArgumentException(name + ": non-finite value at index " + i);
            }
        }
    }
}
