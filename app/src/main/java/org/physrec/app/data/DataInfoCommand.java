package org.physrec.app.data;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.physrec.datasets.openpose.OpenPoseReader;
import org.physrec.datasets.source.SequenceSource;
import org.physrec.datasets.source.Sources;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code physrec data info PATH}: what a file or dataset folder holds. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Show what a keypoint file or dataset folder holds: format, sequences, frames, fps, skeleton, "
                + "joints, cameras, units, up axis, missing values.")
public final class DataInfoCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PATH", description = "File or dataset folder.")
    Path path;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Option(names = "--all", description = "Load every sequence of a dataset (default: list them, load the first).")
    boolean all;

    @Option(names = "--sequence", description = "Load this sequence id of a dataset.")
    String sequence;

    @Mixin
    InputOptions input = new InputOptions();

    @Override
    public Integer call() throws Exception {
        SequenceSource src = Sources.open(path, input.toOptions());
        List<String> ids = src.ids();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("path", path.toString());
        out.put("format", src.format());
        out.put("sequences", ids.size());
        List<String> toLoad = sequence != null ? List.of(sequence) : all ? ids : ids.isEmpty() ? List.of() : List.of(ids.get(0));
        if (src.format().equals("openpose") && !(input.inputFps > 0 && input.camera != null)) {
            OpenPoseReader.Keypoints k = OpenPoseReader.readKeypoints(path);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("frames", k.frames());
            m.put("skeleton", k.skeleton().name());
            m.put("joints", k.skeleton().jointCount());
            m.put("units", "pixels");
            m.put("max_people_per_frame", k.maxPeople());
            m.put("frames_without_people", k.framesWithoutPeople());
            long missing = java.util.Arrays.stream(k.confidence()).filter(c -> c == 0).count();
            m.put("missing_keypoints2d", missing);
            m.put("note", "no fps or calibration in OpenPose output: pass --input-fps and --camera to load as a sequence");
            out.put("loaded", List.of(m));
        } else {
            List<Map<String, Object>> loaded = new ArrayList<>();
            for (String id : toLoad) {
                loaded.add(SequenceSummary.of(src.load(id)));
            }
            out.put("loaded", loaded);
        }
        if (!all && ids.size() > 1) {
            out.put("ids", ids);
        }
        var w = spec.commandLine().getOut();
        if (json) {
            w.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(out));
        } else {
            w.println(path + ": " + src.format() + ", " + ids.size() + " sequence" + (ids.size() == 1 ? "" : "s"));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> loaded = (List<Map<String, Object>>) out.get("loaded");
            for (Map<String, Object> m : loaded) {
                w.print(SequenceSummary.text(m, "  "));
            }
            if (out.containsKey("ids")) {
                w.println("  sequences (--sequence ID or --all to load):");
                for (String id : ids) {
                    w.println("    " + id);
                }
            }
        }
        w.flush();
        return 0;
    }
}
