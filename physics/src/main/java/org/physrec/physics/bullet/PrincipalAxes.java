package org.physrec.physics.bullet;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.physrec.physics.Model;

/**
 * Principal axes of a body's inertia: jbullet takes a diagonal inertia in the rigid body's
 * own frame, so each body's jbullet frame is its centre of mass with the principal axes.
 */
final class PrincipalAxes {
    private PrincipalAxes() {
    }

    /**
     * @param inertia    (9) symmetric inertia about the centre of mass, body frame, row-major
     * @param rotOut     (9) principal frame → body frame, row-major, det +1 (identity when
     *                   the inertia is already diagonal)
     * @param momentsOut (3) principal moments (kg·m²)
     */
    static void of(Model model, int body, double[] inertia, double[] rotOut, double[] momentsOut) {
        double off = Math.abs(inertia[1]) + Math.abs(inertia[2]) + Math.abs(inertia[5]);
        double diag = inertia[0] + inertia[4] + inertia[8];
        if (off <= 1e-12 * diag) {
            Rotations.identity(rotOut, 0);
            for (int c = 0; c < 3; c++) {
                momentsOut[c] = inertia[4 * c];
            }
            return;
        }
        DMatrixRMaj m = new DMatrixRMaj(3, 3, true, inertia);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(3, true, true);
        if (!eig.decompose(m)) {
            throw new IllegalArgumentException("inertia of body " + model.bodyName(body)
                    + ": eigen-decomposition failed");
        }
        for (int k = 0; k < 3; k++) {
            DMatrixRMaj vec = eig.getEigenVector(k);
            momentsOut[k] = eig.getEigenvalue(k).real;
            for (int r = 0; r < 3; r++) {
                rotOut[3 * r + k] = vec.get(r, 0);
            }
        }
        double det = rotOut[0] * (rotOut[4] * rotOut[8] - rotOut[5] * rotOut[7])
                - rotOut[1] * (rotOut[3] * rotOut[8] - rotOut[5] * rotOut[6])
                + rotOut[2] * (rotOut[3] * rotOut[7] - rotOut[4] * rotOut[6]);
        if (det < 0) {
            for (int r = 0; r < 3; r++) {
                rotOut[3 * r + 2] = -rotOut[3 * r + 2];
            }
        }
    }
}
