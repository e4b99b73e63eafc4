package org.physrec.app.eval;

/** How the prediction is placed before the global metrics (MPJPE-G, GRP) are taken. */
public enum GlobalAnchoring {
    /**
     * OSDCap's {@code data_gen.py} convention: both sequences are shifted so the root's horizontal
     * position is zero at frame 0 and the prediction's height is offset to match the ground truth
     * at frame 0. Equivalent to translating the whole prediction by gt_root(0) - pred_root(0).
     */
    FIRST_FRAME_ROOT,
    /** No shift: the prediction is compared in the world frame as given. */
    NONE
}
