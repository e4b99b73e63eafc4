package org.physrec.app.train;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Strict reading of the meta-training YAML configs: snake_case keys, unknown or missing fields
 * rejected, and every error prefixed with the file.
 */
public final class YamlConfig {

    /** A config record that checks its own fields, throwing with the field's name. */
    public interface Validated {
        void validate();
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);

    private YamlConfig() {
    }

    /** @throws IllegalArgumentException naming the file and the bad field */
    public static <T extends Validated> T read(Path file, Class<T> type) throws IOException {
        if (!Files.exists(file)) {
            throw new IllegalArgumentException(file + ": training config not found");
        }
        T c;
        try {
            c = YAML.readValue(file.toFile(), type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(file + ": " + e.getOriginalMessage(), e);
        }
        try {
            c.validate();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
        return c;
    }
}
