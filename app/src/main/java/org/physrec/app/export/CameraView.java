package org.physrec.app.export;

import java.util.Objects;

/**
 * One camera for an overlay video: a name, its projection and its image size in pixels.
 *
 * @param name      shown in the video
 * @param projector world mm to pixels
 * @param width     image width, px
 * @param height    image height, px
 */
public record CameraView(String name, Projector projector, int width, int height) {

    public CameraView {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(projector, "projector");
        if (width < 2 || height < 2) {
            throw new IllegalArgumentException("camera " + name + ": image size must be at least 2 x 2, got " + width
                    + " x " + height);
        }
    }
}
