package org.physrec.optim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Immutable map from command-line names to optimizer factories. Extend with {@link #with},
 * which returns a copy, so learned optimizers join the classical ones without global state.
 */
public final class OptimizerRegistry {

    private final Map<String, Supplier<? extends Optimizer<?>>> factories;

    private OptimizerRegistry(Map<String, Supplier<? extends Optimizer<?>>> factories) {
        this.factories = Collections.unmodifiableMap(factories);
    }

    /** A registry with no optimizers. */
    public static OptimizerRegistry empty() {
        return new OptimizerRegistry(new LinkedHashMap<>());
    }

    /**
     * A copy with one more optimizer.
     *
     * @param name    lower-case name, letters, digits, '-' or '_'
     * @throws IllegalArgumentException if the name is malformed or already registered
     */
    public OptimizerRegistry with(String name, Supplier<? extends Optimizer<?>> factory) {
        if (name == null || !name.matches("[a-z0-9_-]+")) {
            throw new IllegalArgumentException("name: expected lower-case letters, digits, '-' or '_', got '" + name + "'");
        }
        if (factories.containsKey(name)) {
            throw new IllegalArgumentException("name: optimizer '" + name + "' is already registered");
        }
        Map<String, Supplier<? extends Optimizer<?>>> copy = new LinkedHashMap<>(factories);
        copy.put(name, java.util.Objects.requireNonNull(factory, "factory"));
        return new OptimizerRegistry(copy);
    }

    /**
     * A new optimizer by name (case-insensitive).
     *
     * @throws IllegalArgumentException naming the unknown name and listing the known ones
     */
    public Optimizer<?> byName(String name) {
        Supplier<? extends Optimizer<?>> factory = name == null ? null : factories.get(name.trim().toLowerCase(java.util.Locale.ROOT));
        if (factory == null) {
            throw new IllegalArgumentException("unknown optimizer '" + name + "'; known: " + String.join(", ", names()));
        }
        return factory.get();
    }

    /** The registered names, in registration order. */
    public List<String> names() {
        return List.copyOf(factories.keySet());
    }

    public boolean contains(String name) {
        return name != null && factories.containsKey(name.trim().toLowerCase(java.util.Locale.ROOT));
    }
}
