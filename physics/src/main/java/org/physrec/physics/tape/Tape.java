package org.physrec.physics.tape;

/**
 * A compiled, immutable straight-line program. Slot layout: inputs {@code [0, nIn)}, constants,
 * then one result slot per operation in execution order. {@link #forward} evaluates all slots
 * from the inputs; {@link #reverse} propagates output adjoints to every slot, so
 * {@code adj[input]} is the vector-Jacobian product. Replays allocate nothing.
 */
public final class Tape {
    private final int inputCount;
    private final double[] constants;
    private final int[] code;
    private final int[] argA;
    private final int[] argB;
    private final int[] outputSlots;
    private final int base;

    Tape(int inputCount, double[] constants, int[] code, int[] argA, int[] argB, int[] outputSlots) {
        this.inputCount = inputCount;
        this.constants = constants;
        this.code = code;
        this.argA = argA;
        this.argB = argB;
        this.outputSlots = outputSlots;
        this.base = inputCount + constants.length;
    }

    public int inputCount() {
        return inputCount;
    }

    public int outputCount() {
        return outputSlots.length;
    }

    /** Number of recorded operations (a measure of cost). */
    public int operationCount() {
        return code.length;
    }

    /** Total number of slots (inputs + constants + operations). */
    public int slotCount() {
        return base + code.length;
    }

    /** Slot holding output {@code k}. */
    public int outputSlot(int k) {
        return outputSlots[k];
    }

    /** Returns a new scratch state for this tape (constants preloaded). */
    public TapeState newState() {
        TapeState s = new TapeState(slotCount());
        System.arraycopy(constants, 0, s.val, inputCount, constants.length);
        return s;
    }

    /** Copies {@code n} values from {@code src[srcPos..]} into inputs {@code [first, first+n)}. */
    public void setInputs(TapeState s, int first, double[] src, int srcPos, int n) {
        System.arraycopy(src, srcPos, s.val, first, n);
    }

    /** Copies outputs {@code [first, first+n)} into {@code dst[dstPos..]}. */
    public void getOutputs(TapeState s, int first, double[] dst, int dstPos, int n) {
        double[] v = s.val;
        for (int i = 0; i < n; i++) {
            dst[dstPos + i] = v[outputSlots[first + i]];
        }
    }

    /** Value of output k after {@link #forward}. */
    public double output(TapeState s, int k) {
        return s.val[outputSlots[k]];
    }

    /** Evaluates every operation from the inputs currently in {@code s}. */
    public void forward(TapeState s) {
        final double[] v = s.val;
        final int[] c = code;
        final int[] a = argA;
        final int[] b = argB;
        final int n = c.length;
        int o = base;
        for (int i = 0; i < n; i++, o++) {
            switch (c[i]) {
                case Op.ADD: v[o] = v[a[i]] + v[b[i]]; break;
                case Op.SUB: v[o] = v[a[i]] - v[b[i]]; break;
                case Op.MUL: v[o] = v[a[i]] * v[b[i]]; break;
                case Op.DIV: v[o] = v[a[i]] / v[b[i]]; break;
                case Op.NEG: v[o] = -v[a[i]]; break;
                case Op.SQRT: v[o] = Math.sqrt(v[a[i]]); break;
                case Op.SIN: v[o] = Math.sin(v[a[i]]); break;
                case Op.COS: v[o] = Math.cos(v[a[i]]); break;
                case Op.SOFTPLUS: v[o] = Kernels.softplus(v[a[i]], v[b[i]]); break;
                case Op.QEXP_S: v[o] = Kernels.qexpS(v[a[i]]); break;
                case Op.QEXP_C: v[o] = Kernels.qexpC(v[a[i]]); break;
                case Op.QLOG_S: v[o] = Kernels.qlogS(v[a[i]], v[b[i]]); break;
                case Op.SQR: { double x = v[a[i]]; v[o] = x * x; break; }
                case Op.SIGMOID: v[o] = Kernels.sigmoid(v[a[i]], v[b[i]]); break;
                default: throw new IllegalStateException("bad op " + c[i]);
            }
        }
    }

    /** Clears all adjoints, then adds {@code seed[seedPos + k]} to the adjoint of outputs [first, first+n). */
    public void seed(TapeState s, int first, double[] seed, int seedPos, int n, boolean clear) {
        double[] g = s.adj;
        if (clear) {
            java.util.Arrays.fill(g, 0.0);
        }
        for (int k = 0; k < n; k++) {
            g[outputSlots[first + k]] += seed[seedPos + k];
        }
    }

    /** Clears all adjoints. */
    public void clearAdjoints(TapeState s) {
        java.util.Arrays.fill(s.adj, 0.0);
    }

    /**
     * Reverse sweep: with output adjoints seeded and values from the last {@link #forward},
     * accumulates the adjoint of every slot. Afterwards {@code s.adj[i]} for {@code i < nIn}
     * is d(seed·outputs)/d input i.
     */
    public void reverse(TapeState s) {
        final double[] v = s.val;
        final double[] g = s.adj;
        final int[] c = code;
        final int[] a = argA;
        final int[] b = argB;
        for (int i = c.length - 1, o = base + c.length - 1; i >= 0; i--, o--) {
            final double go = g[o];
            if (go == 0.0) {
                continue;
            }
            final int ai = a[i];
            switch (c[i]) {
                case Op.ADD: g[ai] += go; g[b[i]] += go; break;
                case Op.SUB: g[ai] += go; g[b[i]] -= go; break;
                case Op.MUL: g[ai] += go * v[b[i]]; g[b[i]] += go * v[ai]; break;
                case Op.DIV: { double d = v[b[i]]; g[ai] += go / d; g[b[i]] -= go * v[o] / d; break; }
                case Op.NEG: g[ai] -= go; break;
                case Op.SQRT: g[ai] += go * 0.5 / v[o]; break;
                case Op.SIN: g[ai] += go * Math.cos(v[ai]); break;
                case Op.COS: g[ai] -= go * Math.sin(v[ai]); break;
                case Op.SOFTPLUS: g[ai] += go * Kernels.sigmoid(v[ai], v[b[i]]); break;
                case Op.QEXP_S: g[ai] += go * Kernels.qexpSDeriv(v[ai]); break;
                case Op.QEXP_C: g[ai] += go * Kernels.qexpCDeriv(v[ai]); break;
                case Op.QLOG_S: {
                    double x = v[ai];
                    double w = v[b[i]];
                    g[ai] += go * Kernels.qlogSDerivA(x, w);
                    g[b[i]] += go * Kernels.qlogSDerivW(x, w);
                    break;
                }
                case Op.SQR: g[ai] += 2 * go * v[ai]; break;
                case Op.SIGMOID: {
                    double y = v[o];
                    g[ai] += go * y * (1 - y) / v[b[i]];
                    break;
                }
                default: throw new IllegalStateException("bad op " + c[i]);
            }
        }
    }

    /** Adjoint of input i after {@link #reverse}. */
    public double inputAdjoint(TapeState s, int i) {
        return s.adj[i];
    }
}
