package org.physrec.app.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.physrec.app.export.Trajectory;
import org.physrec.app.export.TrajectoryJson;
import org.physrec.datasets.Sequence;
import org.physrec.datasets.io.PhysrecJson;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code physrec score}: metrics of predicted 3D joints against ground truth, with result tables. */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = {"Evaluate predictions against ground truth (MPJPE, PA-MPJPE, MPJPE-G, PCK, GRP, accel,",
            "foot skating, penetration). Pairs are matched by order: the i-th --pred with the i-th --gt.",
            "A prediction is a physrec trajectory JSON (joint_positions_mm) or a sequence JSON (keypoints3d);",
            "the ground-truth sequence is resampled to the prediction's frame rate. Writes",
            "<out>/sequences/<id>.json, <out>/metrics.csv, <out>/metrics.json and <out>/table.md."})
public final class ScoreCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--gt", required = true, description = "ground-truth sequence JSON (repeatable)")
    List<Path> groundTruth;

    @Option(names = "--pred", required = true, description = "prediction: trajectory or sequence JSON (repeatable)")
    List<Path> predictions;

    @Option(names = {"-o", "--out"}, required = true, description = "output folder")
    Path out;

    @Option(names = "--ground-z", defaultValue = "0", description = {"ground plane height in mm, or 'auto': from each",
        "ground truth's feet (2nd percentile of the lowest ankle minus the 70 mm sole offset). Default ${DEFAULT-VALUE}"})
    String groundZ;

    @Option(names = "--label", defaultValue = "physrec", description = "name of our row in table.md")
    String label;

    @Override
    public Integer call() throws Exception {
        if (groundTruth.size() != predictions.size()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--gt and --pred: " + groundTruth.size()
                    + " ground-truth files for " + predictions.size() + " predictions");
        }
        boolean autoGround = groundZ.equalsIgnoreCase("auto");
        MetricSettings settings;
        try {
            settings = MetricSettings.h36m17().withGroundZ(autoGround ? 0 : Double.parseDouble(groundZ));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--ground-z: expected a number or 'auto', got "
                    + groundZ);
        }
        List<SequenceMetrics> results = new ArrayList<>();
        for (int i = 0; i < predictions.size(); i++) {
            Prediction p = Prediction.load(predictions.get(i));
            Sequence gt = PhysrecJson.read(groundTruth.get(i));
            if (!gt.hasGroundTruth()) {
                throw new IOException(groundTruth.get(i) + ": has no ground truth (field joints)");
            }
            if (gt.fps() != p.fps) {
                gt = gt.resample(p.fps);
            }
            if (gt.frames() != p.frames || gt.jointCount() != p.joints) {
                throw new IOException(predictions.get(i) + ": " + p.frames + " frames x " + p.joints + " joints at "
                        + p.fps + " fps, but the ground truth " + groundTruth.get(i) + " has " + gt.frames() + " x "
                        + gt.jointCount() + " at that rate");
            }
            SequenceMetrics m;
            try {
                MetricSettings used = !autoGround ? settings : settings.withGroundZ(GroundPlane.fromFeet(
                        gt.groundTruth(), gt.frames(), gt.jointCount(), settings.footJoints(), settings.soleOffsetMm()));
                if (autoGround) {
                    spec.commandLine().getOut().printf(Locale.ROOT, "%s: ground plane z = %.1f mm%n", gt.id(),
                            used.groundZ());
                }
                m = MotionMetrics.evaluate(gt.id(), p.fps, p.positions, gt.groundTruth(), p.frames, p.joints, used);
            } catch (IllegalArgumentException e) {
                throw new IOException(predictions.get(i) + " vs " + groundTruth.get(i) + ": " + e.getMessage(), e);
            }
            results.add(m);
            ResultTables.writeSequenceJson(out.resolve("sequences").resolve(safe(gt.id()) + ".json"), m,
                    gt.skeleton().jointNames());
            spec.commandLine().getOut().printf(Locale.ROOT,
                    "%s: MPJPE %.1f  PA-MPJPE %.1f  MPJPE-G %.1f  accel %.2f  skate %.1f%%  penetration %.1f mm%n",
                    gt.id(), m.mpjpe(), m.paMpjpe(), m.mpjpeG(), m.accelError(), m.footSkatePercent(), m.penetrationMm());
        }
        AggregateMetrics agg = AggregateMetrics.of(results);
        ResultTables.writeAggregateCsv(out.resolve("metrics.csv"), agg, results);
        ResultTables.writeAggregateJson(out.resolve("metrics.json"), agg, results, settings);
        ResultTables.writeMarkdown(out.resolve("table.md"), label, agg, Anchors.h36m());
        spec.commandLine().getOut().printf(Locale.ROOT, "all (%d sequences, %d frames): MPJPE %.1f  PA-MPJPE %.1f  "
                + "MPJPE-G %.1f; tables in %s%n", agg.sequences(), agg.frames(), agg.frameWeighted().get("mpjpe"),
                agg.frameWeighted().get("pa_mpjpe"), agg.frameWeighted().get("mpjpe_g"), out);
        return 0;
    }

    static String safe(String id) {
        return id.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** Predicted joints from either file kind. */
    record Prediction(double fps, int frames, int joints, double[] positions) {

        static Prediction load(Path file) throws IOException {
            String format = new ObjectMapper().readTree(file.toFile()).path("format").asText("");
            if (TrajectoryJson.FORMAT.equals(format)) {
                Trajectory t = TrajectoryJson.read(file);
                return new Prediction(t.fps(), t.frames(), t.jointCount(), t.jointPositions());
            }
            Sequence s = PhysrecJson.read(file);
            if (!s.hasKeypoints3d()) {
                throw new IOException(file + ": a prediction sequence needs keypoints3d");
            }
            return new Prediction(s.fps(), s.frames(), s.jointCount(), s.keypoints3d());
        }
    }
}
