package org.physrec.app.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.physrec.datasets.JointMap;
import org.physrec.datasets.Sequence;
import org.physrec.datasets.Skeleton;
import org.physrec.datasets.source.SequenceSource;
import org.physrec.datasets.source.Sources;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code physrec data convert IN OUT}: any supported input to physrec JSON or CSV. */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = "Convert a supported input (physrec JSON/CSV, Human3.6M CDF, VideoPose3D npz, AIST++, OpenPose) "
                + "to physrec JSON (.json) or CSV (.csv). OUT may be a folder when IN holds several sequences.")
public final class DataConvertCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IN")
    Path in;

    @Parameters(index = "1", paramLabel = "OUT", description = "A .json or .csv file, or a folder (one .json per sequence).")
    Path out;

    @Option(names = "--sequence", description = "Sequence id to convert (see `physrec data info`).")
    String sequence;

    @Option(names = "--skeleton", description = "Map joints to this skeleton (h36m17, coco17); missing joints stay missing.")
    String skeleton;

    @Option(names = "--fps", description = "Resample to this rate (integer ratios take every k-th frame, others interpolate).")
    Double fps;

    @Option(names = "--frames", description = "Keep frames FIRST-LAST (0-based, inclusive, before resampling).")
    String frames;

    @Mixin
    InputOptions input = new InputOptions();

    @Override
    public Integer call() throws Exception {
        SequenceSource src = Sources.open(in, input.toOptions());
        List<String> ids = sequence != null ? List.of(sequence) : src.ids();
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean toDir = !(name.endsWith(".json") || name.endsWith(".csv"));
        if (!toDir && ids.size() > 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), in + " holds " + ids.size()
                    + " sequences: give --sequence ID or an output folder");
        }
        for (String id : ids) {
            Sequence s = transform(src.load(id));
            Path target = toDir ? out.resolve(SequenceFiles.safeName(id) + ".json") : out;
            if (toDir) {
                Files.createDirectories(out);
            }
            SequenceFiles.write(s, target);
            spec.commandLine().getOut().println("wrote " + target + " (" + s.frames() + " frames @ " + s.fps() + " fps, "
                    + s.skeleton().name() + ", " + s.cameras().size() + " cameras)");
        }
        spec.commandLine().getOut().flush();
        return 0;
    }

    private Sequence transform(Sequence s) {
        if (frames != null) {
            String[] ab = frames.split("-");
            if (ab.length != 2) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--frames: expected FIRST-LAST, got " + frames);
            }
            int a = Integer.parseInt(ab[0].trim());
            int b = Integer.parseInt(ab[1].trim());
            s = s.window(a, b - a + 1);
        }
        if (skeleton != null) {
            s = s.mapJoints(JointMap.between(s.skeleton(), Skeleton.named(skeleton)));
        }
        if (fps != null) {
            s = s.resample(fps);
        }
        return s;
    }
}
