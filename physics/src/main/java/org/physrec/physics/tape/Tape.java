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
    private final int[] argA;
    private final int[] argB;
    private final int[] argC;
    private final int[] outputSlots;
    private final int base;
    /** Operations [runStart[r], runStart[r+1]) share opcode runOp[r] and are mutually independent. */
    private final int[] runStart;
    private final int[] runOp;

    Tape(int inputCount, double[] constants, int[] argA, int[] argB, int[] argC, int[] outputSlots, int[] runStart,
         int[] runOp) {
        this.inputCount = inputCount;
        this.constants = constants;
        this.argA = argA;
        this.argB = argB;
        this.argC = argC;
        this.outputSlots = outputSlots;
        this.base = inputCount + constants.length;
        this.runStart = runStart;
        this.runOp = runOp;
    }

    /** Number of same-opcode runs the operations are grouped into. */
    public int runCount() {
        return runOp.length;
    }

    public int inputCount() {
        return inputCount;
    }

    public int outputCount() {
        return outputSlots.length;
    }

    /** Number of recorded operations (a measure of cost). */
    public int operationCount() {
        return argA.length;
    }

    /** Total number of slots (inputs + constants + operations). */
    public int slotCount() {
        return base + argA.length;
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
        final int[] a = argA;
        final int[] b = argB;
        final int[] c = argC;
        final int bs = base;
        for (int r = 0; r < runOp.length; r++) {
            final int from = runStart[r];
            final int to = runStart[r + 1];
            switch (runOp[r]) {
                case Op.ADD: for (int i = from; i < to; i++) { v[bs + i] = v[a[i]] + v[b[i]]; } break;
                case Op.SUB: for (int i = from; i < to; i++) { v[bs + i] = v[a[i]] - v[b[i]]; } break;
                case Op.MUL: for (int i = from; i < to; i++) { v[bs + i] = v[a[i]] * v[b[i]]; } break;
                case Op.FMA: for (int i = from; i < to; i++) { v[bs + i] = v[a[i]] * v[b[i]] + v[c[i]]; } break;
                case Op.FNMA: for (int i = from; i < to; i++) { v[bs + i] = v[c[i]] - v[a[i]] * v[b[i]]; } break;
                case Op.FMS: for (int i = from; i < to; i++) { v[bs + i] = v[a[i]] * v[b[i]] - v[c[i]]; } break;
                case Op.DIV: for (int i = from; i < to; i++) { v[bs + i] = v[a[i]] / v[b[i]]; } break;
                case Op.NEG: for (int i = from; i < to; i++) { v[bs + i] = -v[a[i]]; } break;
                case Op.SQR: for (int i = from; i < to; i++) { double x = v[a[i]]; v[bs + i] = x * x; } break;
                case Op.SQRT: for (int i = from; i < to; i++) { v[bs + i] = Math.sqrt(v[a[i]]); } break;
                case Op.SIN: for (int i = from; i < to; i++) { v[bs + i] = Math.sin(v[a[i]]); } break;
                case Op.COS: for (int i = from; i < to; i++) { v[bs + i] = Math.cos(v[a[i]]); } break;
                case Op.SOFTPLUS:
                    for (int i = from; i < to; i++) { v[bs + i] = Kernels.softplus(v[a[i]], v[b[i]]); }
                    break;
                case Op.SIGMOID:
                    for (int i = from; i < to; i++) { v[bs + i] = Kernels.sigmoid(v[a[i]], v[b[i]]); }
                    break;
                case Op.QEXP_S: for (int i = from; i < to; i++) { v[bs + i] = Kernels.qexpS(v[a[i]]); } break;
                case Op.QEXP_C: for (int i = from; i < to; i++) { v[bs + i] = Kernels.qexpC(v[a[i]]); } break;
                case Op.QLOG_S:
                    for (int i = from; i < to; i++) { v[bs + i] = Kernels.qlogS(v[a[i]], v[b[i]]); }
                    break;
                default: throw new IllegalStateException("bad op " + runOp[r]);
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
        final int[] a = argA;
        final int[] b = argB;
        final int[] c = argC;
        final int bs = base;
        for (int r = runOp.length - 1; r >= 0; r--) {
            final int from = runStart[r];
            final int to = runStart[r + 1];
            switch (runOp[r]) {
                case Op.ADD:
                    for (int i = from; i < to; i++) { double go = g[bs + i]; g[a[i]] += go; g[b[i]] += go; }
                    break;
                case Op.SUB:
                    for (int i = from; i < to; i++) { double go = g[bs + i]; g[a[i]] += go; g[b[i]] -= go; }
                    break;
                case Op.MUL:
                    for (int i = from; i < to; i++) {
                        double go = g[bs + i];
                        g[a[i]] += go * v[b[i]];
                        g[b[i]] += go * v[a[i]];
                    }
                    break;
                case Op.FMA:
                    for (int i = from; i < to; i++) {
                        double go = g[bs + i];
                        g[a[i]] += go * v[b[i]];
                        g[b[i]] += go * v[a[i]];
                        g[c[i]] += go;
                    }
                    break;
                case Op.FNMA:
                    for (int i = from; i < to; i++) {
                        double go = g[bs + i];
                        g[a[i]] -= go * v[b[i]];
                        g[b[i]] -= go * v[a[i]];
                        g[c[i]] += go;
                    }
                    break;
                case Op.FMS:
                    for (int i = from; i < to; i++) {
                        double go = g[bs + i];
                        g[a[i]] += go * v[b[i]];
                        g[b[i]] += go * v[a[i]];
                        g[c[i]] -= go;
                    }
                    break;
                case Op.DIV:
                    for (int i = from; i < to; i++) {
                        double go = g[bs + i];
                        double d = v[b[i]];
                        g[a[i]] += go / d;
                        g[b[i]] -= go * v[bs + i] / d;
                    }
                    break;
                case Op.NEG: for (int i = from; i < to; i++) { g[a[i]] -= g[bs + i]; } break;
                case Op.SQR: for (int i = from; i < to; i++) { g[a[i]] += 2 * g[bs + i] * v[a[i]]; } break;
                case Op.SQRT: for (int i = from; i < to; i++) { g[a[i]] += g[bs + i] * 0.5 / v[bs + i]; } break;
                case Op.SIN: for (int i = from; i < to; i++) { g[a[i]] += g[bs + i] * Math.cos(v[a[i]]); } break;
                case Op.COS: for (int i = from; i < to; i++) { g[a[i]] -= g[bs + i] * Math.sin(v[a[i]]); } break;
                case Op.SOFTPLUS:
                    for (int i = from; i < to; i++) { g[a[i]] += g[bs + i] * Kernels.sigmoid(v[a[i]], v[b[i]]); }
                    break;
                case Op.SIGMOID:
                    for (int i = from; i < to; i++) {
                        double y = v[bs + i];
                        g[a[i]] += g[bs + i] * y * (1 - y) / v[b[i]];
                    }
                    break;
                case Op.QEXP_S:
                    for (int i = from; i < to; i++) { g[a[i]] += g[bs + i] * Kernels.qexpSDeriv(v[a[i]]); }
                    break;
                case Op.QEXP_C:
                    for (int i = from; i < to; i++) { g[a[i]] += g[bs + i] * Kernels.qexpCDeriv(v[a[i]]); }
                    break;
                case Op.QLOG_S:
                    for (int i = from; i < to; i++) {
                        double go = g[bs + i];
                        double x = v[a[i]];
                        double w = v[b[i]];
                        g[a[i]] += go * Kernels.qlogSDerivA(x, w);
                        g[b[i]] += go * Kernels.qlogSDerivW(x, w);
                    }
                    break;
                default: throw new IllegalStateException("bad op " + runOp[r]);
            }
        }
    }

    /** Adjoint of input i after {@link #reverse}. */
    public double inputAdjoint(TapeState s, int i) {
        return s.adj[i];
    }
}
