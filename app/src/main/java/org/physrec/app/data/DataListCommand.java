package org.physrec.app.data;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.physrec.datasets.validation.TableCheck;
import org.physrec.datasets.validation.ValidationTable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code physrec data list --table NAME --root DIR}: which sequences of a table a local copy holds. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the sequences of a validation table and whether a local dataset copy holds them. "
                + "Tables: h36m-validation, h36m-test, aist-test, or a YAML file.")
public final class DataListCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--table", required = true, description = "Table name or YAML file.")
    String table;

    @Option(names = "--root", description = "Dataset folder: Human3.6M release root, folder with data_3d_h36m.npz, "
            + "or AIST++ annotation folder. Without it the table is only printed.")
    Path root;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        ValidationTable t = ValidationTable.load(table);
        var w = spec.commandLine().getOut();
        if (root == null) {
            w.println(t.name() + " (" + t.dataset() + "): " + t.entries().size() + " sequences");
            t.entries().forEach(e -> w.println("  " + e.label()));
            w.flush();
            return 0;
        }
        List<TableCheck.Status> st = TableCheck.check(t, root);
        long found = st.stream().filter(TableCheck.Status::found).count();
        if (json) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (TableCheck.Status s : st) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("entry", s.entry().label());
                m.put("found", s.found());
                m.put("resolved", s.resolved());
                m.put("frames", s.frames());
                m.put("note", s.note());
                rows.add(m);
            }
            Map<String, Object> outMap = new LinkedHashMap<>();
            outMap.put("table", t.name());
            outMap.put("root", root.toString());
            outMap.put("found", found);
            outMap.put("missing", st.size() - found);
            outMap.put("entries", rows);
            w.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(outMap));
        } else {
            w.println(t.name() + " in " + root + ": " + found + " found, " + (st.size() - found) + " missing");
            for (TableCheck.Status s : st) {
                w.println((s.found() ? "  found    " : "  MISSING  ") + s.entry().label() + "  -- " + s.note());
            }
        }
        w.flush();
        return 0;
    }
}
