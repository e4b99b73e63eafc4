package org.physrec.physics.tape;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Records a fixed scalar computation as a list of operations on slot handles (ints), with
 * constant folding and algebraic simplification, then {@link #compile() compiles} it into a
 * {@link Tape}. Slots are created by {@link #input()}, {@link #constant(double)} and the
 * arithmetic methods; {@link #output(int)} marks results. Tracing allocates freely: it runs
 * once per model and settings, never per simulation step.
 */
public final class Tracer {
    private static final int INPUT = -1;
    private static final int CONST = -2;

    private int size;
    private int[] kind = new int[1024];
    private int[] argA = new int[1024];
    private int[] argB = new int[1024];
    private double[] constValue = new double[1024];
    private final Map<Long, Integer> constants = new HashMap<>();
    /** Operation (opcode, a, b) to its slot: a repeated operation reuses the first one's result. */
    private final Map<Long, Integer> operations = new HashMap<>();
    private int inputs;
    private int[] outputs = new int[64];
    private int outputCount;

    /** Returns a new input slot; inputs are numbered in creation order. */
    public int input() {
        if (outputCount > 0) {
            throw new IllegalStateException("inputs must be created before outputs");
        }
        int s = newSlot(INPUT, inputs++, -1);
        return s;
    }

    /** Returns {@code count} new input slots. */
    public int[] inputs(int count) {
        int[] r = new int[count];
        for (int i = 0; i < count; i++) {
            r[i] = input();
        }
        return r;
    }

    /**
     * Returns the slot of a constant. Only 0, ±1, ±2 and ±0.5 are shared between uses: other
     * values get a slot each, so the slot layout depends on the computation's structure, not on
     * coincidences between values (models of other proportions then share generated code).
     */
    public int constant(double c) {
        if (!Double.isFinite(c)) {
            throw new IllegalArgumentException("constant: not finite: " + c);
        }
        if (c == 0.0) {
            c = 0.0; // fold -0.0 into 0.0
        }
        boolean shared = c == 0 || Math.abs(c) == 1 || Math.abs(c) == 2 || Math.abs(c) == 0.5;
        Long key = Double.doubleToLongBits(c);
        if (shared) {
            Integer s = constants.get(key);
            if (s != null) {
                return s;
            }
        }
        int slot = newSlot(CONST, -1, -1);
        constValue[slot] = c;
        if (shared) {
            constants.put(key, slot);
        }
        return slot;
    }

    /** Marks a slot as the next output; returns its output index. */
    public int output(int slot) {
        check(slot);
        if (outputCount == outputs.length) {
            outputs = Arrays.copyOf(outputs, outputCount * 2);
        }
        outputs[outputCount] = slot;
        return outputCount++;
    }

    /** Number of outputs marked so far. */
    public int outputCount() {
        return outputCount;
    }

    public boolean isConstant(int s) {
        return kind[s] == CONST;
    }

    private boolean isC(int s, double v) {
        return kind[s] == CONST && constValue[s] == v;
    }

    public int add(int a, int b) {
        if (isConstant(a) && isConstant(b)) {
            return constant(constValue[a] + constValue[b]);
        }
        if (isC(a, 0)) {
            return b;
        }
        if (isC(b, 0)) {
            return a;
        }
        return emit(Op.ADD, a, b);
    }

    public int sub(int a, int b) {
        if (isConstant(a) && isConstant(b)) {
            return constant(constValue[a] - constValue[b]);
        }
        if (isC(b, 0)) {
            return a;
        }
        if (isC(a, 0)) {
            return neg(b);
        }
        if (a == b) {
            return constant(0);
        }
        return emit(Op.SUB, a, b);
    }

    public int mul(int a, int b) {
        if (isConstant(a) && isConstant(b)) {
            return constant(constValue[a] * constValue[b]);
        }
        if (isC(a, 0) || isC(b, 0)) {
            return constant(0);
        }
        if (isC(a, 1)) {
            return b;
        }
        if (isC(b, 1)) {
            return a;
        }
        if (isC(a, -1)) {
            return neg(b);
        }
        if (isC(b, -1)) {
            return neg(a);
        }
        if (a == b) {
            return emit(Op.SQR, a, -1);
        }
        return emit(Op.MUL, a, b);
    }

    public int div(int a, int b) {
        if (isC(b, 0)) {
            throw new ArithmeticException("division by constant zero while tracing");
        }
        if (isConstant(a) && isConstant(b)) {
            return constant(constValue[a] / constValue[b]);
        }
        if (isC(a, 0)) {
            return constant(0);
        }
        if (isC(b, 1)) {
            return a;
        }
        if (isConstant(b)) {
            return mul(a, constant(1.0 / constValue[b]));
        }
        return emit(Op.DIV, a, b);
    }

    public int neg(int a) {
        if (isConstant(a)) {
            return constant(-constValue[a]);
        }
        return emit(Op.NEG, a, -1);
    }

    public int sqrt(int a) {
        if (isConstant(a)) {
            return constant(Math.sqrt(constValue[a]));
        }
        return emit(Op.SQRT, a, -1);
    }

    public int sin(int a) {
        if (isConstant(a)) {
            return constant(Math.sin(constValue[a]));
        }
        return emit(Op.SIN, a, -1);
    }

    public int cos(int a) {
        if (isConstant(a)) {
            return constant(Math.cos(constValue[a]));
        }
        return emit(Op.COS, a, -1);
    }

    /** Softplus w·log(1 + exp(a/w)): a smooth (C∞) max(0, a) of width w. */
    public int softplus(int a, double width) {
        checkWidth(width);
        if (isConstant(a)) {
            return constant(Kernels.softplus(constValue[a], width));
        }
        return emit(Op.SOFTPLUS, a, constant(width));
    }

    /** Logistic 1/(1 + exp(-a/w)), the derivative of {@link #softplus}. */
    public int sigmoid(int a, double width) {
        checkWidth(width);
        if (isConstant(a)) {
            return constant(Kernels.sigmoid(constValue[a], width));
        }
        return emit(Op.SIGMOID, a, constant(width));
    }

    private static void checkWidth(double w) {
        if (!(w > 0) || !Double.isFinite(w)) {
            throw new IllegalArgumentException("width must be finite and > 0, got " + w);
        }
    }

    /** sin(θ/2)/θ of θ² = a, smooth at 0. */
    public int qexpS(int a) {
        if (isConstant(a)) {
            return constant(Kernels.qexpS(constValue[a]));
        }
        return emit(Op.QEXP_S, a, -1);
    }

    /** cos(θ/2) of θ² = a. */
    public int qexpC(int a) {
        if (isConstant(a)) {
            return constant(Kernels.qexpC(constValue[a]));
        }
        return emit(Op.QEXP_C, a, -1);
    }

    /** 2·atan2(√s2, w)/√s2, smooth at s2 = 0 for w &gt; 0. */
    public int qlogS(int s2, int w) {
        if (isConstant(s2) && isConstant(w)) {
            return constant(Kernels.qlogS(constValue[s2], constValue[w]));
        }
        return emit(Op.QLOG_S, s2, w);
    }

    public int sqr(int a) {
        return mul(a, a);
    }

    /** Compiles the recorded computation, dropping operations no output depends on. */
    public Tape compile() {
        boolean[] live = new boolean[size];
        for (int i = 0; i < outputCount; i++) {
            live[outputs[i]] = true;
        }
        for (int s = size - 1; s >= 0; s--) {
            if (!live[s] || kind[s] < 0) {
                continue;
            }
            live[argA[s]] = true;
            if (argB[s] >= 0) {
                live[argB[s]] = true;
            }
        }
        // fuse single-use products into the sum or difference that consumes them
        int[] op = Arrays.copyOf(kind, size);
        int[] fa = Arrays.copyOf(argA, size);
        int[] fb = Arrays.copyOf(argB, size);
        int[] fc = new int[size];
        Arrays.fill(fc, -1);
        int[] uses = new int[size];
        for (int s = 0; s < size; s++) {
            if (live[s] && kind[s] >= 0) {
                uses[argA[s]]++;
                if (argB[s] >= 0) {
                    uses[argB[s]]++;
                }
            }
        }
        for (int i = 0; i < outputCount; i++) {
            uses[outputs[i]]++;
        }
        for (int s = 0; s < size; s++) {
            if (!live[s] || (op[s] != Op.ADD && op[s] != Op.SUB)) {
                continue;
            }
            int x = fa[s];
            int y = fb[s];
            boolean mx = op[x] == Op.MUL && uses[x] == 1;
            boolean my = op[y] == Op.MUL && uses[y] == 1 && y != x;
            int product;
            int other;
            int fused;
            if (op[s] == Op.ADD && (mx || my)) {
                product = mx ? x : y;
                other = mx ? y : x;
                fused = Op.FMA;
            } else if (op[s] == Op.SUB && my) {
                product = y;
                other = x;
                fused = Op.FNMA;
            } else if (op[s] == Op.SUB && mx) {
                product = x;
                other = y;
                fused = Op.FMS;
            } else {
                continue;
            }
            op[s] = fused;
            fa[s] = fa[product];
            fb[s] = fb[product];
            fc[s] = other;
            live[product] = false;
        }
        // layout: inputs, then live constants, then live operations
        int[] map = new int[size];
        Arrays.fill(map, -1);
        int next = 0;
        for (int s = 0; s < size; s++) {
            if (kind[s] == INPUT) {
                map[s] = argA[s];
            }
        }
        next = inputs;
        int constCount = 0;
        for (int s = 0; s < size; s++) {
            if (kind[s] == CONST && live[s]) {
                map[s] = next++;
                constCount++;
            }
        }
        double[] consts = new double[constCount];
        for (int s = 0; s < size; s++) {
            if (kind[s] == CONST && live[s]) {
                consts[map[s] - inputs] = constValue[s];
            }
        }
        // schedule: repeatedly emit every ready operation of the most common ready opcode, so the
        // tape runs as long same-opcode loops (few unpredictable branches) in dependency order
        int opCount = 0;
        int[] opIndex = new int[size];
        for (int s = 0; s < size; s++) {
            if (op[s] >= 0 && live[s]) {
                opIndex[s] = opCount++;
            }
        }
        int[] slotOf = new int[opCount];
        int[] pending = new int[opCount];
        int[] consumerCount = new int[opCount + 1];
        for (int s = 0; s < size; s++) {
            if (op[s] >= 0 && live[s]) {
                slotOf[opIndex[s]] = s;
                for (int arg : new int[] {fa[s], fb[s], fc[s]}) {
                    if (arg >= 0 && op[arg] >= 0) {
                        pending[opIndex[s]]++;
                        consumerCount[opIndex[arg] + 1]++;
                    }
                }
            }
        }
        for (int k = 0; k < opCount; k++) {
            consumerCount[k + 1] += consumerCount[k];
        }
        int[] consumers = new int[consumerCount[opCount]];
        int[] fill = consumerCount.clone();
        for (int k = 0; k < opCount; k++) {
            int s = slotOf[k];
            for (int arg : new int[] {fa[s], fb[s], fc[s]}) {
                if (arg >= 0 && op[arg] >= 0) {
                    consumers[fill[opIndex[arg]]++] = k;
                }
            }
        }
        int kinds = 32;
        int[][] ready = new int[kinds][16];
        int[] readyCount = new int[kinds];
        for (int k = 0; k < opCount; k++) {
            if (pending[k] == 0) {
                int code = op[slotOf[k]];
                ready[code] = push(ready[code], readyCount[code]++, k);
            }
        }
        int[] order = new int[opCount];
        int[] runStarts = new int[opCount + 1];
        int[] runOps = new int[opCount];
        int emitted = 0;
        int runs = 0;
        while (emitted < opCount) {
            int best = -1;
            for (int code = 0; code < kinds; code++) {
                if (readyCount[code] > 0 && (best < 0 || readyCount[code] > readyCount[best])) {
                    best = code;
                }
            }
            int n = readyCount[best];
            int[] batch = Arrays.copyOf(ready[best], n);
            readyCount[best] = 0;
            Arrays.sort(batch);
            runStarts[runs] = emitted;
            runOps[runs++] = best;
            for (int k : batch) {
                order[emitted++] = k;
            }
            for (int k : batch) {
                for (int c = consumerCount[k]; c < consumerCount[k + 1]; c++) {
                    int d = consumers[c];
                    if (--pending[d] == 0) {
                        int code = op[slotOf[d]];
                        ready[code] = push(ready[code], readyCount[code]++, d);
                    }
                }
            }
        }
        runStarts[runs] = emitted;
        int[] a = new int[opCount];
        int[] b = new int[opCount];
        int[] c = new int[opCount];
        for (int pos = 0; pos < opCount; pos++) {
            map[slotOf[order[pos]]] = next + pos;
        }
        for (int pos = 0; pos < opCount; pos++) {
            int s = slotOf[order[pos]];
            a[pos] = map[fa[s]];
            b[pos] = fb[s] >= 0 ? map[fb[s]] : 0;
            c[pos] = fc[s] >= 0 ? map[fc[s]] : 0;
        }
        int[] out = new int[outputCount];
        for (int i = 0; i < outputCount; i++) {
            out[i] = map[outputs[i]];
        }
        return new Tape(inputs, consts, a, b, c, out, Arrays.copyOf(runStarts, runs + 1), Arrays.copyOf(runOps, runs));
    }

    private static int[] push(int[] list, int n, int x) {
        if (n == list.length) {
            list = Arrays.copyOf(list, 2 * n);
        }
        list[n] = x;
        return list;
    }

    private int emit(int op, int a, int b) {
        check(a);
        if (b >= 0) {
            check(b);
        }
        if ((op == Op.ADD || op == Op.MUL) && b < a) { // commutative: one canonical order (exact in IEEE 754)
            int x = a;
            a = b;
            b = x;
        }
        Long key = ((long) op << 58) | ((long) a << 29) | (b + 1L);
        Integer same = operations.get(key);
        if (same != null) {
            return same;
        }
        int slot = newSlot(op, a, b);
        operations.put(key, slot);
        return slot;
    }

    private void check(int s) {
        if (s < 0 || s >= size) {
            throw new IllegalArgumentException("unknown slot " + s);
        }
    }

    private int newSlot(int k, int a, int b) {
        if (size == kind.length) {
            int n = size * 2;
            kind = Arrays.copyOf(kind, n);
            argA = Arrays.copyOf(argA, n);
            argB = Arrays.copyOf(argB, n);
            constValue = Arrays.copyOf(constValue, n);
        }
        kind[size] = k;
        argA[size] = a;
        argB[size] = b;
        return size++;
    }
}
