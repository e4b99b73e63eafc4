package org.physrec.app.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VideoAndPlotsTest {

    static final int J = 17;

    /** Pinhole camera at (0, -4000, 1000) mm looking along +y, 640 x 480, f = 500 px, no distortion. */
    static final Projector PINHOLE = (p, off, n, out) -> {
        for (int i = 0; i < n; i++) {
            double x = p[off + 3 * i], y = p[off + 3 * i + 1] + 4000, z = p[off + 3 * i + 2] - 1000;
            out[2 * i] = y > 0 ? 320 + 500 * x / y : Double.NaN;
            out[2 * i + 1] = y > 0 ? 240 - 500 * z / y : Double.NaN;
        }
    };

    /** Decoded frames of a video. */
    static List<BufferedImage> decode(Path mp4) throws IOException {
        List<BufferedImage> out = new java.util.ArrayList<>();
        try (FFmpegFrameGrabber grab = new FFmpegFrameGrabber(mp4.toFile());
                Java2DFrameConverter conv = new Java2DFrameConverter()) {
            grab.start();
            Frame f;
            while ((f = grab.grabImage()) != null) {
                BufferedImage img = conv.convert(f);
                BufferedImage copy = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
                copy.getGraphics().drawImage(img, 0, 0, null);
                out.add(copy);
            }
            grab.stop();
        }
        return out;
    }

    static int[] rgb(BufferedImage img, double x, double y) {
        int v = img.getRGB((int) Math.round(x), (int) Math.round(y));
        return new int[] {(v >> 16) & 255, (v >> 8) & 255, v & 255};
    }

    @Test
    void cameraOverlayShowsInputAndReprojectionWhereExpected(@TempDir Path dir) throws IOException {
        MotionClip clip = MotionClip.load("cmu_131_01").subsample(4, 12);
        double[] kp = new double[clip.frames() * J * 2];
        double[] px = new double[J * 2];
        for (int t = 0; t < clip.frames(); t++) {
            PINHOLE.project(clip.joints(), t * J * 3, J, px);
            for (int i = 0; i < J * 2; i++) {
                kp[t * J * 2 + i] = px[i] + (i % 2 == 0 ? 60 : 0); // input shifted 60 px right
            }
        }
        double[] conf = new double[clip.frames() * J];
        java.util.Arrays.fill(conf, 1.0);
        Path mp4 = dir.resolve("v/cam.mp4");
        OverlayVideo.cameraOverlay(mp4, new CameraView("test", PINHOLE, 640, 480), clip.fps(), clip.parents(),
                clip.joints(), kp, conf);
        List<BufferedImage> frames = decode(mp4);
        assertEquals(clip.frames(), frames.size());
        double[] projected = new double[clip.frames() * J * 2];
        for (int t = 0; t < clip.frames(); t++) {
            PINHOLE.project(clip.joints(), t * J * 3, J, px);
            System.arraycopy(px, 0, projected, t * J * 2, J * 2);
        }
        Crop crop = Crop.around(640, 480, projected, kp, OverlayVideo.MAX_WIDTH);
        assertEquals(crop.width(), frames.get(0).getWidth());
        assertEquals(crop.height(), frames.get(0).getHeight());
        assertEquals(960, crop.width());
        assertEquals(720, crop.height(), "camera aspect ratio kept");
        BufferedImage last = frames.get(frames.size() - 1);
        int t = clip.frames() - 1;
        double[] video = new double[J * 2];
        crop.apply(projected, t * J * 2, J, video);
        int[] head = rgb(last, video[20], video[21]); // joint 10 reprojected: orange
        assertTrue(head[0] > 180 && head[1] > 80 && head[1] < 200 && head[2] < 100, "orange at reprojection "
                + java.util.Arrays.toString(head));
        crop.apply(kp, t * J * 2, J, video);
        int[] input = rgb(last, video[20], video[21]); // shifted input: green
        assertTrue(input[1] > 150 && input[0] < 130 && input[2] < 130, "green at input "
                + java.util.Arrays.toString(input));
        int[] corner = rgb(last, 950, 710);
        assertTrue(corner[0] < 60 && corner[1] < 60 && corner[2] < 60, "dark background");
    }

    @Test
    void stickFigureVideoHasEveryFrame(@TempDir Path dir) throws IOException {
        MotionClip clip = MotionClip.load("cmu_salsa").subsample(6, 15);
        double[] shifted = clip.joints().clone();
        for (int i = 0; i < shifted.length; i += 3) {
            shifted[i] += 80;
        }
        Path mp4 = dir.resolve("stick.mp4");
        OverlayVideo.stickFigure(mp4, 321, 241, clip.fps(), clip.parents(), clip.joints(), shifted, 0, 30, 20);
        List<BufferedImage> frames = decode(mp4);
        assertEquals(15, frames.size());
        assertEquals(320, frames.get(0).getWidth());
        assertEquals(240, frames.get(0).getHeight());
        long colored = 0;
        BufferedImage f = frames.get(7);
        for (int y = 50; y < 240; y++) {
            for (int x = 0; x < 320; x++) {
                int[] c = rgb(f, x, y);
                if (c[0] > 180 && c[2] < 90) {
                    colored++;
                }
            }
        }
        assertTrue(colored > 100, "orange skeleton pixels: " + colored);
    }

    @Test
    void plotsAreWrittenAsPngs(@TempDir Path dir) throws IOException {
        List<WindowLoss> losses = List.of(new WindowLoss(0, 0, 8, new double[] {10, 4, 2, 1.5}, Map.of("2d", 1.0)),
                new WindowLoss(1, 6, 8, new double[] {8, 3, 1}, Map.of()));
        Plots.lossCurves(dir.resolve("loss.png"), losses);
        Plots.finalLossPerWindow(dir.resolve("final.png"), losses);
        Plots.perJointErrors(dir.resolve("joints.png"), "MPJPE per joint", List.of("Hip", "RHip", "RKnee"),
                new double[] {0, 40, 70});
        Trajectory t = new Trajectory(25, 3, List.of("a"), new double[9], List.of(), null, List.of(), null,
                List.of("l_heel", "r_heel"), new double[] {0, 0, 300, 0, 0, 0, 0, 0, 500, 0, 0, 100, 0, 0, 0, 0, 0, 650},
                List.of());
        Plots.contactForces(dir.resolve("contacts.png"), t);
        for (String name : List.of("loss.png", "final.png", "joints.png", "contacts.png")) {
            BufferedImage img = ImageIO.read(dir.resolve(name).toFile());
            assertEquals(1000, img.getWidth(), name);
            assertEquals(600, img.getHeight(), name);
        }
        assertThrows(IllegalArgumentException.class, () -> Plots.perJointErrors(dir.resolve("x.png"), "x",
                List.of("a"), new double[] {1, 2}));
    }

    @Test
    void videoIntoUnwritableFolderFailsClearly(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("not-a-folder");
        Files.writeString(file, "x");
        IOException e = assertThrows(IOException.class, () -> OverlayVideo.stickFigure(file.resolve("a.mp4"), 64, 64, 25,
                new int[] {-1, 0}, new double[] {0, 0, 0, 0, 0, 100}, null, 0, 0, 0));
        assertTrue(e.getMessage().contains("not-a-folder"), e.getMessage());
    }
}
