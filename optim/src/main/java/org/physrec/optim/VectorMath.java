package org.physrec.optim;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;

/**
 * Vector API helpers whose results do not depend on whether HotSpot runs the intrinsic or the
 * Java fallback. {@code reduceLanes(ADD)} and {@code lanewise(EXP)} may round differently in
 * the two (tree vs sequential sums; SVML vs {@code Math.exp}), so the same optimizer run gave
 * different last bits before and after JIT compilation. Only exactly rounded lane operations
 * (add, mul, fma, conversions, shifts) are used here.
 */
public final class VectorMath {

    private static final float LOG2E = 1.44269504088896341f;
    /** ln 2 split into a part exact in float and a remainder (Cephes expf). */
    private static final float LN2_HI = 0.693359375f;
    private static final float LN2_LO = -2.12194440e-4f;
    private static final float EXP_MIN = -87.3f;
    private static final float EXP_MAX = 88.0f;
    private static final float ROUND_MAGIC = 12582912f; // 1.5·2^23
    private static final int ROUND_MAGIC_BITS = Float.floatToRawIntBits(ROUND_MAGIC);

    private VectorMath() {
    }

    /** Sum of the lanes, added in lane order. */
    public static float sumLanes(FloatVector v) {
        float s = 0f;
        for (int i = 0; i < v.length(); i++) {
            s += v.lane(i);
        }
        return s;
    }

    /** Sum of the lanes, added in lane order. */
    public static double sumLanes(DoubleVector v) {
        double s = 0.0;
        for (int i = 0; i < v.length(); i++) {
            s += v.lane(i);
        }
        return s;
    }

    /**
     * e^x per lane (Cephes expf: x = n·ln2 + r, |r| ≤ ln2/2, degree-5 polynomial; relative error
     * below 3e-7). Inputs are clamped to [-87.3, 88], so the result is finite and normal.
     */
    public static FloatVector exp(FloatVector x) {
        x = x.max(EXP_MIN).min(EXP_MAX);
        // n = round(x·log2 e): adding 1.5·2^23 rounds to an integer held in the low mantissa bits,
        // which avoids the float-to-int conversion (not intrinsified everywhere: it allocated)
        FloatVector shifted = x.fma(LOG2E, ROUND_MAGIC);
        FloatVector n = shifted.sub(ROUND_MAGIC);
        IntVector ni = shifted.reinterpretAsInts().sub(ROUND_MAGIC_BITS);
        FloatVector r = n.fma(n.broadcast(-LN2_HI), x);
        r = n.fma(n.broadcast(-LN2_LO), r);
        FloatVector p = r.fma(1.9875691500e-4f, 1.3981999507e-3f);
        p = p.fma(r, r.broadcast(8.3334519073e-3f));
        p = p.fma(r, r.broadcast(4.1665795894e-2f));
        p = p.fma(r, r.broadcast(1.6666665459e-1f));
        p = p.fma(r, r.broadcast(5.0000001201e-1f));
        FloatVector y = p.mul(r.mul(r)).add(r).add(1f);
        IntVector bits = ni.add(127).lanewise(VectorOperators.LSHL, 23);
        return y.mul(bits.reinterpretAsFloats());
    }
}
