package org.physrec.optim.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Names, shapes and offsets of all tensors of a network packed into one flat {@code float[]}.
 * Meta-training perturbs and updates that single array; layers read their weights through the
 * offsets. Tensors are stored row-major; a linear layer's weight has shape (in × out).
 */
public final class ParamLayout {

    /** One tensor: its name, shape and start offset in the flat array. */
    public record Entry(String name, int[] shape, int offset, int size) {
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private int size;

    /** Appends a tensor and returns its offset. */
    public int add(String name, int... shape) {
        if (entries.containsKey(name)) {
            throw new IllegalArgumentException("duplicate tensor name: " + name);
        }
        int n = 1;
        for (int d : shape) {
            if (d <= 0) {
                throw new IllegalArgumentException("tensor " + name + ": non-positive dimension " + d);
            }
            n *= d;
        }
        Entry e = new Entry(name, shape.clone(), size, n);
        entries.put(name, e);
        size += n;
        return e.offset;
    }

    /** Total number of floats. */
    public int size() {
        return size;
    }

    /** The named tensor; throws naming it if absent. */
    public Entry get(String name) {
        Entry e = entries.get(name);
        if (e == null) {
            throw new IllegalArgumentException("no tensor named " + name);
        }
        return e;
    }

    public int offset(String name) {
        return get(name).offset;
    }

    /** Tensors in layout order. */
    public List<Entry> entries() {
        return Collections.unmodifiableList(new ArrayList<>(entries.values()));
    }
}
