package org.physrec.app.bench;

import org.physrec.datasets.io.AtomicFiles;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.knowm.xchart.XYChart;
import org.physrec.app.plot.LinePlot;
import org.physrec.app.plot.Png;
import org.physrec.optim.OptimizerRegistry;
import org.physrec.optim.Optimizers;
import org.physrec.optim.functions.TestFunction;
import org.physrec.optim.functions.TestFunctions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code physrec bench step}: optimizer step time versus dimension, as the supplement's Fig. 1. */
@Command(name = "step", mixinStandardHelpOptions = true,
        description = {"Times one optimizer step on an N-dimensional test function (Rosenbrock by default) for N from"
                + " 2 to 1000 after a warm-up, single-threaded, and writes step.json and step.png to --out.",
                "Example: physrec bench step --out out/step"})
public final class StepBenchCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--dims", split = ",", paramLabel = "N", description = "Dimensions (default: 2,5,10,20,50,100,200,500,1000).")
    List<Integer> dims = new ArrayList<>(List.of(2, 5, 10, 20, 50, 100, 200, 500, 1000));

    @Option(names = "--optimizers", split = ",", paramLabel = "NAME",
            description = "Optimizers by name (default: gd, momentum, adam, bfgs, lbfgs).")
    List<String> optimizers;

    @Option(names = "--function", paramLabel = "NAME", description = "Test function (default: ${DEFAULT-VALUE}).")
    String function = "rosenbrock";

    @Option(names = "--warmup-ms", description = "Warm-up per (optimizer, N) in ms (default: ${DEFAULT-VALUE}).")
    long warmupMillis = 1000;

    @Option(names = "--measure-ms", description = "Measurement per (optimizer, N) in ms (default: ${DEFAULT-VALUE}).")
    long measureMillis = 1000;

    @Option(names = "--seed", description = "Seed of the start points (default: ${DEFAULT-VALUE}).")
    long seed = 0;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @Override
    public Integer call() {
        OptimizerRegistry registry = Optimizers.all();
        StepBenchmark.Settings settings = settings(registry);
        List<StepBenchmark.Point> points = StepBenchmark.run(settings, registry, () -> { });
        AtomicFiles.writeStringUnchecked(out.resolve("step.json"), json(settings, points));
        Png.writeGrid(charts(settings, points), 2, out.resolve("step.png"));
        var w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "%-10s %6s %14s %12s %14s%n", "optimizer", "N", "step median us", "evals/step", "update us");
        for (StepBenchmark.Point p : points) {
            w.printf(Locale.ROOT, "%-10s %6d %14.2f %12.2f %14.2f%n", p.optimizer(), p.dimension(), p.medianStepMicros(),
                    p.evaluationsPerStep(), p.updateMicros());
        }
        w.println("wrote " + out.resolve("step.json") + " and step.png");
        w.flush();
        return 0;
    }

    private StepBenchmark.Settings settings(OptimizerRegistry registry) {
        try {
            TestFunction fn = TestFunctions.byName(function);
            List<String> opts = BenchFlags.optimizers(optimizers, registry);
            BenchFlags.checkDims(dims);
            if (warmupMillis < 0 || measureMillis < 1) {
                throw new IllegalArgumentException("--warmup-ms must be >= 0 and --measure-ms >= 1, got "
                        + warmupMillis + " and " + measureMillis);
            }
            return new StepBenchmark.Settings(fn, dims, opts, warmupMillis, measureMillis, seed);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    static String json(StepBenchmark.Settings settings, List<StepBenchmark.Point> points) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("function", settings.function().name());
        root.put("warmupMillis", settings.warmupMillis());
        root.put("measureMillis", settings.measureMillis());
        root.put("availableProcessors", Runtime.getRuntime().availableProcessors());
        root.put("java", System.getProperty("java.version"));
        ArrayNode arr = root.putArray("points");
        for (StepBenchmark.Point p : points) {
            ObjectNode o = arr.addObject();
            o.put("optimizer", p.optimizer());
            o.put("n", p.dimension());
            o.put("medianStepMicros", p.medianStepMicros());
            o.put("meanStepMicros", p.meanStepMicros());
            o.put("evaluationsPerStep", p.evaluationsPerStep());
            o.put("evaluationMicros", p.evaluationMicros());
            o.put("updateMicros", p.updateMicros());
            o.put("steps", p.steps());
        }
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize step timings: " + e.getMessage(), e);
        }
    }

    static List<XYChart> charts(StepBenchmark.Settings settings, List<StepBenchmark.Point> points) {
        LinePlot step = new LinePlot("Step time (" + settings.function().name() + ", incl. evaluations)", "N",
                "median step time [us]").logX().logY().markers().size(640, 460);
        LinePlot update = new LinePlot("Optimizer update only (step - evaluations)", "N", "update time [us]")
                .logX().logY().markers().size(640, 460);
        for (String name : settings.optimizers()) {
            List<StepBenchmark.Point> mine = points.stream().filter(p -> p.optimizer().equals(name)).toList();
            double[] n = mine.stream().mapToDouble(StepBenchmark.Point::dimension).toArray();
            step.series(name, n, mine.stream().mapToDouble(StepBenchmark.Point::medianStepMicros).toArray());
            update.series(name, n, mine.stream().mapToDouble(StepBenchmark.Point::updateMicros).toArray());
        }
        return List.of(step.chart(), update.chart());
    }
}
