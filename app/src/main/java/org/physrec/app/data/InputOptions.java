package org.physrec.app.data;

import java.io.IOException;
import java.nio.file.Path;
import org.physrec.datasets.io.PhysrecJson;
import org.physrec.datasets.source.SourceOptions;
import picocli.CommandLine.Option;

/** Options for inputs whose files lack something (OpenPose: fps, camera; AIST++: camera setting; VideoPose3D: 2D file). */
public final class InputOptions {

    @Option(names = "--input-fps", description = "Frame rate of an OpenPose folder.")
    double inputFps = Double.NaN;

    @Option(names = "--camera", description = "Camera for an OpenPose folder: a physrec JSON file whose first camera is used.")
    Path camera;

    @Option(names = "--aist-setting", description = "AIST++ camera setting (e.g. setting1) when cameras/mapping.txt lacks the sequence.")
    String aistSetting;

    @Option(names = "--data-2d", description = "VideoPose3D 2D file (default: data_2d_h36m_gt.npz beside the 3D file).")
    Path data2d;

    /** The options for {@link org.physrec.datasets.source.Sources#open}. */
    public SourceOptions toOptions() throws IOException {
        SourceOptions o = SourceOptions.DEFAULTS.withFps(inputFps).withAistSetting(aistSetting).withData2d(data2d);
        if (camera != null) {
            o = o.withCamera(firstCamera(camera));
        }
        return o;
    }

    private static org.physrec.datasets.Camera firstCamera(Path file) throws IOException {
        return PhysrecJson.readCameras(file).get(0);
    }
}
