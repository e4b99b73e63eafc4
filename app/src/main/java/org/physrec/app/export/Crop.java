package org.physrec.app.export;

/**
 * The image region shown by a camera overlay: the box around every finite pixel of the given
 * arrays (all frames), widened by a margin, grown to the image's aspect ratio, clipped to the image
 * (when it fits), and the scale that maps it to an even-sized video at most {@code maxWidth} wide.
 */
record Crop(double x0, double y0, double scale, int width, int height) {

    static final double MARGIN = 0.15;

    /**
     * @param imageWidth  camera image width, px
     * @param imageHeight camera image height, px
     * @param a           (T x J x 2) pixels, NaN skipped
     * @param b           a second such array, or null
     */
    static Crop around(int imageWidth, int imageHeight, double[] a, double[] b, int maxWidth) {
        double minX = Double.POSITIVE_INFINITY, minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
        for (double[] arr : b == null ? new double[][] {a} : new double[][] {a, b}) {
            for (int i = 0; i + 1 < arr.length; i += 2) {
                if (Double.isFinite(arr[i]) && Double.isFinite(arr[i + 1])) {
                    minX = Math.min(minX, arr[i]);
                    maxX = Math.max(maxX, arr[i]);
                    minY = Math.min(minY, arr[i + 1]);
                    maxY = Math.max(maxY, arr[i + 1]);
                }
            }
        }
        double aspect = (double) imageWidth / imageHeight;
        double cw, ch, cx, cy;
        if (!(maxX >= minX)) { // nothing visible: the whole image
            cw = imageWidth;
            ch = imageHeight;
            cx = imageWidth / 2.0;
            cy = imageHeight / 2.0;
        } else {
            cw = (maxX - minX) * (1 + 2 * MARGIN);
            ch = (maxY - minY) * (1 + 2 * MARGIN);
            cx = (minX + maxX) / 2;
            cy = (minY + maxY) / 2;
            if (cw / ch < aspect) {
                cw = ch * aspect;
            } else {
                ch = cw / aspect;
            }
            cw = Math.max(cw, 64);
            ch = cw / aspect;
            cx = place(cx, cw, imageWidth, minX, maxX);
            cy = place(cy, ch, imageHeight, minY, maxY);
        }
        double scale = maxWidth / cw;
        int w = Mp4Writer.even((int) Math.round(cw * scale));
        int h = Mp4Writer.even((int) Math.round(ch * scale));
        return new Crop(cx - cw / 2, cy - ch / 2, scale, w, h);
    }

    /**
     * Centre along one axis: inside the image if the view fits in it, but never cutting off the
     * points' extent [min, max] (which the view width always covers).
     */
    private static double place(double centre, double view, double image, double min, double max) {
        double c = view <= image ? Math.max(view / 2, Math.min(image - view / 2, centre)) : centre;
        return Math.max(max - view / 2, Math.min(min + view / 2, c));
    }

    /** Maps {@code count} pixels of {@code src} from {@code offset} into video coordinates {@code out} (count x 2). */
    void apply(double[] src, int offset, int count, double[] out) {
        for (int i = 0; i < count; i++) {
            out[2 * i] = (src[offset + 2 * i] - x0) * scale;
            out[2 * i + 1] = (src[offset + 2 * i + 1] - y0) * scale;
        }
    }
}
