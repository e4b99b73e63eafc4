package org.physrec.app.train.physics;

import java.util.List;

/**
 * Which ground-truth motion files (of the shared {@code motion/} folder) feed meta-training and
 * which are held out for evaluation. Split by file, so no held-out frame, subject or motion
 * style is seen in training.
 *
 * @param train   files windows are sampled from for meta-training
 * @param heldOut files the benchmark windows come from
 */
public record WindowSplit(List<String> train, List<String> heldOut) {

    /**
     * Train on three CMU clips (walk, hop, martial arts); hold out the CMU salsa clip and the
     * AIST++ dance clip (another capture system, subject and style).
     */
    public static final WindowSplit DEFAULT = new WindowSplit(
            List.of("cmu_131_01_start_walk_stop.json", "cmu_131_03_start_hop_stop.json", "cmu_martial_04_daz.json"),
            List.of("cmu_salsa_01_daz.json", "aistpp_gBR_sBM_cAll_d04_mBR0_ch03.json"));

    public WindowSplit {
        if (train.isEmpty() || heldOut.isEmpty()) {
            throw new IllegalArgumentException("split: train and heldOut must both name files, got " + train + ", "
                    + heldOut);
        }
        for (String f : train) {
            if (heldOut.contains(f)) {
                throw new IllegalArgumentException("split: file " + f + " is both in train and heldOut");
            }
        }
        train = List.copyOf(train);
        heldOut = List.copyOf(heldOut);
    }
}
