package org.physrec.app;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.physrec.app.cli.Main;
import picocli.CommandLine;

/**
 * One run of the {@code physrec} command line inside a test: the exit code and everything the
 * command wrote to its out and err streams.
 *
 * @param code the exit code (0 success, 2 usage error, ...)
 * @param out  what the command printed to its out stream
 * @param err  what the command printed to its err stream
 */
public record CliRun(int code, String out, String err) {

    /** Runs {@code physrec args...} on a fresh {@link Main#commandLine()}, capturing both streams. */
    public static CliRun run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
