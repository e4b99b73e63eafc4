package org.physrec.app.export;

import org.physrec.datasets.io.AtomicFiles;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.FrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * Records Java2D-drawn frames to an H.264 MP4 with JavaCV's FFmpeg, atomically (temp file, then
 * move). One frame image is reused for all frames.
 */
final class Mp4Writer {

    /** Draws frame {@code t} onto a cleared image. */
    @FunctionalInterface
    interface FrameRenderer {
        void draw(Graphics2D g, int t);
    }

    static {
        // FFmpeg logs every stream header at INFO to stderr; keep only errors
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
    }

    private Mp4Writer() {
    }

    /** Even size not larger than 2 pixels below the input: H.264 with yuv420p needs even dimensions. */
    static int even(int v) {
        return Math.max(2, v - (v & 1));
    }

    static void write(Path mp4, int width, int height, double fps, int frames, FrameRenderer renderer)
            throws IOException {
        if (width % 2 != 0 || height % 2 != 0 || width < 2 || height < 2) {
            throw new IllegalArgumentException("video size must be even and >= 2, got " + width + " x " + height);
        }
        if (!(fps > 0) || !Double.isFinite(fps)) {
            throw new IllegalArgumentException("fps: must be finite and > 0, got " + fps);
        }
        if (frames < 1) {
            throw new IllegalArgumentException("frames: must be >= 1, got " + frames);
        }
        AtomicFiles.writeViaPath(mp4, ".mp4", tmp -> {
            BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
            try (FFmpegFrameRecorder rec = new FFmpegFrameRecorder(tmp.toFile(), width, height, 0);
                    Java2DFrameConverter conv = new Java2DFrameConverter()) {
                rec.setFormat("mp4");
                rec.setVideoCodec(avcodec.AV_CODEC_ID_H264);
                rec.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
                rec.setFrameRate(fps);
                rec.setVideoBitrate(4_000_000);
                rec.start();
                for (int t = 0; t < frames; t++) {
                    Graphics2D g = image.createGraphics();
                    try {
                        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
                        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
                        renderer.draw(g, t);
                    } finally {
                        g.dispose();
                    }
                    rec.record(conv.convert(image));
                }
                rec.stop();
            } catch (FrameRecorder.Exception e) {
                throw new IOException("writing video " + mp4 + ": " + e.getMessage(), e);
            }
        });
    }
}
