package org.physrec.app.recon;

import java.util.LinkedHashMap;
import java.util.Map;

/** Wall-clock seconds per named pipeline stage, in order of first use. */
public final class StageTimer {

    private final Map<String, Double> seconds = new LinkedHashMap<>();
    private String current;
    private long started;

    /** Ends the running stage (if any) and starts {@code stage}. */
    public void start(String stage) {
        stop();
        current = stage;
        started = System.nanoTime();
    }

    /** Ends the running stage. */
    public void stop() {
        if (current != null) {
            seconds.merge(current, (System.nanoTime() - started) * 1e-9, Double::sum);
            current = null;
        }
    }

    /** Seconds per stage (a copy). */
    public Map<String, Double> seconds() {
        return new LinkedHashMap<>(seconds);
    }
}
