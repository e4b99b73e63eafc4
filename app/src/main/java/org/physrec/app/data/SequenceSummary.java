package org.physrec.app.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.physrec.datasets.Camera;
import org.physrec.datasets.Sequence;

/** What a loaded sequence holds, as an ordered map for text or JSON output. */
final class SequenceSummary {

    private SequenceSummary() {
    }

    static Map<String, Object> of(Sequence s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("frames", s.frames());
        m.put("fps", s.fps());
        m.put("duration_s", s.frames() / s.fps());
        m.put("skeleton", s.skeleton().name());
        m.put("joints", s.jointCount());
        m.put("joint_names", s.skeleton().jointNames());
        m.put("units", s.units());
        m.put("up_axis", s.upAxis().id());
        List<Map<String, Object>> cams = new ArrayList<>();
        for (int c = 0; c < s.cameras().size(); c++) {
            Camera cam = s.camera(c);
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("name", cam.name());
            cm.put("size", cam.width() + "x" + cam.height());
            cm.put("distortion", cam.distortion().model().id());
            cm.put("keypoints2d", s.hasKeypoints2d(c));
            if (s.hasKeypoints2d(c)) {
                cm.put("missing_keypoints2d", s.missing2d(c));
            }
            cams.add(cm);
        }
        m.put("cameras", cams);
        m.put("keypoints3d", s.hasKeypoints3d());
        if (s.hasKeypoints3d()) {
            m.put("missing_keypoints3d", Sequence.missing3d(s.keypoints3d()));
        }
        m.put("ground_truth", s.hasGroundTruth());
        if (s.hasGroundTruth()) {
            m.put("missing_ground_truth", Sequence.missing3d(s.groundTruth()));
        }
        m.put("metadata", s.metadata());
        return m;
    }

    /** Indented "key: value" lines. */
    static String text(Map<String, Object> m, String indent) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Object> e : m.entrySet()) {
            Object v = e.getValue();
            if (e.getKey().equals("joint_names")) {
                continue;
            }
            if (v instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof Map) {
                sb.append(indent).append(e.getKey()).append(": ").append(l.size()).append('\n');
                for (Object o : l) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> om = (Map<String, Object>) o;
                    sb.append(indent).append("  - ").append(String.join(", ", om.entrySet().stream()
                            .map(x -> x.getKey() + "=" + x.getValue()).toList())).append('\n');
                }
            } else {
                sb.append(indent).append(e.getKey()).append(": ").append(v).append('\n');
            }
        }
        return sb.toString();
    }
}
