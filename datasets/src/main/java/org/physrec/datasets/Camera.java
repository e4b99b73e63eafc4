package org.physrec.datasets;

import java.util.Arrays;

/**
 * A calibrated pinhole camera with lens distortion. World to camera: {@code x_cam = R·X + t}
 * (world units, mm in physrec); {@code x = x_cam/z_cam}, {@code y = y_cam/z_cam}; distortion
 * per {@link Distortion}; pixels {@code u = fx·xd + cx}, {@code v = fy·yd + cy}. Immutable and
 * allocation-free when projecting.
 */
public final class Camera {

    /** Points closer than this to the camera plane (world units) are treated as behind it. */
    public static final double MIN_DEPTH = 1e-6;

    private final String name;
    private final int width;
    private final int height;
    private final double fx;
    private final double fy;
    private final double cx;
    private final double cy;
    private final Distortion distortion;
    private final double[] r; // 3x3 row-major, world -> camera
    private final double[] t; // 3

    /**
     * @param name       camera id, e.g. "60457274" or "c01"
     * @param width      image width in pixels (> 0)
     * @param height     image height in pixels (> 0)
     * @param fx         focal length x in pixels (> 0)
     * @param fy         focal length y in pixels (> 0)
     * @param cx         principal point x in pixels
     * @param cy         principal point y in pixels
     * @param distortion lens distortion and its convention
     * @param rotation   (3x3) row-major world-to-camera rotation, orthonormal with det +1
     * @param translation (3) world-to-camera translation in world units
     */
    public Camera(String name, int width, int height, double fx, double fy, double cx, double cy,
            Distortion distortion, double[] rotation, double[] translation) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("camera name: must not be blank");
        }
        String where = "camera " + name + ": ";
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException(where + "width/height: must be > 0, got " + width + "x" + height);
        }
        if (!(fx > 0) || !(fy > 0) || !Double.isFinite(fx) || !Double.isFinite(fy)) {
            throw new IllegalArgumentException(where + "focal length: must be finite and > 0, got " + fx + ", " + fy);
        }
        if (!Double.isFinite(cx) || !Double.isFinite(cy)) {
            throw new IllegalArgumentException(where + "principal point: not finite (" + cx + ", " + cy + ")");
        }
        if (distortion == null) {
            throw new IllegalArgumentException(where + "distortion: must not be null");
        }
        checkRotation(where, rotation);
        if (translation == null || translation.length != 3) {
            throw new IllegalArgumentException(where + "t: expected 3 values");
        }
        for (double v : translation) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException(where + "t: not finite " + Arrays.toString(translation));
            }
        }
        this.name = name;
        this.width = width;
        this.height = height;
        this.fx = fx;
        this.fy = fy;
        this.cx = cx;
        this.cy = cy;
        this.distortion = distortion;
        this.r = rotation.clone();
        this.t = translation.clone();
    }

    private static void checkRotation(String where, double[] rm) {
        if (rm == null || rm.length != 9) {
            throw new IllegalArgumentException(where + "R: expected 9 values (3x3)");
        }
        for (double v : rm) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException(where + "R: not finite " + Arrays.toString(rm));
            }
        }
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double dot = rm[3 * i] * rm[3 * j] + rm[3 * i + 1] * rm[3 * j + 1] + rm[3 * i + 2] * rm[3 * j + 2];
                if (Math.abs(dot - (i == j ? 1 : 0)) > 1e-4) {
                    throw new IllegalArgumentException(where + "R: not orthonormal (row " + i + "·row " + j + " = " + dot + ")");
                }
            }
        }
        double det = rm[0] * (rm[4] * rm[8] - rm[5] * rm[7]) - rm[1] * (rm[3] * rm[8] - rm[5] * rm[6])
                + rm[2] * (rm[3] * rm[7] - rm[4] * rm[6]);
        if (det < 0) {
            throw new IllegalArgumentException(where + "R: determinant " + det + " (a reflection, not a rotation)");
        }
    }

    /**
     * A camera from its intrinsic matrix K (3x3 row-major, zero skew, K[2] = (0,0,1)).
     */
    public static Camera fromK(String name, int width, int height, double[] k, Distortion distortion,
            double[] rotation, double[] translation) {
        if (k == null || k.length != 9) {
            throw new IllegalArgumentException("camera " + name + ": K: expected 9 values (3x3)");
        }
        if (k[1] != 0 || k[3] != 0 || k[6] != 0 || k[7] != 0 || k[8] != 1) {
            throw new IllegalArgumentException("camera " + name + ": K: expected [[fx,0,cx],[0,fy,cy],[0,0,1]], got "
                    + Arrays.toString(k));
        }
        return new Camera(name, width, height, k[0], k[4], k[2], k[5], distortion, rotation, translation);
    }

    /**
     * A camera from a camera-to-world orientation quaternion (w, x, y, z) and the camera centre in
     * world units (the Human3.6M / VideoPose3D convention): {@code R = R(q)ᵀ}, {@code t = -R·centre}.
     */
    public static Camera fromOrientation(String name, int width, int height, double fx, double fy, double cx,
            double cy, Distortion distortion, double[] quaternionWxyz, double[] centre) {
        if (quaternionWxyz.length != 4 || centre.length != 3) {
            throw new IllegalArgumentException("camera " + name + ": expected quaternion (4) and centre (3)");
        }
        double n = Math.sqrt(quaternionWxyz[0] * quaternionWxyz[0] + quaternionWxyz[1] * quaternionWxyz[1]
                + quaternionWxyz[2] * quaternionWxyz[2] + quaternionWxyz[3] * quaternionWxyz[3]);
        if (!(Math.abs(n - 1) < 1e-3)) {
            throw new IllegalArgumentException("camera " + name + ": orientation quaternion norm " + n + ", expected 1");
        }
        double w = quaternionWxyz[0] / n, x = quaternionWxyz[1] / n, y = quaternionWxyz[2] / n, z = quaternionWxyz[3] / n;
        double[] camToWorld = {
            1 - 2 * (y * y + z * z), 2 * (x * y - w * z), 2 * (x * z + w * y),
            2 * (x * y + w * z), 1 - 2 * (x * x + z * z), 2 * (y * z - w * x),
            2 * (x * z - w * y), 2 * (y * z + w * x), 1 - 2 * (x * x + y * y)};
        double[] rot = transpose(camToWorld);
        double[] tr = new double[3];
        for (int i = 0; i < 3; i++) {
            tr[i] = -(rot[3 * i] * centre[0] + rot[3 * i + 1] * centre[1] + rot[3 * i + 2] * centre[2]);
        }
        return new Camera(name, width, height, fx, fy, cx, cy, distortion, rot, tr);
    }

    /** Rotation matrix (3x3 row-major) of a Rodrigues vector (axis times angle, radians). */
    public static double[] rodrigues(double[] rvec) {
        if (rvec.length != 3) {
            throw new IllegalArgumentException("rotation: expected a Rodrigues 3-vector, got " + rvec.length + " values");
        }
        double th = Math.sqrt(rvec[0] * rvec[0] + rvec[1] * rvec[1] + rvec[2] * rvec[2]);
        if (th < 1e-12) {
            return new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1};
        }
        double kx = rvec[0] / th, ky = rvec[1] / th, kz = rvec[2] / th;
        double c = Math.cos(th), s = Math.sin(th), v = 1 - c;
        return new double[] {
            c + kx * kx * v, kx * ky * v - kz * s, kx * kz * v + ky * s,
            ky * kx * v + kz * s, c + ky * ky * v, ky * kz * v - kx * s,
            kz * kx * v - ky * s, kz * ky * v + kx * s, c + kz * kz * v};
    }

    /**
     * The same camera for a new world frame {@code X' = scale·A·X} (A a rotation, e.g. y-up to
     * z-up; scale e.g. 10 for cm to mm): {@code R' = R·Aᵀ}, {@code t' = scale·t}.
     */
    public Camera inWorld(double[] a, double scale) {
        if (!(scale > 0) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("scale: must be finite and > 0, got " + scale);
        }
        checkRotation("world transform: ", a);
        double[] rn = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                rn[3 * i + j] = r[3 * i] * a[3 * j] + r[3 * i + 1] * a[3 * j + 1] + r[3 * i + 2] * a[3 * j + 2];
            }
        }
        return new Camera(name, width, height, fx, fy, cx, cy, distortion, rn,
                new double[] {scale * t[0], scale * t[1], scale * t[2]});
    }

    /** World to camera coordinates of the point at {@code x[xOff..xOff+2]}. */
    public void toCamera(double[] x, int xOff, double[] out, int outOff) {
        double px = x[xOff], py = x[xOff + 1], pz = x[xOff + 2];
        out[outOff] = r[0] * px + r[1] * py + r[2] * pz + t[0];
        out[outOff + 1] = r[3] * px + r[4] * py + r[5] * pz + t[1];
        out[outOff + 2] = r[6] * px + r[7] * py + r[8] * pz + t[2];
    }

    /** Depth (camera z) of a world point. */
    public double depth(double[] x, int xOff) {
        return r[6] * x[xOff] + r[7] * x[xOff + 1] + r[8] * x[xOff + 2] + t[2];
    }

    /**
     * Projects the world point at {@code x[xOff..xOff+2]} to pixels {@code uvOut[uvOff..uvOff+1]}.
     *
     * @return false (and NaN pixels) when the point is not in front of the camera
     */
    public boolean project(double[] x, int xOff, double[] uvOut, int uvOff) {
        return projectWithJacobian(x, xOff, uvOut, uvOff, null, 0);
    }

    /**
     * Projects a world point and writes d(u,v)/d(X,Y,Z) as a 2x3 row-major block at
     * {@code jacOut[jacOff..jacOff+5]} (skipped when {@code jacOut} is null).
     *
     * @return false (and NaN pixels and Jacobian) when the point is not in front of the camera
     */
    public boolean projectWithJacobian(double[] x, int xOff, double[] uvOut, int uvOff, double[] jacOut, int jacOff) {
        double px = x[xOff], py = x[xOff + 1], pz = x[xOff + 2];
        double xc = r[0] * px + r[1] * py + r[2] * pz + t[0];
        double yc = r[3] * px + r[4] * py + r[5] * pz + t[1];
        double zc = r[6] * px + r[7] * py + r[8] * pz + t[2];
        if (!(zc > MIN_DEPTH)) {
            uvOut[uvOff] = Double.NaN;
            uvOut[uvOff + 1] = Double.NaN;
            if (jacOut != null) {
                Arrays.fill(jacOut, jacOff, jacOff + 6, Double.NaN);
            }
            return false;
        }
        double iz = 1 / zc;
        double xn = xc * iz, yn = yc * iz;
        double d00, d01, d10, d11;
        double ud, vd;
        if (distortion.isZero()) {
            ud = xn;
            vd = yn;
            d00 = 1; d01 = 0; d10 = 0; d11 = 1;
        } else if (jacOut == null) {
            // distortion writes into uvOut directly; no Jacobian needed
            distortion.apply(xn, yn, uvOut, uvOff, null, 0);
            uvOut[uvOff] = fx * uvOut[uvOff] + cx;
            uvOut[uvOff + 1] = fy * uvOut[uvOff + 1] + cy;
            return true;
        } else {
            // use jacOut's 6 slots as scratch: distorted point in [0..1], 2x2 in [2..5]
            distortion.apply(xn, yn, jacOut, jacOff, jacOut, jacOff + 2);
            ud = jacOut[jacOff];
            vd = jacOut[jacOff + 1];
            d00 = jacOut[jacOff + 2]; d01 = jacOut[jacOff + 3]; d10 = jacOut[jacOff + 4]; d11 = jacOut[jacOff + 5];
        }
        uvOut[uvOff] = fx * ud + cx;
        uvOut[uvOff + 1] = fy * vd + cy;
        if (jacOut != null) {
            // d(xn,yn)/d(xc,yc,zc) = [[iz, 0, -xn iz], [0, iz, -yn iz]]
            double a0 = fx * d00 * iz, a1 = fx * d01 * iz, a2 = -fx * (d00 * xn + d01 * yn) * iz;
            double b0 = fy * d10 * iz, b1 = fy * d11 * iz, b2 = -fy * (d10 * xn + d11 * yn) * iz;
            for (int k = 0; k < 3; k++) {
                jacOut[jacOff + k] = a0 * r[k] + a1 * r[3 + k] + a2 * r[6 + k];
                jacOut[jacOff + 3 + k] = b0 * r[k] + b1 * r[3 + k] + b2 * r[6 + k];
            }
        }
        return true;
    }

    /**
     * Inverts the intrinsics and the lens distortion: the normalised image coordinates
     * {@code (x_cam/z_cam, y_cam/z_cam)} of the ray through pixel {@code (u, v)}, by Newton's
     * method on the distortion (exact for an undistorted camera).
     *
     * @param xyOut receives the two coordinates at {@code off}
     * @return false (and NaN) if the iteration did not converge to 1e-12 (a pixel outside the
     *         region where the distortion is invertible)
     */
    public boolean undistort(double u, double v, double[] xyOut, int off) {
        double xd = (u - cx) / fx;
        double yd = (v - cy) / fy;
        if (distortion.isZero()) {
            xyOut[off] = xd;
            xyOut[off + 1] = yd;
            return Double.isFinite(xd) && Double.isFinite(yd);
        }
        double x = xd;
        double y = yd;
        double[] d = new double[6];
        for (int it = 0; it < 50; it++) {
            distortion.apply(x, y, d, 0, d, 2);
            double rx = d[0] - xd;
            double ry = d[1] - yd;
            if (Math.abs(rx) + Math.abs(ry) < 1e-12) {
                xyOut[off] = x;
                xyOut[off + 1] = y;
                return true;
            }
            double det = d[2] * d[5] - d[3] * d[4];
            if (!(Math.abs(det) > 1e-12)) {
                break;
            }
            x -= (d[5] * rx - d[3] * ry) / det;
            y -= (-d[4] * rx + d[2] * ry) / det;
        }
        xyOut[off] = Double.NaN;
        xyOut[off + 1] = Double.NaN;
        return false;
    }

    /**
     * Projects many points.
     *
     * @param points (N x 3) world points
     * @return (N x 2) pixels, NaN for points behind the camera
     */
    public double[] projectAll(double[] points) {
        if (points.length % 3 != 0) {
            throw new IllegalArgumentException("points: length " + points.length + " is not a multiple of 3");
        }
        int n = points.length / 3;
        double[] uv = new double[2 * n];
        for (int i = 0; i < n; i++) {
            project(points, 3 * i, uv, 2 * i);
        }
        return uv;
    }

    /** Camera centre in world coordinates, {@code -Rᵀ t}. */
    public double[] centre() {
        double[] c = new double[3];
        for (int j = 0; j < 3; j++) {
            c[j] = -(r[j] * t[0] + r[3 + j] * t[1] + r[6 + j] * t[2]);
        }
        return c;
    }

    private static double[] transpose(double[] m) {
        return new double[] {m[0], m[3], m[6], m[1], m[4], m[7], m[2], m[5], m[8]};
    }

    public String name() {
        return name;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public double fx() {
        return fx;
    }

    public double fy() {
        return fy;
    }

    public double cx() {
        return cx;
    }

    public double cy() {
        return cy;
    }

    /** Intrinsic matrix K (3x3 row-major, a copy). */
    public double[] k() {
        return new double[] {fx, 0, cx, 0, fy, cy, 0, 0, 1};
    }

    public Distortion distortion() {
        return distortion;
    }

    /** World-to-camera rotation (3x3 row-major, a copy). */
    public double[] rotation() {
        return r.clone();
    }

    /** World-to-camera translation (3, a copy). */
    public double[] translation() {
        return t.clone();
    }

    /** The same camera under another name. */
    public Camera withName(String newName) {
        return new Camera(newName, width, height, fx, fy, cx, cy, distortion, r, t);
    }

    @Override
    public String toString() {
        return "Camera[" + name + " " + width + "x" + height + " f=(" + fx + "," + fy + ") c=(" + cx + "," + cy + ") "
                + distortion.model().id() + "]";
    }
}
