package org.physrec.datasets;

/**
 * Lens distortion coefficients and the convention they follow. Both conventions share the radial
 * part {@code 1 + k1 r² + k2 r⁴ + k3 r⁶}; they differ in the tangential part:
 * <ul>
 * <li>{@link Model#OPENCV} ({@code cv2.projectPoints}, AIST++):
 *     {@code xd = x·rad + 2 p1 x y + p2 (r² + 2x²)}, {@code yd = y·rad + p1 (r² + 2y²) + 2 p2 x y};</li>
 * <li>{@link Model#VIDEOPOSE3D} (VideoPose3D {@code project_to_2d}, used for Human3.6M's
 *     {@code data_2d_h36m_gt.npz}): {@code s = rad + p1 x + p2 y},
 *     {@code xd = x·s + p1 r²}, {@code yd = y·s + p2 r²}. VideoPose3D also clamps x/z and y/z
 *     to [-1, 1]; physrec does not, which is identical for every point inside a ±45° view.</li>
 * </ul>
 */
public record Distortion(Model model, double k1, double k2, double k3, double p1, double p2) {

    /** The two conventions in use. */
    public enum Model {
        OPENCV, VIDEOPOSE3D;

        /** Parses "opencv" or "videopose3d" (also "h36m"), case-insensitive. */
        public static Model parse(String s) {
            String k = s.trim().toLowerCase(java.util.Locale.ROOT);
            switch (k) {
                case "opencv": return OPENCV;
                case "videopose3d": case "h36m": case "human36m": return VIDEOPOSE3D;
                default:
                    throw new IllegalArgumentException("distortion_model: unknown '" + s + "' (opencv, videopose3d)");
            }
        }

        public String id() {
            return this == OPENCV ? "opencv" : "videopose3d";
        }
    }

    /** No distortion. */
    public static final Distortion NONE = new Distortion(Model.OPENCV, 0, 0, 0, 0, 0);

    public Distortion {
        if (model == null) {
            throw new IllegalArgumentException("model: must not be null");
        }
        double[] all = {k1, k2, k3, p1, p2};
        String[] names = {"k1", "k2", "k3", "p1", "p2"};
        for (int i = 0; i < all.length; i++) {
            if (!Double.isFinite(all[i])) {
                throw new IllegalArgumentException("distortion " + names[i] + ": not finite (" + all[i] + ")");
            }
        }
    }

    /** OpenCV coefficients in OpenCV's own order {@code [k1, k2, p1, p2, k3]}; a shorter array pads with 0. */
    public static Distortion opencv(double[] k1k2p1p2k3) {
        if (k1k2p1p2k3.length > 5) {
            throw new IllegalArgumentException("dist: expected at most 5 OpenCV coefficients [k1,k2,p1,p2,k3], got "
                    + k1k2p1p2k3.length);
        }
        double[] c = java.util.Arrays.copyOf(k1k2p1p2k3, 5);
        return new Distortion(Model.OPENCV, c[0], c[1], c[4], c[2], c[3]);
    }

    /** Coefficients in OpenCV's order {@code [k1, k2, p1, p2, k3]} (also used for VideoPose3D cameras in physrec JSON). */
    public double[] asK1K2P1P2K3() {
        return new double[] {k1, k2, p1, p2, k3};
    }

    public boolean isZero() {
        return k1 == 0 && k2 == 0 && k3 == 0 && p1 == 0 && p2 == 0;
    }

    /**
     * Distorts normalised image coordinates and, if {@code jacOut} is not null, writes the 2x2
     * Jacobian d(xd,yd)/d(x,y) row-major at {@code jacOff}.
     */
    void apply(double x, double y, double[] out, int off, double[] jacOut, int jacOff) {
        double r2 = x * x + y * y;
        double rad = 1 + r2 * (k1 + r2 * (k2 + r2 * k3));
        double g = k1 + r2 * (2 * k2 + 3 * k3 * r2); // d rad / d r2
        if (model == Model.OPENCV) {
            out[off] = x * rad + 2 * p1 * x * y + p2 * (r2 + 2 * x * x);
            out[off + 1] = y * rad + p1 * (r2 + 2 * y * y) + 2 * p2 * x * y;
            if (jacOut != null) {
                jacOut[jacOff] = rad + 2 * x * x * g + 2 * p1 * y + 6 * p2 * x;
                jacOut[jacOff + 1] = 2 * x * y * g + 2 * p1 * x + 2 * p2 * y;
                jacOut[jacOff + 2] = 2 * x * y * g + 2 * p1 * x + 2 * p2 * y;
                jacOut[jacOff + 3] = rad + 2 * y * y * g + 6 * p1 * y + 2 * p2 * x;
            }
        } else {
            double s = rad + p1 * x + p2 * y;
            out[off] = x * s + p1 * r2;
            out[off + 1] = y * s + p2 * r2;
            if (jacOut != null) {
                jacOut[jacOff] = s + x * (2 * x * g + p1) + 2 * p1 * x;
                jacOut[jacOff + 1] = x * (2 * y * g + p2) + 2 * p1 * y;
                jacOut[jacOff + 2] = y * (2 * x * g + p1) + 2 * p2 * x;
                jacOut[jacOff + 3] = s + y * (2 * y * g + p2) + 2 * p2 * y;
            }
        }
    }
}
