package org.physrec.app.export;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;

/**
 * Orthographic view of world points (mm, z up) from an azimuth and elevation, fitted once so that
 * every frame of a clip stays inside the image.
 */
final class OrthoView {

    private static final double GRID_MM = 500;

    private final double[] right = new double[3];
    private final double[] up = new double[3];
    private final double cx, cy, cz, scale, halfW, halfH, groundZ, radius;

    private OrthoView(double azimuthDeg, double elevationDeg, double cx, double cy, double cz, double radius,
            double groundZ, int w, int h) {
        double phi = Math.toRadians(azimuthDeg);
        double theta = Math.toRadians(elevationDeg);
        right[0] = -Math.sin(phi);
        right[1] = Math.cos(phi);
        up[0] = -Math.sin(theta) * Math.cos(phi);
        up[1] = -Math.sin(theta) * Math.sin(phi);
        up[2] = Math.cos(theta);
        this.cx = cx;
        this.cy = cy;
        this.cz = cz;
        this.radius = radius;
        this.groundZ = groundZ;
        this.scale = 0.45 * Math.min(w, h) / radius;
        this.halfW = w / 2.0;
        this.halfH = h / 2.0;
    }

    /** A view centred on the clip's bounding box, scaled to its bounding sphere (a, b: (T x J x 3), b may be null). */
    static OrthoView fitting(double[] a, double[] b, double groundZ, double azimuthDeg, double elevationDeg, int w,
            int h) {
        double[] min = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, groundZ};
        double[] max = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, groundZ};
        for (double[] arr : b == null ? new double[][] {a} : new double[][] {a, b}) {
            for (int i = 0; i < arr.length; i++) {
                min[i % 3] = Math.min(min[i % 3], arr[i]);
                max[i % 3] = Math.max(max[i % 3], arr[i]);
            }
        }
        double cx = (min[0] + max[0]) / 2, cy = (min[1] + max[1]) / 2, cz = (min[2] + max[2]) / 2;
        double radius = 0.5 * Math.sqrt(sq(max[0] - min[0]) + sq(max[1] - min[1]) + sq(max[2] - min[2]));
        return new OrthoView(azimuthDeg, elevationDeg, cx, cy, cz, Math.max(radius, 100), groundZ, w, h);
    }

    /** Pixels (count x 2) of {@code count} points starting at {@code offset}. */
    void project(double[] p, int offset, int count, double[] out) {
        for (int i = 0; i < count; i++) {
            double x = p[offset + 3 * i] - cx, y = p[offset + 3 * i + 1] - cy, z = p[offset + 3 * i + 2] - cz;
            out[2 * i] = halfW + scale * (right[0] * x + right[1] * y);
            out[2 * i + 1] = halfH - scale * (up[0] * x + up[1] * y + up[2] * z);
        }
    }

    /** Grid lines on the ground plane around the clip. */
    void drawGrid(Graphics2D g) {
        g.setColor(new Color(70, 70, 70));
        g.setStroke(new BasicStroke(1f));
        double extent = Math.ceil(radius / GRID_MM) * GRID_MM;
        double x0 = Math.floor((cx - extent) / GRID_MM) * GRID_MM;
        double y0 = Math.floor((cy - extent) / GRID_MM) * GRID_MM;
        double[] pts = new double[6];
        double[] px = new double[4];
        for (double v = 0; v <= 2 * extent + GRID_MM; v += GRID_MM) {
            line(g, pts, px, x0 + v, y0, x0 + v, y0 + 2 * extent + GRID_MM);
            line(g, pts, px, x0, y0 + v, x0 + 2 * extent + GRID_MM, y0 + v);
        }
    }

    private void line(Graphics2D g, double[] pts, double[] px, double xa, double ya, double xb, double yb) {
        pts[0] = xa;
        pts[1] = ya;
        pts[2] = groundZ;
        pts[3] = xb;
        pts[4] = yb;
        pts[5] = groundZ;
        project(pts, 0, 2, px);
        g.draw(new Line2D.Double(px[0], px[1], px[2], px[3]));
    }

    private static double sq(double v) {
        return v * v;
    }
}
