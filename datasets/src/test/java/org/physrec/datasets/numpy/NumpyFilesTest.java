package org.physrec.datasets.numpy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.physrec.datasets.DataFormatException;

/**
 * Reads files written once by Python numpy 2.4.6 (test resources): pickles of protocols 2, 4 and
 * 5 (protocol 5 uses {@code numpy._core.numeric._frombuffer} with an in-band bytearray), npz with
 * a pickled dict (stored and deflated), a Fortran-ordered and a big-endian .npy. Expected values
 * are the formulas that made them: a = arange(24).reshape(2,3,4)/8 (float32), b = Fortran
 * arange(6).reshape(3,2)*1.5, c = arange(5)-2 (int64), h = [0.5, -2, 65504] (float16).
 */
class NumpyFilesTest {

    @TempDir
    Path tmp;

    static Path resource(String name) throws URISyntaxException {
        return Path.of(NumpyFilesTest.class.getResource(name).toURI());
    }

    static double[] a() {
        double[] v = new double[24];
        for (int i = 0; i < 24; i++) {
            v[i] = i / 8.0;
        }
        return v;
    }

    static double[] bC() {
        double[] v = new double[6];
        for (int i = 0; i < 6; i++) {
            v[i] = i * 1.5; // C order of arange(6).reshape(3,2)
        }
        return v;
    }

    @Test
    void picklesOfEveryProtocolGiveTheSameArrays() throws Exception {
        for (int proto : new int[] {2, 4, 5}) {
            Object o = NumpyPickle.load(resource("numpy2_protocol" + proto + ".pkl"));
            Map<?, ?> m = (Map<?, ?>) o;
            NdArray a = (NdArray) m.get("a");
            assertArrayEquals(new int[] {2, 3, 4}, a.shape(), "protocol " + proto);
            assertArrayEquals(a(), a.data(), 0, "protocol " + proto);
            NdArray b = (NdArray) m.get("b");
            assertArrayEquals(new int[] {3, 2}, b.shape());
            assertArrayEquals(bC(), b.data(), 0, "Fortran order converted, protocol " + proto);
            assertArrayEquals(new double[] {-2, -1, 0, 1, 2}, ((NdArray) m.get("c")).data(), 0);
            assertArrayEquals(new double[] {0.5, -2, 65504}, ((NdArray) m.get("h")).data(), 0);
            List<?> list = (List<?>) ((Map<?, ?>) m.get("nested")).get("list");
            assertArrayEquals(java.util.Arrays.copyOf(a(), 12), ((NdArray) list.get(0)).data(), 0);
            assertEquals(3, ((Number) list.get(1)).intValue());
        }
    }

    @Test
    void npzWithPickledDictStoredAndDeflated() throws Exception {
        for (String f : new String[] {"vp3d_like.npz", "vp3d_like_compressed.npz"}) {
            Map<String, Object> npz = Npy.readNpz(resource(f));
            NdArray w = (NdArray) ((Map<?, ?>) ((Map<?, ?>) npz.get("positions_3d")).get("S1")).get("Walking");
            assertArrayEquals(a(), w.data(), 0, f);
            assertArrayEquals(bC(), ((NdArray) npz.get("plain")).data(), 0, f);
        }
    }

    @Test
    void fortranAndBigEndianNpy() throws Exception {
        NdArray f = (NdArray) Npy.readNpy(resource("fortran.npy"));
        assertArrayEquals(bC(), f.data(), 0);
        NdArray be = (NdArray) Npy.readNpy(resource("bigendian.npy"));
        assertEquals(">f8", be.dtype());
        assertArrayEquals(new double[] {0, 0.25, 0.5, 0.75}, be.data(), 0);
    }

    @Test
    void truncatedAndForeignFilesAreReported() throws Exception {
        byte[] good = Files.readAllBytes(resource("fortran.npy"));
        Path f = tmp.resolve("t.npy");
        Files.write(f, java.util.Arrays.copyOf(good, good.length - 8));
        DataFormatException e = assertThrows(DataFormatException.class, () -> Npy.readNpy(f));
        assertTrue(e.getMessage().contains("truncated data: shape [3, 2] needs 48 bytes"), e.getMessage());
        Files.writeString(f, "PK not numpy");
        e = assertThrows(DataFormatException.class, () -> Npy.readNpy(f));
        assertTrue(e.getMessage().contains("bad magic"), e.getMessage());
        byte[] pkl = Files.readAllBytes(resource("numpy2_protocol4.pkl"));
        Files.write(f, java.util.Arrays.copyOf(pkl, pkl.length / 3));
        e = assertThrows(DataFormatException.class, () -> NumpyPickle.load(f));
        assertTrue(e.getMessage().startsWith(f.toString()) && e.getMessage().contains("truncated or corrupt"), e.getMessage());
    }

    @Test
    void halfPrecisionDecoding() {
        assertEquals(1.0, DType.half((short) 0x3c00));
        assertEquals(-2.0, DType.half((short) 0xc000));
        assertEquals(Math.pow(2, -24), DType.half((short) 0x0001)); // smallest subnormal
        assertTrue(Double.isNaN(DType.half((short) 0x7e00)));
        assertThrows(IllegalArgumentException.class, () -> DType.normalise("<c16"));
    }

}
