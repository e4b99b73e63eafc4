package org.physrec.datasets.validation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.physrec.datasets.Camera;
import org.physrec.datasets.Sequence;
import org.physrec.datasets.aist.AistppReader;
import org.physrec.datasets.h36m.H36mReleaseReader;
import org.physrec.datasets.h36m.VideoPose3dReader;

/**
 * Loads the sequence a table entry means: the recording, only the entry's camera (an AIST++
 * video's own view), only its frames, at the table's frame rate.
 */
public final class TableSequences {

    private final ValidationTable table;
    private final Path root;
    private VideoPose3dReader videoPose3d;

    /** @param root as for {@link TableCheck#check} */
    public TableSequences(ValidationTable table, Path root) {
        this.table = table;
        this.root = root;
    }

    /** Loads one entry (use {@link TableCheck} first to know which are present). */
    public Sequence load(ValidationTable.Entry e) throws IOException {
        Sequence full;
        String camera = e.camera();
        if (table.dataset().equals("aist++")) {
            full = new AistppReader(root).load(e.sequence(), e.setting() != null ? e.setting()
                    : new AistppReader(root).settingOf(e.sequence()).orElseThrow(() ->
                            new IllegalArgumentException("table entry " + e.label() + ": no camera setting")));
            camera = camera != null ? camera : AistppReader.view(e.sequence()).orElse(null);
        } else {
            Path npz = Files.isRegularFile(root) ? root : root.resolve("data_3d_h36m.npz");
            if (Files.isRegularFile(npz)) {
                if (videoPose3d == null) {
                    Path d2 = npz.resolveSibling("data_2d_h36m_gt.npz");
                    videoPose3d = VideoPose3dReader.open(npz, Files.isRegularFile(d2) ? d2 : null);
                }
                full = videoPose3d.load(e.subject(), e.sequence());
            } else {
                full = new H36mReleaseReader(root).load(e.subject(), e.sequence());
            }
        }
        Sequence s = camera == null ? full : onlyCamera(full, camera);
        if (e.firstFrame() >= 0) {
            int first = e.firstFrame() - table.frameBase();
            s = s.window(first, e.lastFrame() - e.firstFrame() + 1);
        }
        if (table.fps() > 0) {
            s = s.resample(table.fps());
        }
        return s.toBuilder().metadata("table", table.name()).metadata("table_entry", e.label()).build();
    }

    private static Sequence onlyCamera(Sequence s, String camera) {
        int c = s.cameraIndex(camera);
        Camera cam = s.camera(c);
        Sequence.Builder b = Sequence.builder(s.id() + "@" + camera, s.fps(), s.skeleton(), s.frames(), s.upAxis())
                .startTime(s.startTime()).camera(cam);
        if (s.hasKeypoints2d(c)) {
            b.keypoints2d(cam.name(), s.keypoints2d(c), s.confidences2d(c));
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
}
