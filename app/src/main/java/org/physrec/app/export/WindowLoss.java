package org.physrec.app.export;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The optimisation record of one window of a reconstruction.
 *
 * @param window           window index, from 0
 * @param startFrame       first frame of the window in the trajectory
 * @param frameCount       frames in the window
 * @param lossPerIteration (iterations + 1) total loss before the first and after each iteration
 * @param finalTerms       loss terms at the end (e.g. "2d", "3d", "torque", "smooth", "limits"), insertion-ordered
 */
public record WindowLoss(int window, int startFrame, int frameCount, double[] lossPerIteration,
        Map<String, Double> finalTerms) {

    public WindowLoss {
        if (window < 0 || startFrame < 0 || frameCount < 1) {
            throw new IllegalArgumentException("window " + window + ": need window >= 0, startFrame >= 0, frameCount >= 1"
                    + ", got " + startFrame + ", " + frameCount);
        }
        if (lossPerIteration == null || lossPerIteration.length == 0) {
            throw new IllegalArgumentException("window " + window + ": lossPerIteration is empty");
        }
        lossPerIteration = lossPerIteration.clone();
        for (int i = 0; i < lossPerIteration.length; i++) {
            if (!Double.isFinite(lossPerIteration[i])) {
                throw new IllegalArgumentException("window " + window + ": loss at iteration " + i + " is "
                        + lossPerIteration[i]);
            }
        }
        finalTerms = Collections.unmodifiableMap(new LinkedHashMap<>(finalTerms == null ? Map.of() : finalTerms));
        finalTerms.forEach((k, v) -> {
            if (v == null || !Double.isFinite(v)) {
                throw new IllegalArgumentException("window " + window + ": loss term " + k + " is " + v);
            }
        });
    }
}
