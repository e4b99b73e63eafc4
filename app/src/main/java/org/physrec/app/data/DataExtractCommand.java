package org.physrec.app.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.physrec.datasets.Sequence;
import org.physrec.datasets.validation.TableCheck;
import org.physrec.datasets.validation.TableSequences;
import org.physrec.datasets.validation.ValidationTable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code physrec data extract --table NAME --root DIR --out DIR}: one physrec file per table entry found. */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Write every sequence of a validation table that a local copy holds as physrec JSON (or CSV): "
                + "only the entry's camera and frames, at the table's frame rate. Missing entries are listed, not written.")
public final class DataExtractCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--table", required = true, description = "Table name or YAML file.")
    String table;

    @Option(names = "--root", required = true, description = "Dataset folder (as for `physrec data list`).")
    Path root;

    @Option(names = "--out", required = true, description = "Output folder.")
    Path out;

    @Option(names = "--csv", description = "Write CSV instead of JSON.")
    boolean csv;

    @Override
    public Integer call() throws Exception {
        ValidationTable t = ValidationTable.load(table);
        List<TableCheck.Status> st = TableCheck.check(t, root);
        TableSequences loader = new TableSequences(t, root);
        Files.createDirectories(out);
        var w = spec.commandLine().getOut();
        int written = 0;
        for (TableCheck.Status s : st) {
            if (!s.found()) {
                w.println("  missing  " + s.entry().label() + "  -- " + s.note());
                continue;
            }
            Sequence seq = loader.load(s.entry());
            String name = (s.entry().subject() == null ? "" : s.entry().subject() + "_") + s.entry().sequence()
                    + (s.entry().camera() == null ? "" : "_" + s.entry().camera());
            Path file = out.resolve(SequenceFiles.safeName(name) + (csv ? ".csv" : ".json"));
            SequenceFiles.write(seq, file);
            written++;
            w.println("  wrote    " + file + " (" + seq.frames() + " frames @ " + seq.fps() + " fps)");
        }
        w.println(t.name() + ": wrote " + written + ", missing " + (st.size() - written));
        w.flush();
        return 0;
    }
}
