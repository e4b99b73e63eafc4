package org.physrec.optim.learned;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.physrec.optim.nn.ParamLayout;

/**
 * A trained learned optimizer: its architecture and θ. Stored as {@code <name>.json} (the
 * architecture config, readable by anyone) beside {@code <name>.safetensors} (one F32 tensor
 * per layout entry). Shipped checkpoints live on the classpath under {@code /weights/} and are
 * loaded by {@code kind:name} (e.g. {@code optimus:functions}); others by the path of their JSON.
 *
 * @param arch   the architecture
 * @param params θ, laid out by {@code arch.layout()}
 */
public record Checkpoint(LearnedOptimizer arch, float[] params) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Architecture from a config map (field {@code kind} selects it). */
    public static LearnedOptimizer architecture(Map<String, Object> config) {
        Object kind = Configs.required(config, "kind");
        if (AdafactorMlp.KIND.equals(kind)) {
            return AdafactorMlp.fromConfig(config);
        }
        if (Optimus.KIND.equals(kind)) {
            return Optimus.fromConfig(config);
        }
        throw new IllegalArgumentException("config: unknown learned optimizer kind '" + kind + "'");
    }

    /** Writes {@code base.json} and {@code base.safetensors} (base without extension), atomically each. */
    public void save(Path base, Map<String, String> metadata) throws IOException {
        Map<String, Safetensors.Tensor> tensors = new LinkedHashMap<>();
        for (ParamLayout.Entry e : arch.layout().entries()) {
            tensors.put(e.name(), new Safetensors.Tensor(e.shape(),
                    Arrays.copyOfRange(params, e.offset(), e.offset() + e.size())));
        }
        Safetensors.write(sibling(base, ".safetensors"), tensors, metadata);
        Path json = sibling(base, ".json");
        AtomicBytes.write(json, JSON.writeValueAsBytes(arch.config()));
    }

    /** Loads from {@code base.json} + {@code base.safetensors}; {@code base} may also name the .json file. */
    public static Checkpoint load(Path base) throws IOException {
        String s = base.toString();
        if (s.endsWith(".json")) {
            base = Path.of(s.substring(0, s.length() - 5));
        }
        Path json = sibling(base, ".json");
        Path weights = sibling(base, ".safetensors");
        if (!Files.exists(json)) {
            throw new IllegalArgumentException(json + ": checkpoint config not found");
        }
        if (!Files.exists(weights)) {
            throw new IllegalArgumentException(weights + ": checkpoint weights not found");
        }
        return fromBytes(Files.readAllBytes(json), json.toString(), Files.readAllBytes(weights), weights.toString());
    }

    /** Loads a shipped checkpoint {@code /weights/<kind>-<name>.{json,safetensors}} from the classpath. */
    public static Checkpoint loadResource(String kind, String name) throws IOException {
        String base = "/weights/" + kind.replace('_', '-') + "-" + name;
        byte[] json = resource(base + ".json", kind, name);
        byte[] weights = resource(base + ".safetensors", kind, name);
        return fromBytes(json, "classpath:" + base + ".json", weights, "classpath:" + base + ".safetensors");
    }

    private static byte[] resource(String path, String kind, String name) throws IOException {
        try (InputStream in = Checkpoint.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no shipped checkpoint " + kind + ":" + name + " (" + path + " missing)");
            }
            return in.readAllBytes();
        }
    }

    static Checkpoint fromBytes(byte[] json, String jsonSource, byte[] weights, String weightsSource) {
        Map<String, Object> config;
        try {
            config = JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (IOException e) {
            throw new IllegalArgumentException(jsonSource + ": corrupt config JSON: " + e.getMessage(), e);
        }
        LearnedOptimizer arch;
        try {
            arch = architecture(config);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(jsonSource + ": " + e.getMessage(), e);
        }
        Safetensors.Contents c = Safetensors.parse(weights, weightsSource);
        return new Checkpoint(arch, assemble(arch.layout(), c.tensors(), weightsSource, jsonSource));
    }

    /** Packs named tensors into θ, failing with the tensor's name on anything missing, extra, mis-shaped or non-finite. */
    public static float[] assemble(ParamLayout layout, Map<String, Safetensors.Tensor> tensors, String source,
                                   String configSource) {
        float[] theta = new float[layout.size()];
        for (ParamLayout.Entry e : layout.entries()) {
            Safetensors.Tensor t = tensors.get(e.name());
            if (t == null) {
                throw new IllegalArgumentException(source + ": missing tensor " + e.name() + " required by "
                        + configSource + " (shape " + Arrays.toString(e.shape()) + ")");
            }
            if (!Arrays.equals(t.shape(), e.shape())) {
                throw new IllegalArgumentException(source + ": tensor " + e.name() + " has shape "
                        + Arrays.toString(t.shape()) + " but " + configSource + " requires " + Arrays.toString(e.shape()));
            }
            for (int i = 0; i < t.data().length; i++) {
                if (!Float.isFinite(t.data()[i])) {
                    throw new IllegalArgumentException(source + ": tensor " + e.name() + " element " + i + " is "
                            + t.data()[i]);
                }
            }
            System.arraycopy(t.data(), 0, theta, e.offset(), e.size());
        }
        for (String name : tensors.keySet()) {
            boolean known = layout.entries().stream().anyMatch(e -> e.name().equals(name));
            if (!known) {
                throw new IllegalArgumentException(source + ": unexpected tensor " + name + " not in the architecture of "
                        + configSource);
            }
        }
        return theta;
    }

    private static Path sibling(Path base, String ext) {
        return base.resolveSibling(base.getFileName().toString() + ext);
    }
}
