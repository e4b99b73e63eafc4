package org.physrec.app.cli;

import org.physrec.app.bench.FunctionsBenchCommand;
import org.physrec.app.bench.StepBenchCommand;
import org.physrec.app.bench.recon.ReconOptimizersBenchCommand;
import org.physrec.app.physics.PhysicsBenchCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Group of the benchmark commands ({@code physrec bench ...}). */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks: optimizers on test functions, step times, physics, reconstruction.",
        subcommands = {FunctionsBenchCommand.class, StepBenchCommand.class,
                PhysicsBenchCommand.class, ReconOptimizersBenchCommand.class})
public final class BenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a bench subcommand is required");
    }
}
