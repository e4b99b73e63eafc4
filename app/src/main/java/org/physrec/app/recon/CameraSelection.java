package org.physrec.app.recon;

import java.util.Arrays;
import java.util.List;
import org.physrec.datasets.Sequence;

/**
 * Which cameras' 2D keypoints a reconstruction uses: {@code all}, {@code none}, {@code first}
 * (the paper's monocular setting) or a comma-separated list of camera names.
 */
public final class CameraSelection {

    private CameraSelection() {
    }

    /**
     * A copy of {@code s} keeping 2D keypoints only for the selected cameras (cameras stay).
     *
     * @throws IllegalArgumentException for an unknown camera name, or a selection without 2D keypoints
     */
    public static Sequence apply(Sequence s, String selection) {
        String sel = selection == null ? "all" : selection.trim();
        List<String> keep;
        if (sel.equalsIgnoreCase("all")) {
            return s;
        } else if (sel.equalsIgnoreCase("none")) {
            keep = List.of();
        } else if (sel.equalsIgnoreCase("first")) {
            int first = -1;
            for (int c = 0; c < s.cameras().size() && first < 0; c++) {
                if (s.hasKeypoints2d(c)) {
                    first = c;
                }
            }
            if (first < 0) {
                throw new IllegalArgumentException("cameras: 'first' selected but sequence " + s.id()
                        + " has no 2D keypoints");
            }
            keep = List.of(s.camera(first).name());
        } else {
            keep = Arrays.stream(sel.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList();
            for (String name : keep) {
                int c = s.cameraIndex(name);
                if (!s.hasKeypoints2d(c)) {
                    throw new IllegalArgumentException("cameras: camera " + name + " of sequence " + s.id()
                            + " has no 2D keypoints");
                }
            }
        }
        Sequence.Builder b = Sequence.builder(s.id(), s.fps(), s.skeleton(), s.frames(), s.upAxis())
                .startTime(s.startTime());
        for (int c = 0; c < s.cameras().size(); c++) {
            b.camera(s.camera(c));
            if (s.hasKeypoints2d(c) && keep.contains(s.camera(c).name())) {
                b.keypoints2d(s.camera(c).name(), s.keypoints2d(c), s.confidences2d(c));
            }
        }
        if (s.hasKeypoints3d()) {
            b.keypoints3d(s.keypoints3d());
        }
        if (s.hasGroundTruth()) {
            b.groundTruth(s.groundTruth());
        }
        s.metadata().forEach(b::metadata);
        return b.build();
    }

    /** Parses "a:b" (frames a inclusive to b exclusive; either may be empty) against T frames. */
    public static Sequence frames(Sequence s, String range) {
        if (range == null || range.isBlank()) {
            return s;
        }
        String[] parts = range.split(":", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("frames: expected a:b, got '" + range + "'");
        }
        int a;
        int b;
        try {
            a = parts[0].isBlank() ? 0 : Integer.parseInt(parts[0].trim());
            b = parts[1].isBlank() ? s.frames() : Integer.parseInt(parts[1].trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("frames: expected integers a:b, got '" + range + "'");
        }
        if (a < 0 || b > s.frames() || a >= b) {
            throw new IllegalArgumentException("frames: " + a + ":" + b + " is not a non-empty range inside 0:"
                    + s.frames() + " of " + s.id());
        }
        return s.window(a, b - a);
    }
}
