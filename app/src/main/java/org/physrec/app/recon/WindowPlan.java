package org.physrec.app.recon;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits T frames into optimization windows of {@code length} frames that overlap by
 * {@code overlap} frames: window i starts at i·(length − overlap); the last window is shifted
 * back so it ends at T (a longer overlap rather than a short window). Each window is
 * simulated from the state of the previous one at the window's first frame; the overlapping
 * frames' controls are re-optimized and the later window's result wins.
 */
public final class WindowPlan {

    /** One window: frames [start, start + length); frames before {@code keepFrom} were owned by the previous window. */
    public record Window(int index, int start, int length, int keepFrom) {
        public int end() {
            return start + length;
        }
    }

    private WindowPlan() {
    }

    /**
     * @throws IllegalArgumentException if the sequence is shorter than one window or the overlap is not in [0, length)
     */
    public static List<Window> plan(int frames, int length, int overlap) {
        if (length < 2) {
            throw new IllegalArgumentException("window: length must be >= 2 frames, got " + length);
        }
        if (overlap < 0 || overlap >= length) {
            throw new IllegalArgumentException("overlap: must be in [0, " + (length - 1) + "], got " + overlap);
        }
        if (frames < length) {
            throw new IllegalArgumentException("sequence: " + frames + " frames is shorter than one window of "
                    + length + " frames (use a smaller --window)");
        }
        List<Window> out = new ArrayList<>();
        int stride = length - overlap;
        int start = 0;
        int keep = 0;
        while (true) {
            int s = Math.min(start, frames - length);
            out.add(new Window(out.size(), s, length, keep));
            if (s + length >= frames) {
                break;
            }
            keep = s + length;
            start = s + stride;
        }
        return out;
    }
}
