package org.physrec.app.eval;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Metrics pooled over several sequences, keyed as {@link SequenceMetrics#SCALAR_KEYS}.
 *
 * @param sequences     number of sequences
 * @param frames        total frames
 * @param frameWeighted each metric averaged with weight = frames of the sequence (pooled over all frames,
 *                      as the published tables do)
 * @param sequenceMean  each metric averaged with equal weight per sequence
 */
public record AggregateMetrics(int sequences, long frames, Map<String, Double> frameWeighted,
        Map<String, Double> sequenceMean) {

    public AggregateMetrics {
        frameWeighted = Collections.unmodifiableMap(new LinkedHashMap<>(frameWeighted));
        sequenceMean = Collections.unmodifiableMap(new LinkedHashMap<>(sequenceMean));
    }

    /** Pools {@code results}; at least one sequence. */
    public static AggregateMetrics of(List<SequenceMetrics> results) {
        if (results == null || results.isEmpty()) {
            throw new IllegalArgumentException("results: at least one sequence is needed");
        }
        long frames = 0;
        Map<String, Double> weighted = new LinkedHashMap<>();
        Map<String, Double> plain = new LinkedHashMap<>();
        for (String k : SequenceMetrics.SCALAR_KEYS) {
            weighted.put(k, 0.0);
            plain.put(k, 0.0);
        }
        for (SequenceMetrics r : results) {
            frames += r.frames();
            for (Map.Entry<String, Double> e : r.scalars().entrySet()) {
                weighted.merge(e.getKey(), e.getValue() * r.frames(), Double::sum);
                plain.merge(e.getKey(), e.getValue(), Double::sum);
            }
        }
        for (String k : SequenceMetrics.SCALAR_KEYS) {
            weighted.put(k, weighted.get(k) / frames);
            plain.put(k, plain.get(k) / results.size());
        }
        return new AggregateMetrics(results.size(), frames, weighted, plain);
    }
}
