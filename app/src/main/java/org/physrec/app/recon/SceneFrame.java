package org.physrec.app.recon;

/**
 * The map between the data's world frame (millimetres, z up, floor at {@code groundZmm}) and
 * the physics frame (metres, z up, floor at z = 0): {@code X_data = 1000·X_phys + (0, 0, groundZmm)}.
 *
 * @param groundZmm height of the floor in the data frame (mm)
 */
public record SceneFrame(double groundZmm) {

    public SceneFrame {
        if (!Double.isFinite(groundZmm)) {
            throw new IllegalArgumentException("groundZmm: must be finite, got " + groundZmm);
        }
    }

    /** Data (mm) to physics (m), point by point; NaN stays NaN. @param mm (N x 3) */
    public double[] toPhysics(double[] mm) {
        double[] m = new double[mm.length];
        for (int i = 0; i < mm.length; i += 3) {
            m[i] = mm[i] / 1000.0;
            m[i + 1] = mm[i + 1] / 1000.0;
            m[i + 2] = (mm[i + 2] - groundZmm) / 1000.0;
        }
        return m;
    }

    /** Physics (m) to data (mm). @param m (N x 3) */
    public double[] toData(double[] m) {
        double[] mm = new double[m.length];
        toData(m, 0, mm, 0, m.length / 3);
        return mm;
    }

    /** Physics (m) to data (mm) for {@code n} points, allocation-free. */
    public void toData(double[] m, int mOff, double[] mmOut, int outOff, int n) {
        for (int i = 0; i < 3 * n; i += 3) {
            mmOut[outOff + i] = 1000.0 * m[mOff + i];
            mmOut[outOff + i + 1] = 1000.0 * m[mOff + i + 1];
            mmOut[outOff + i + 2] = 1000.0 * m[mOff + i + 2] + groundZmm;
        }
    }
}
