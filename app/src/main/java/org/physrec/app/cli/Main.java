package org.physrec.app.cli;

import org.physrec.app.eval.ScoreCommand;
import org.physrec.app.export.ExportCommand;
import org.physrec.app.synth.SynthCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of {@code bin/physrec}. Exit codes: 0 success, 1 failure, 2 bad usage.
 * Each command is its own class; add it to {@code subcommands} here or to its group.
 */
@Command(name = "physrec", mixinStandardHelpOptions = true, version = "physrec 0.1.0",
        description = "Physically plausible 3D human motion reconstruction with learned optimization.",
        subcommands = {
            ReconstructCommand.class,
            EvaluateCommand.class,
            DemoCommand.class,
            SynthCommand.class,
            ScoreCommand.class,
            ExportCommand.class,
            BenchCommand.class,
            DataCommand.class,
            org.physrec.app.physics.PhysicsCommand.class,
            org.physrec.app.train.TrainCommand.class,
            org.physrec.app.train.physics.PhysicsTrainCommand.class,
            CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    /** Builds the command line with physrec's error handling; tests call this too. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((ex, line, parseResult) -> {
            if (ex instanceof CommandLine.ParameterException pe) {
                // A command that validates its own option values reports them as bad usage (exit 2).
                return pe.getCommandLine().getParameterExceptionHandler().handleParseException(pe, new String[0]);
            }
            line.getErr().println("physrec: error: " + (ex.getMessage() != null ? ex.getMessage() : ex.toString()));
            if (Boolean.getBoolean("physrec.stacktrace")) {
                ex.printStackTrace(line.getErr());
            }
            return 1;
        });
        return cl;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
