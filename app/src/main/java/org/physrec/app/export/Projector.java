package org.physrec.app.export;

/**
 * Maps world points to image pixels; the datasets {@code Camera} plugs in here
 * ({@code camera::project}-style adapter).
 */
@FunctionalInterface
public interface Projector {

    /**
     * Projects {@code count} points.
     *
     * @param points    (count x 3) world points, mm, z up, starting at {@code offset}
     * @param offset    index of the first point's x in {@code points}
     * @param count     number of points
     * @param pixelsOut (count x 2) pixel coordinates (u right, v down); a point that cannot be
     *                  projected (behind the camera) gets NaN and is not drawn
     */
    void project(double[] points, int offset, int count, double[] pixelsOut);
}
