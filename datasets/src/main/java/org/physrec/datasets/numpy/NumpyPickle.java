package org.physrec.datasets.numpy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.razorvine.pickle.IObjectConstructor;
import net.razorvine.pickle.Unpickler;
import org.physrec.datasets.DataFormatException;

/**
 * Unpickles Python pickles that hold numpy arrays (AIST++ {@code .pkl}, the object arrays inside
 * VideoPose3D {@code .npz}). net.razorvine pickle cannot build ndarrays itself; this shim registers
 * constructors for numpy's {@code _reconstruct}, {@code dtype}, {@code _frombuffer} and
 * {@code scalar} (numpy 1.x {@code numpy.core} and 2.x {@code numpy._core} names) and turns the
 * result into {@link NdArray}s. Object arrays become a {@code List} (a 0-d one its only element).
 * Dicts are {@code Map}, lists {@code List}, tuples {@code Object[]}.
 */
public final class NumpyPickle {

    static {
        for (String core : new String[] {"numpy.core", "numpy._core"}) {
            Unpickler.registerConstructor(core + ".multiarray", "_reconstruct", args -> new PickledArray());
            Unpickler.registerConstructor(core + ".multiarray", "scalar", NumpyPickle::scalar);
            Unpickler.registerConstructor(core + ".numeric", "_frombuffer", NumpyPickle::fromBuffer);
        }
        Unpickler.registerConstructor("numpy", "dtype", (IObjectConstructor) args -> new PickledDType(String.valueOf(args[0])));
    }

    private NumpyPickle() {
    }

    /** Unpickles a whole file. */
    public static Object load(Path file) throws IOException {
        return loads(file, "pickle", Files.readAllBytes(file));
    }

    /** Unpickles bytes; {@code file} and {@code field} name the source in errors. */
    public static Object loads(Path file, String field, byte[] bytes) throws DataFormatException {
        Object raw;
        try {
            raw = new Unpickler().loads(bytes);
        } catch (IOException | RuntimeException e) {
            throw new DataFormatException(file, "entry '" + field + "': not a readable pickle (truncated or corrupt?): "
                    + e, e);
        }
        try {
            return convert(raw);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new DataFormatException(file, "entry '" + field + "': " + e.getMessage(), e);
        }
    }

    private static Object convert(Object o) {
        if (o instanceof PickledArray a) {
            return a.toValue();
        }
        if (o instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                out.put(e.getKey(), convert(e.getValue()));
            }
            return out;
        }
        if (o instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object x : l) {
                out.add(convert(x));
            }
            return out;
        }
        if (o instanceof Object[] t) {
            Object[] out = new Object[t.length];
            for (int i = 0; i < t.length; i++) {
                out[i] = convert(t[i]);
            }
            return out;
        }
        return o;
    }

    private static Object scalar(Object[] args) {
        PickledDType dt = (PickledDType) args[0];
        byte[] b = bytes(args[1]);
        return DType.decode(ByteBuffer.wrap(b), dt.normalised(), 1)[0];
    }

    private static Object fromBuffer(Object[] args) {
        PickledArray a = new PickledArray();
        a.dtype = (PickledDType) args[1];
        a.shape = ints(args[2]);
        a.fortran = "F".equals(String.valueOf(args[3]));
        a.raw = bytes(args[0]);
        return a;
    }

    private static byte[] bytes(Object o) {
        if (o instanceof byte[] b) {
            return b;
        }
        if (o instanceof String s) { // protocol-2 pickles carry bytes as latin-1 text
            return s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        throw new IllegalArgumentException("array data: expected bytes, got " + (o == null ? "None" : o.getClass().getSimpleName()));
    }

    private static int[] ints(Object o) {
        Object[] t = o instanceof Object[] a ? a : o instanceof List<?> l ? l.toArray() : new Object[] {o};
        int[] s = new int[t.length];
        for (int i = 0; i < t.length; i++) {
            s[i] = ((Number) t[i]).intValue();
        }
        return s;
    }

    /** numpy.dtype as unpickled: a type code plus, after BUILD, the byte order. */
    public static final class PickledDType {
        private final String code;
        private String order = "<";

        PickledDType(String code) {
            this.code = code;
        }

        /** Called by the unpickler with numpy's dtype state tuple (version, byteorder, ...). */
        public void __setstate__(Object[] state) {
            if (state.length > 1 && state[1] instanceof String s) {
                order = s;
            }
        }

        boolean isObject() {
            return code.equals("O8") || code.equals("O4") || code.equals("O");
        }

        String normalised() {
            String o = order.equals("=") ? "<" : order;
            return DType.normalise(o + code);
        }
    }

    /** An ndarray while being unpickled. */
    public static final class PickledArray {
        int[] shape;
        PickledDType dtype;
        boolean fortran;
        byte[] raw;
        List<?> objects;

        /** Called by the unpickler with (version, shape, dtype, is_fortran, data). */
        public void __setstate__(Object[] state) {
            int o = state.length == 5 ? 1 : 0; // version field is optional in old pickles
            shape = ints(state[o]);
            dtype = (PickledDType) state[o + 1];
            fortran = Boolean.TRUE.equals(state[o + 2]);
            Object data = state[o + 3];
            if (data instanceof List<?> l) {
                objects = l;
            } else {
                raw = bytes(data);
            }
        }

        Object toValue() {
            if (dtype == null) {
                throw new IllegalStateException("ndarray without state in pickle");
            }
            long n = 1;
            for (int s : shape) {
                n *= s;
            }
            if (dtype.isObject()) {
                List<Object> items = new ArrayList<>();
                for (Object x : objects) {
                    items.add(convert(x));
                }
                if (items.size() != n) {
                    throw new IllegalArgumentException("object array: shape needs " + n + " items, got " + items.size());
                }
                return shape.length == 0 ? items.get(0) : items;
            }
            String dt = dtype.normalised();
            long need = n * DType.itemSize(dt);
            if (raw == null || raw.length < need) {
                throw new IllegalArgumentException("ndarray " + java.util.Arrays.toString(shape) + " " + dt + ": needs "
                        + need + " bytes, pickle holds " + (raw == null ? 0 : raw.length) + " (truncated?)");
            }
            double[] data = DType.decode(ByteBuffer.wrap(raw), dt, (int) n);
            if (fortran && shape.length > 1) {
                data = DType.fortranToC(data, shape);
            }
            return new NdArray(shape, dt, data);
        }
    }
}
