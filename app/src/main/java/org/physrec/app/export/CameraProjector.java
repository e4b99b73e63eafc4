package org.physrec.app.export;

import org.physrec.datasets.Camera;

/** Adapts a datasets {@link Camera} (world mm to pixels, with distortion) to a {@link Projector}. */
public final class CameraProjector {

    private CameraProjector() {
    }

    /** A projector calling {@link Camera#project}; points behind the camera give NaN pixels. */
    public static Projector of(Camera camera) {
        return (points, offset, count, pixelsOut) -> {
            for (int i = 0; i < count; i++) {
                camera.project(points, offset + 3 * i, pixelsOut, 2 * i);
            }
        };
    }

    /** A camera view of the full image of {@code camera}. */
    public static CameraView view(Camera camera) {
        return new CameraView(camera.name(), of(camera), camera.width(), camera.height());
    }
}
