package org.physrec.app.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The published Human3.6M anchor numbers, read from the resource {@code h36m-anchors.json}. */
public final class Anchors {

    private static final String RESOURCE = "h36m-anchors.json";

    private Anchors() {
    }

    /** Anchors in table order (diffphy-spec §5.3); protocols differ between rows. */
    public static List<Anchor> h36m() {
        try (InputStream in = Anchors.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " missing from the class path");
            }
            JsonNode root = new ObjectMapper().readTree(in);
            List<Anchor> out = new ArrayList<>();
            for (JsonNode n : root.path("anchors")) {
                out.add(new Anchor(n.path("method").asText(), n.path("physics").asBoolean(), num(n, "mpjpe"),
                        num(n, "mpjpe_g"), num(n, "pa_mpjpe"), n.path("other").asText(""), n.path("source").asText()));
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException("reading resource " + RESOURCE, e);
        }
    }

    private static double num(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? Double.NaN : v.asDouble();
    }
}
