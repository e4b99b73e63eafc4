package org.physrec.datasets.numpy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Decodes the numeric numpy dtypes found in dataset files (float16/32/64, signed/unsigned ints, bool). */
final class DType {

    private DType() {
    }

    /** Normalises a descr like "f4", "<f8", "float32" to "&lt;f4" form; throws for unsupported types. */
    static String normalise(String descr) {
        String d = descr.trim();
        switch (d) {
            case "float64": case "double": return "<f8";
            case "float32": return "<f4";
            case "float16": return "<f2";
            case "int64": return "<i8";
            case "int32": return "<i4";
            case "int16": return "<i2";
            case "int8": return "|i1";
            case "uint8": return "|u1";
            case "bool": return "|b1";
            default: break;
        }
        char first = d.isEmpty() ? ' ' : d.charAt(0);
        if (first != '<' && first != '>' && first != '|' && first != '=') {
            d = (d.endsWith("1") ? "|" : "<") + d;
        }
        if (d.charAt(0) == '=') {
            d = "<" + d.substring(1);
        }
        String kind = d.substring(1);
        switch (kind) {
            case "f2": case "f4": case "f8": case "i1": case "i2": case "i4": case "i8": case "u1": case "u2": case "u4":
            case "u8": case "b1":
                return d;
            default:
                throw new IllegalArgumentException("dtype: unsupported numpy dtype '" + descr
                        + "' (expected float, int or bool)");
        }
    }

    static int itemSize(String norm) {
        return Integer.parseInt(norm.substring(2));
    }

    /** Decodes {@code count} items starting at the buffer's position. */
    static double[] decode(ByteBuffer buf, String norm, int count) {
        ByteBuffer b = buf.slice().order(norm.charAt(0) == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        double[] out = new double[count];
        switch (norm.substring(1)) {
            case "f8": b.asDoubleBuffer().get(out); break;
            case "f4": {
                float[] f = new float[count];
                b.asFloatBuffer().get(f);
                for (int i = 0; i < count; i++) {
                    out[i] = f[i];
                }
                break;
            }
            case "f2": for (int i = 0; i < count; i++) { out[i] = half(b.getShort(2 * i)); } break;
            case "i8": for (int i = 0; i < count; i++) { out[i] = b.getLong(8 * i); } break;
            case "i4": for (int i = 0; i < count; i++) { out[i] = b.getInt(4 * i); } break;
            case "i2": for (int i = 0; i < count; i++) { out[i] = b.getShort(2 * i); } break;
            case "i1": for (int i = 0; i < count; i++) { out[i] = b.get(i); } break;
            case "u8": for (int i = 0; i < count; i++) { out[i] = unsigned(b.getLong(8 * i)); } break;
            case "u4": for (int i = 0; i < count; i++) { out[i] = b.getInt(4 * i) & 0xffffffffL; } break;
            case "u2": for (int i = 0; i < count; i++) { out[i] = b.getShort(2 * i) & 0xffff; } break;
            case "u1": case "b1": for (int i = 0; i < count; i++) { out[i] = b.get(i) & 0xff; } break;
            default: throw new IllegalArgumentException("dtype: unsupported " + norm);
        }
        return out;
    }

    /** IEEE 754 binary16 to double. */
    static double half(short bits) {
        int h = bits & 0xffff;
        int sign = (h >>> 15) != 0 ? -1 : 1;
        int exp = (h >>> 10) & 0x1f;
        int mant = h & 0x3ff;
        if (exp == 0) {
            return sign * mant * Math.pow(2, -24);
        }
        if (exp == 31) {
            return mant == 0 ? sign * Double.POSITIVE_INFINITY : Double.NaN;
        }
        return sign * (1 + mant / 1024.0) * Math.pow(2, exp - 15);
    }

    private static double unsigned(long v) {
        return v >= 0 ? v : (double) (v >>> 1) * 2 + (v & 1);
    }

    /** Reorders a Fortran-ordered (column-major) array into C order. */
    static double[] fortranToC(double[] f, int[] shape) {
        int n = f.length;
        double[] c = new double[n];
        int[] idx = new int[shape.length];
        for (int fi = 0; fi < n; fi++) {
            int ci = 0;
            for (int a = 0; a < shape.length; a++) {
                ci = ci * shape[a] + idx[a];
            }
            c[ci] = f[fi];
            for (int a = 0; a < shape.length; a++) { // Fortran order: first index fastest
                if (++idx[a] < shape[a]) {
                    break;
                }
                idx[a] = 0;
            }
        }
        return c;
    }
}
