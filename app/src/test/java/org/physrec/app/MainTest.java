package org.physrec.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.physrec.app.cli.Main;
import picocli.CommandLine;

class MainTest {

    private static int run(StringWriter out, StringWriter err, String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void helpExitsZero() {
        StringWriter out = new StringWriter();
        assertEquals(0, run(out, new StringWriter(), "--help"));
        assertTrue(out.toString().contains("bench"), out.toString());
    }

    @Test
    void unknownCommandIsBadUsage() {
        StringWriter err = new StringWriter();
        assertEquals(2, run(new StringWriter(), err, "no-such-command"));
        assertTrue(err.toString().contains("no-such-command"), err.toString());
    }

    @Test
    void missingCommandIsBadUsage() {
        assertEquals(2, run(new StringWriter(), new StringWriter()));
    }
}
