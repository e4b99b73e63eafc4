package org.physrec.optim.learned;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes the safetensors format (8-byte little-endian header length, JSON header
 * mapping tensor names to dtype, shape and byte offsets, then little-endian data). Only F32
 * tensors are used. Files are written to a temporary sibling and moved into place.
 */
public final class Safetensors {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MAX_HEADER = 100L << 20;

    private Safetensors() {
    }

    /** A float tensor. */
    public record Tensor(int[] shape, float[] data) {
    }

    /** A file's tensors in header order plus its {@code __metadata__} strings. */
    public record Contents(Map<String, Tensor> tensors, Map<String, String> metadata) {
    }

    public static void write(Path file, Map<String, Tensor> tensors, Map<String, String> metadata) throws IOException {
        Map<String, Object> header = new LinkedHashMap<>();
        if (!metadata.isEmpty()) {
            header.put("__metadata__", metadata);
        }
        long offset = 0;
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            Tensor t = e.getValue();
            long bytes = 4L * t.data.length;
            if (product(t.shape) != t.data.length) {
                throw new IllegalArgumentException("tensor " + e.getKey() + ": shape does not match its data length");
            }
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("dtype", "F32");
            h.put("shape", t.shape);
            h.put("data_offsets", new long[] {offset, offset + bytes});
            header.put(e.getKey(), h);
            offset += bytes;
        }
        byte[] json = JSON.writeValueAsBytes(header);
        int pad = (8 - json.length % 8) % 8;
        ByteBuffer buf = ByteBuffer.allocate((int) (8 + json.length + pad + offset)).order(ByteOrder.LITTLE_ENDIAN);
        buf.putLong(json.length + pad);
        buf.put(json);
        for (int i = 0; i < pad; i++) {
            buf.put((byte) ' ');
        }
        for (Tensor t : tensors.values()) {
            for (float v : t.data) {
                buf.putFloat(v);
            }
        }
        AtomicBytes.write(file, buf.array());
    }

    public static Contents read(Path file) throws IOException {
        return parse(Files.readAllBytes(file), file.toString());
    }

    /** Parses safetensors bytes; {@code source} names the file in errors. */
    public static Contents parse(byte[] bytes, String source) {
        if (bytes.length < 8) {
            throw new IllegalArgumentException(source + ": not a safetensors file (" + bytes.length + " bytes)");
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long headerLen = buf.getLong();
        if (headerLen <= 0 || headerLen > MAX_HEADER || 8 + headerLen > bytes.length) {
            throw new IllegalArgumentException(source + ": corrupt safetensors header length " + headerLen
                    + " for a file of " + bytes.length + " bytes");
        }
        Map<String, Object> header;
        try {
            header = JSON.readValue(new String(bytes, 8, (int) headerLen, StandardCharsets.UTF_8),
                    new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (IOException e) {
            throw new IllegalArgumentException(source + ": corrupt safetensors JSON header: " + e.getMessage(), e);
        }
        long dataStart = 8 + headerLen;
        long dataLen = bytes.length - dataStart;
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        Map<String, String> metadata = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : header.entrySet()) {
            String name = e.getKey();
            if (name.equals("__metadata__")) {
                if (e.getValue() instanceof Map<?, ?> m) {
                    m.forEach((k, v) -> metadata.put(String.valueOf(k), String.valueOf(v)));
                }
                continue;
            }
            if (!(e.getValue() instanceof Map<?, ?> h)) {
                throw new IllegalArgumentException(source + ": tensor " + name + ": header entry is not an object");
            }
            if (!"F32".equals(h.get("dtype"))) {
                throw new IllegalArgumentException(source + ": tensor " + name + ": dtype " + h.get("dtype")
                        + " not supported (expected F32)");
            }
            int[] shape = ints(h.get("shape"), source, name, "shape");
            long[] off = longs(h.get("data_offsets"), source, name);
            long n = product(shape);
            if (off[0] < 0 || off[1] < off[0] || off[1] > dataLen || off[1] - off[0] != 4 * n) {
                throw new IllegalArgumentException(source + ": tensor " + name + ": data_offsets [" + off[0] + ", "
                        + off[1] + "] do not fit shape " + java.util.Arrays.toString(shape) + " in " + dataLen
                        + " data bytes (truncated or corrupt file)");
            }
            float[] data = new float[(int) n];
            ByteBuffer d = ByteBuffer.wrap(bytes, (int) (dataStart + off[0]), (int) (4 * n)).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < n; i++) {
                data[i] = d.getFloat();
            }
            tensors.put(name, new Tensor(shape, data));
        }
        return new Contents(tensors, metadata);
    }

    private static long product(int[] shape) {
        long n = 1;
        for (int s : shape) {
            n *= s;
        }
        return n;
    }

    private static int[] ints(Object o, String source, String name, String field) {
        if (!(o instanceof List<?> l)) {
            throw new IllegalArgumentException(source + ": tensor " + name + ": missing " + field);
        }
        int[] r = new int[l.size()];
        for (int i = 0; i < r.length; i++) {
            if (!(l.get(i) instanceof Number num) || num.intValue() < 0) {
                throw new IllegalArgumentException(source + ": tensor " + name + ": bad " + field + " " + l);
            }
            r[i] = num.intValue();
        }
        return r;
    }

    private static long[] longs(Object o, String source, String name) {
        if (!(o instanceof List<?> l) || l.size() != 2) {
            throw new IllegalArgumentException(source + ": tensor " + name + ": missing data_offsets");
        }
        List<Long> r = new ArrayList<>();
        for (Object x : l) {
            if (!(x instanceof Number num)) {
                throw new IllegalArgumentException(source + ": tensor " + name + ": bad data_offsets " + l);
            }
            r.add(num.longValue());
        }
        return new long[] {r.get(0), r.get(1)};
    }
}
