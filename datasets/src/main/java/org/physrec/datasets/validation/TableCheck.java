package org.physrec.datasets.validation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.physrec.datasets.aist.AistppReader;
import org.physrec.datasets.h36m.H36mCameras;
import org.physrec.datasets.h36m.H36mReleaseReader;
import org.physrec.datasets.h36m.VideoPose3dReader;

/**
 * Checks which entries of a table a local dataset copy holds: the recording exists, the camera is
 * known, and the recording has the table's frames.
 */
public final class TableCheck {

    /**
     * Result for one entry.
     *
     * @param entry    the table entry
     * @param found    true when the data for the entry is there and long enough
     * @param resolved the id the entry resolved to (e.g. "S11/Posing 1"), null if missing
     * @param frames   frames of the recording, -1 if unknown
     * @param note     why it is missing, or what was resolved
     */
    public record Status(ValidationTable.Entry entry, boolean found, String resolved, int frames, String note) {
    }

    private TableCheck() {
    }

    /** Checks every entry against the dataset at {@code root}. */
    public static List<Status> check(ValidationTable table, Path root) throws IOException {
        if (!Files.exists(root)) {
            throw new java.nio.file.NoSuchFileException(root.toString(), null, "dataset root not found");
        }
        return table.dataset().equals("aist++") ? checkAist(table, root) : checkH36m(table, root);
    }

    private static List<Status> checkH36m(ValidationTable table, Path root) throws IOException {
        Path npz = Files.isRegularFile(root) ? root : root.resolve("data_3d_h36m.npz");
        VideoPose3dReader vp = Files.isRegularFile(npz) ? VideoPose3dReader.open(npz, null) : null;
        H36mReleaseReader release = vp == null ? new H36mReleaseReader(root) : null;
        List<Status> out = new ArrayList<>();
        for (ValidationTable.Entry e : table.entries()) {
            if (e.camera() != null && !H36mCameras.CAMERA_IDS.contains(e.camera())) {
                out.add(new Status(e, false, null, -1, "unknown camera id " + e.camera()));
                continue;
            }
            Optional<String> key = vp != null ? vp.resolve(e.subject(), e.sequence()) : release.resolve(e.subject(), e.sequence());
            if (key.isEmpty()) {
                out.add(new Status(e, false, null, -1, "no recording for " + e.subject() + " " + e.sequence()));
                continue;
            }
            String id = e.subject() + "/" + key.get();
            int frames;
            if (vp != null) {
                frames = vp.load(e.subject(), key.get()).frames();
            } else {
                Path d2 = root.resolve(e.subject()).resolve("MyPoseFeatures").resolve("D2_Positions")
                        .resolve(key.get() + "." + e.camera() + ".cdf");
                if (e.camera() != null && !Files.isRegularFile(d2)) {
                    out.add(new Status(e, false, id, -1, "no 2D file " + d2.getFileName()));
                    continue;
                }
                frames = H36mReleaseReader.readPose(root.resolve(e.subject()).resolve("MyPoseFeatures")
                        .resolve("D3_Positions").resolve(key.get() + ".cdf"), 3).length / 96;
            }
            out.add(rangeStatus(table, e, id, frames));
        }
        return out;
    }

    private static List<Status> checkAist(ValidationTable table, Path root) throws IOException {
        AistppReader r = new AistppReader(root);
        List<Status> out = new ArrayList<>();
        for (ValidationTable.Entry e : table.entries()) {
            String name = AistppReader.cAll(e.sequence());
            Path k3 = root.resolve("keypoints3d").resolve(name + ".pkl");
            if (!Files.isRegularFile(k3)) {
                out.add(new Status(e, false, null, -1, "no keypoints3d/" + name + ".pkl"));
                continue;
            }
            String setting = e.setting() != null ? e.setting() : r.settingOf(name).orElse(null);
            if (setting == null || !Files.isRegularFile(root.resolve("cameras").resolve(setting + ".json"))) {
                out.add(new Status(e, false, name, -1, "no camera setting file cameras/" + setting + ".json"));
                continue;
            }
            Optional<String> mapped = r.settingOf(name);
            int frames = AistppReader.readKeypoints3d(k3).length / 51;
            Status s = rangeStatus(table, e, name, frames);
            if (mapped.isPresent() && !mapped.get().equals(setting)) {
                s = new Status(e, s.found(), name, frames, s.note() + "; mapping.txt says " + mapped.get() + ", table says " + setting);
            }
            out.add(s);
        }
        return out;
    }

    private static Status rangeStatus(ValidationTable table, ValidationTable.Entry e, String id, int frames) {
        if (e.lastFrame() >= 0 && e.lastFrame() - table.frameBase() >= frames) {
            return new Status(e, false, id, frames, "recording has " + frames + " frames, table needs up to "
                    + e.lastFrame() + " (" + table.frameBase() + "-based)");
        }
        return new Status(e, true, id, frames, "found " + id);
    }
}
