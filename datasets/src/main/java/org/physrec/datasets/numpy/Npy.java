package org.physrec.datasets.numpy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.physrec.datasets.DataFormatException;

/**
 * Reads numpy {@code .npy} (format 1.0-3.0) and {@code .npz} (zip of .npy, stored or deflated).
 * Numeric arrays become {@link NdArray}s (Fortran order converted to C order); object arrays
 * ({@code allow_pickle=True}, e.g. VideoPose3D's dicts) are unpickled with {@link NumpyPickle}.
 */
public final class Npy {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private Npy() {
    }

    /**
     * All entries of an .npz, keyed by name without ".npy". Values are {@link NdArray} for numeric
     * arrays and the unpickled object (Map, List, NdArray...) for 0-d object arrays.
     */
    public static Map<String, Object> readNpz(Path file) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> en = zip.entries();
            while (en.hasMoreElements()) {
                ZipEntry e = en.nextElement();
                String key = e.getName().endsWith(".npy") ? e.getName().substring(0, e.getName().length() - 4) : e.getName();
                byte[] bytes;
                try (InputStream in = zip.getInputStream(e)) {
                    bytes = in.readAllBytes();
                } catch (ZipException | java.io.EOFException ex) {
                    throw new DataFormatException(file, "entry '" + e.getName() + "': corrupt or truncated ("
                            + ex.getMessage() + ")", ex);
                }
                out.put(key, parse(file, key, bytes));
            }
        } catch (ZipException e) {
            throw new DataFormatException(file, "not a valid .npz (zip) file, truncated or corrupt: " + e.getMessage(), e);
        }
        return out;
    }

    /** One .npy file. */
    public static Object readNpy(Path file) throws IOException {
        return parse(file, "array", java.nio.file.Files.readAllBytes(file));
    }

    /** Parses .npy bytes; {@code field} names the entry in errors. */
    public static Object parse(Path file, String field, byte[] bytes) throws DataFormatException {
        if (bytes.length < 10 || !java.util.Arrays.equals(java.util.Arrays.copyOf(bytes, 6), MAGIC)) {
            throw new DataFormatException(file, "entry '" + field + "': not a .npy array (bad magic)");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int major = bytes[6];
        int headerLen;
        int start;
        if (major == 1) {
            headerLen = b.getShort(8) & 0xffff;
            start = 10;
        } else if (major == 2 || major == 3) {
            headerLen = b.getInt(8);
            start = 12;
        } else {
            throw new DataFormatException(file, "entry '" + field + "': unsupported .npy version " + major);
        }
        if (headerLen < 0 || start + headerLen > bytes.length) {
            throw new DataFormatException(file, "entry '" + field + "': truncated .npy header");
        }
        String header = new String(bytes, start, headerLen, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        String descr = group(file, field, DESCR, header, "descr");
        boolean fortran = group(file, field, FORTRAN, header, "fortran_order").equals("True");
        int[] shape = shape(file, field, group(file, field, SHAPE, header, "shape"));
        int dataStart = start + headerLen;
        if (descr.endsWith("O")) {
            Object o = NumpyPickle.loads(file, field, java.util.Arrays.copyOfRange(bytes, dataStart, bytes.length));
            if (shape.length == 0 && o instanceof List<?> l && l.size() == 1) {
                return l.get(0);
            }
            return o;
        }
        String dt;
        try {
            dt = DType.normalise(descr);
        } catch (IllegalArgumentException e) {
            throw new DataFormatException(file, "entry '" + field + "': " + e.getMessage());
        }
        long count = 1;
        for (int s : shape) {
            count *= s;
        }
        long need = count * DType.itemSize(dt);
        if (bytes.length - dataStart < need) {
            throw new DataFormatException(file, "entry '" + field + "': truncated data: shape " + java.util.Arrays.toString(shape)
                    + " needs " + need + " bytes, file has " + (bytes.length - dataStart));
        }
        double[] data = DType.decode(ByteBuffer.wrap(bytes, dataStart, (int) need), dt, (int) count);
        if (fortran && shape.length > 1) {
            data = DType.fortranToC(data, shape);
        }
        return new NdArray(shape, dt, data);
    }

    private static String group(Path file, String field, Pattern p, String header, String key) throws DataFormatException {
        Matcher m = p.matcher(header);
        if (!m.find()) {
            throw new DataFormatException(file, "entry '" + field + "': .npy header lacks '" + key + "': " + header.trim());
        }
        return m.group(1);
    }

    private static int[] shape(Path file, String field, String s) throws DataFormatException {
        List<Integer> dims = new ArrayList<>();
        for (String part : s.split(",")) {
            String t = part.trim().replace("L", "");
            if (!t.isEmpty()) {
                try {
                    dims.add(Integer.parseInt(t));
                } catch (NumberFormatException e) {
                    throw new DataFormatException(file, "entry '" + field + "': bad shape (" + s + ")");
                }
            }
        }
        return dims.stream().mapToInt(Integer::intValue).toArray();
    }
}
