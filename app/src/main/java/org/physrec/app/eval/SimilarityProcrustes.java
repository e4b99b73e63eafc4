package org.physrec.app.eval;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * Similarity Procrustes alignment of one frame of joints (Umeyama 1991; the "reflection fix" of
 * VideoPose3D's {@code p_mpjpe}): finds scale s, proper rotation R (det R = +1) and translation t
 * minimising sum_j |s R p_j + t - g_j|^2, and writes the aligned prediction. With the centred
 * cross-covariance H = sum_j p_j g_j^T = U S V^T: R = V D U^T with D = diag(1, 1, sign det(V U^T)),
 * s = trace(S D) / sum_j |p_j|^2, t = mean(g) - s R mean(p).
 *
 * <p>Holds scratch matrices, so one instance per thread; no allocation per call.
 */
public final class SimilarityProcrustes {

    private final SingularValueDecomposition_F64<DMatrixRMaj> svd =
            DecompositionFactory_DDRM.svd(3, 3, true, true, false);
    private final DMatrixRMaj h = new DMatrixRMaj(3, 3);
    private final DMatrixRMaj u = new DMatrixRMaj(3, 3);
    private final DMatrixRMaj v = new DMatrixRMaj(3, 3);
    private final DMatrixRMaj w = new DMatrixRMaj(3, 3);
    private final DMatrixRMaj rot = new DMatrixRMaj(3, 3);
    private double scale;

    /**
     * Aligns frame {@code frame} of {@code pred} to the same frame of {@code gt} and writes the
     * aligned prediction into {@code alignedOut} at the same place. Arrays have shape (T x J x 3).
     *
     * @throws IllegalArgumentException if all predicted joints of the frame coincide (scale undefined)
     */
    public void alignFrame(double[] pred, double[] gt, int joints, int frame, double[] alignedOut) {
        int base = frame * joints * 3;
        double mpx = 0, mpy = 0, mpz = 0, mgx = 0, mgy = 0, mgz = 0;
        for (int j = 0; j < joints; j++) {
            int k = base + j * 3;
            mpx += pred[k];
            mpy += pred[k + 1];
            mpz += pred[k + 2];
            mgx += gt[k];
            mgy += gt[k + 1];
            mgz += gt[k + 2];
        }
        mpx /= joints;
        mpy /= joints;
        mpz /= joints;
        mgx /= joints;
        mgy /= joints;
        mgz /= joints;
        h.zero();
        double normP = 0;
        for (int j = 0; j < joints; j++) {
            int k = base + j * 3;
            double px = pred[k] - mpx, py = pred[k + 1] - mpy, pz = pred[k + 2] - mpz;
            double gx = gt[k] - mgx, gy = gt[k + 1] - mgy, gz = gt[k + 2] - mgz;
            normP += px * px + py * py + pz * pz;
            h.data[0] += px * gx;
            h.data[1] += px * gy;
            h.data[2] += px * gz;
            h.data[3] += py * gx;
            h.data[4] += py * gy;
            h.data[5] += py * gz;
            h.data[6] += pz * gx;
            h.data[7] += pz * gy;
            h.data[8] += pz * gz;
        }
        if (!(normP > 1e-12)) {
            throw new IllegalArgumentException("prediction frame " + frame
                    + ": all joints coincide, similarity Procrustes is undefined");
        }
        if (!svd.decompose(h)) {
            throw new IllegalStateException("frame " + frame + ": SVD of the 3x3 cross-covariance failed");
        }
        svd.getU(u, false);
        svd.getW(w);
        svd.getV(v, false);
        SingularOps_DDRM.descendingOrder(u, false, w, v, false);
        // R = V U^T; if it is a reflection, flip the axis of the smallest singular value.
        CommonOps_DDRM.multTransB(v, u, rot);
        double d = CommonOps_DDRM.det(rot) < 0 ? -1.0 : 1.0;
        if (d < 0) {
            for (int r = 0; r < 3; r++) {
                v.set(r, 2, -v.get(r, 2));
            }
            CommonOps_DDRM.multTransB(v, u, rot);
        }
        double traceSD = w.get(0, 0) + w.get(1, 1) + d * w.get(2, 2);
        scale = traceSD / normP;
        double[] r = rot.data;
        for (int j = 0; j < joints; j++) {
            int k = base + j * 3;
            double px = pred[k] - mpx, py = pred[k + 1] - mpy, pz = pred[k + 2] - mpz;
            alignedOut[k] = scale * (r[0] * px + r[1] * py + r[2] * pz) + mgx;
            alignedOut[k + 1] = scale * (r[3] * px + r[4] * py + r[5] * pz) + mgy;
            alignedOut[k + 2] = scale * (r[6] * px + r[7] * py + r[8] * pz) + mgz;
        }
    }

    /** Scale found by the last {@link #alignFrame} call. */
    public double lastScale() {
        return scale;
    }

    /** Copies the rotation (3 x 3, row-major) found by the last {@link #alignFrame} call into {@code rOut}. */
    public void lastRotation(double[] rOut) {
        System.arraycopy(rot.data, 0, rOut, 0, 9);
    }
}
