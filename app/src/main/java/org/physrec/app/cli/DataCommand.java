package org.physrec.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Group of the data commands ({@code physrec data ...}). */
@Command(name = "data", mixinStandardHelpOptions = true,
        description = "Inspect, list and convert keypoint files and datasets.",
        subcommands = {org.physrec.app.data.DataInfoCommand.class, org.physrec.app.data.DataListCommand.class,
                org.physrec.app.data.DataConvertCommand.class, org.physrec.app.data.DataExtractCommand.class})
public final class DataCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a data subcommand is required");
    }
}
