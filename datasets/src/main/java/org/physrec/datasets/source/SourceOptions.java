package org.physrec.datasets.source;

import java.nio.file.Path;
import org.physrec.datasets.Camera;
import org.physrec.datasets.UpAxis;

/**
 * Settings some formats need because their files lack them.
 *
 * @param fps          frame rate for OpenPose folders (no rate in the files); NaN if not given
 * @param camera       calibration for OpenPose folders; null if not given
 * @param upAxis       world up axis of that camera's world (OpenPose)
 * @param aistSetting  AIST++ camera setting when cameras/mapping.txt lacks the sequence; null to use mapping.txt
 * @param data2d       VideoPose3D 2D file; null to use data_2d_h36m_gt.npz beside the 3D file if present
 */
public record SourceOptions(double fps, Camera camera, UpAxis upAxis, String aistSetting, Path data2d) {

    /** Nothing given. */
    public static final SourceOptions DEFAULTS = new SourceOptions(Double.NaN, null, UpAxis.Z, null, null);

    public SourceOptions withFps(double v) {
        return new SourceOptions(v, camera, upAxis, aistSetting, data2d);
    }

    public SourceOptions withCamera(Camera v) {
        return new SourceOptions(fps, v, upAxis, aistSetting, data2d);
    }

    public SourceOptions withAistSetting(String v) {
        return new SourceOptions(fps, camera, upAxis, v, data2d);
    }

    public SourceOptions withData2d(Path v) {
        return new SourceOptions(fps, camera, upAxis, aistSetting, v);
    }
}
