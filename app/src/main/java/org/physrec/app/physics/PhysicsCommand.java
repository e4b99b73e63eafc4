package org.physrec.app.physics;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Group of the physics commands ({@code physrec physics ...}). */
@Command(name = "physics", mixinStandardHelpOptions = true,
        description = "Physics tools: replay a reconstruction's torques in jbullet and in our engine.",
        subcommands = {PhysicsReplayCommand.class})
public final class PhysicsCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a physics subcommand is required");
    }
}
