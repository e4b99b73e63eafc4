package org.physrec.physics.tape;

import java.lang.invoke.MethodHandles;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Turns a tape into straight-line JVM bytecode (constant slot indices, no dispatch) with ASM
 * and loads it as a hidden class of this package. The code performs exactly the interpreter's
 * floating-point operations in the same order, so values and input adjoints are
 * bit-identical; the reverse code skips the adjoints of constant slots, which nothing reads,
 * and assigns instead of clearing (see {@link Tape#seed}).
 * Methods are cut below HotSpot's 8000-byte limit for JIT compilation ({@code
 * DontCompileHugeMethods}).
 */
final class CodeGenerator {
    /**
     * Bytecode bytes per generated method: well under HotSpot's 8000-byte huge-method limit, and
     * small enough that C2 compiles each quickly (7600 was no faster in steady state).
     */
    private static final int METHOD_BYTES = 3000;
    private static final String KERNELS = "org/physrec/physics/tape/Kernels";
    private static final String NAME = "org/physrec/physics/tape/GeneratedTape";
    private static final String ARRAY = "([D)V";
    private static final String ARRAYS = "([D[D)V";
    /** Generated code by program structure: tapes that differ only in constants share it. */
    private static final Map<Structure, Tape.Compiled> CACHE = new ConcurrentHashMap<>();

    private CodeGenerator() {
    }

    /**
     * Returns generated code for the tape. The code reads constants from the value array, so
     * characters of other proportions (same structure) reuse it without generating again.
     */
    static Tape.Compiled generate(int inputs, int base, int[] a, int[] b, int[] c, int[] outputs, int[] runStart,
                                  int[] runOp) {
        Structure key = new Structure(inputs, base, a, b, c, outputs, runStart, runOp);
        return CACHE.computeIfAbsent(key, k -> load(bytecode(k)));
    }

    private static Tape.Compiled load(byte[] bytes) {
        try {
            MethodHandles.Lookup hidden = MethodHandles.lookup().defineHiddenClass(bytes, true);
            return (Tape.Compiled) hidden.findConstructor(hidden.lookupClass(),
                    java.lang.invoke.MethodType.methodType(void.class)).invoke();
        } catch (Throwable e) {
            throw new IllegalStateException("loading generated tape code failed", e);
        }
    }

    static byte[] bytecode(Structure k) {
        int n = k.a.length;
        int[] op = new int[n];
        for (int r = 0; r < k.runOp.length; r++) {
            Arrays.fill(op, k.runStart[r], k.runStart[r + 1], k.runOp[r]);
        }
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, NAME, null,
                "java/lang/Object", new String[] {"org/physrec/physics/tape/Tape$Compiled"});
        MethodVisitor init = cw.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();

        Chunks forward = new Chunks(cw, "f", ARRAY);
        for (int i = 0; i < n; i++) {
            forward.reserve(40);
            forward(forward.code, op[i], k.base + i, k.a[i], k.b[i], k.c[i]);
        }
        forward.close();
        dispatcher(cw, "forward", ARRAY, "f", forward.count);

        // reverse: runs last to first, each run in ascending order, as the interpreter does. Only
        // the outputs' adjoints are cleared before (Tape.seed): the first update of any other
        // slot assigns 0 ± term instead of reading the slot, the same value as after a clear.
        boolean[] written = new boolean[k.base + n];
        for (int s : k.outputs) {
            written[s] = true;
        }
        Chunks reverse = new Chunks(cw, "r", ARRAYS);
        reverse.written = written;
        for (int r = k.runOp.length - 1; r >= 0; r--) {
            for (int i = k.runStart[r]; i < k.runStart[r + 1]; i++) {
                reverse.reserve(80);
                reverse(reverse.code, op[i], k.base + i, k.a[i], k.b[i], k.c[i], k.inputs, k.base);
            }
        }
        for (int s = 0; s < written.length; s++) {
            if (!written[s] && s >= k.base) {
                throw new IllegalStateException("operation slot " + s + " has no consumer and is no output");
            }
            if (!written[s] && s < k.inputs) { // an input nothing depends on: adjoint 0
                reverse.reserve(10);
                reverse.code.target(Code.G, s);
                reverse.code.insn(Opcodes.DCONST_0);
                reverse.code.store();
            }
        }
        reverse.close();
        dispatcher(cw, "reverse", ARRAYS, "r", reverse.count);
        cw.visitEnd();
        return cw.toByteArray();
    }

    /** The interface method: calls the chunks in order. */
    private static void dispatcher(ClassWriter cw, String name, String desc, String prefix, int chunks) {
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC, name, desc, null, null);
        mv.visitCode();
        for (int k = 0; k < chunks; k++) {
            mv.visitVarInsn(Opcodes.ALOAD, 1);
            if (desc.equals(ARRAYS)) {
                mv.visitVarInsn(Opcodes.ALOAD, 2);
            }
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, NAME, prefix + k, desc, false);
        }
        mv.visitInsn(Opcodes.RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** Static methods {@code prefix0, prefix1, ...} of at most {@link #METHOD_BYTES} bytes each. */
    private static final class Chunks {
        private final ClassWriter cw;
        private final String prefix;
        private final String desc;
        /** Adjoint slots assigned so far (reverse code only), else null. */
        boolean[] written;
        int count;
        Code code;

        Chunks(ClassWriter cw, String prefix, String desc) {
            this.cw = cw;
            this.prefix = prefix;
            this.desc = desc;
        }

        /** Starts a new method unless {@code bytes} more fit into the current one. */
        void reserve(int bytes) {
            if (code != null && code.size + bytes <= METHOD_BYTES) {
                return;
            }
            close();
            MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC, prefix + count++, desc, null,
                    null);
            mv.visitCode();
            code = new Code(mv, written);
        }

        void close() {
            if (code != null) {
                code.mv.visitInsn(Opcodes.RETURN);
                code.mv.visitMaxs(0, 0);
                code.mv.visitEnd();
                code = null;
            }
        }
    }

    /**
     * Emits instructions of one method and counts their bytes. Locals: 0 = values, 1 =
     * adjoints, 2 = the result's adjoint (double), 4 and 6 = temporaries (double).
     */
    private static final class Code {
        private static final int V = 0;
        private static final int G = 1;
        private static final int GO = 2;
        private static final int T1 = 4;
        private static final int T2 = 6;
        final MethodVisitor mv;
        private final boolean[] written;
        int size;

        Code(MethodVisitor mv, boolean[] written) {
            this.mv = mv;
            this.written = written;
        }

        void index(int i) {
            if (i <= 5) {
                mv.visitInsn(Opcodes.ICONST_0 + i);
                size += 1;
            } else if (i <= Byte.MAX_VALUE) {
                mv.visitIntInsn(Opcodes.BIPUSH, i);
                size += 2;
            } else if (i <= Short.MAX_VALUE) {
                mv.visitIntInsn(Opcodes.SIPUSH, i);
                size += 3;
            } else {
                mv.visitLdcInsn(i);
                size += 3;
            }
        }

        /** Pushes array[i] of local {@code array}. */
        void load(int array, int i) {
            mv.visitVarInsn(Opcodes.ALOAD, array);
            index(i);
            mv.visitInsn(Opcodes.DALOAD);
            size += 2;
        }

        void v(int i) {
            load(V, i);
        }

        void local(int slot) {
            mv.visitVarInsn(Opcodes.DLOAD, slot);
            size += 2;
        }

        void storeLocal(int slot) {
            mv.visitVarInsn(Opcodes.DSTORE, slot);
            size += 2;
        }

        void constant(double c) {
            mv.visitLdcInsn(c);
            size += 3;
        }

        void insn(int opcode) {
            mv.visitInsn(opcode);
            size += 1;
        }

        void kernel(String name, String desc) {
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, KERNELS, name, desc, false);
            size += 3;
        }

        void math(String name) {
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Math", name, "(D)D", false);
            size += 3;
        }

        /** Starts {@code v[o] = ...}: pushes the array and index; {@link #store} ends it. */
        void target(int array, int o) {
            mv.visitVarInsn(Opcodes.ALOAD, array);
            size += 1;
            index(o);
        }

        void store() {
            insn(Opcodes.DASTORE);
        }

        /**
         * Starts {@code g[x] = g[x] op (...)}: pushes array, index and g[x], or 0 on the first
         * update of a slot that is not cleared; {@link #store} ends it.
         */
        void update(int x) {
            target(G, x);
            if (written[x]) {
                insn(Opcodes.DUP2);
                insn(Opcodes.DALOAD);
            } else {
                insn(Opcodes.DCONST_0);
                written[x] = true;
            }
        }
    }

    private static void forward(Code e, int op, int o, int a, int b, int c) {
        e.target(Code.V, o);
        switch (op) {
            case Op.ADD: e.v(a); e.v(b); e.insn(Opcodes.DADD); break;
            case Op.SUB: e.v(a); e.v(b); e.insn(Opcodes.DSUB); break;
            case Op.MUL: e.v(a); e.v(b); e.insn(Opcodes.DMUL); break;
            case Op.FMA: e.v(a); e.v(b); e.insn(Opcodes.DMUL); e.v(c); e.insn(Opcodes.DADD); break;
            case Op.FNMA: e.v(c); e.v(a); e.v(b); e.insn(Opcodes.DMUL); e.insn(Opcodes.DSUB); break;
            case Op.FMS: e.v(a); e.v(b); e.insn(Opcodes.DMUL); e.v(c); e.insn(Opcodes.DSUB); break;
            case Op.DIV: e.v(a); e.v(b); e.insn(Opcodes.DDIV); break;
            case Op.NEG: e.v(a); e.insn(Opcodes.DNEG); break;
            case Op.SQR: e.v(a); e.insn(Opcodes.DUP2); e.insn(Opcodes.DMUL); break;
            case Op.SQRT: e.v(a); e.math("sqrt"); break;
            case Op.SIN: e.v(a); e.math("sin"); break;
            case Op.COS: e.v(a); e.math("cos"); break;
            case Op.SOFTPLUS: e.v(a); e.v(b); e.kernel("softplus", "(DD)D"); break;
            case Op.SIGMOID: e.v(a); e.v(b); e.kernel("sigmoid", "(DD)D"); break;
            case Op.QEXP_S: e.v(a); e.kernel("qexpS", "(D)D"); break;
            case Op.QEXP_C: e.v(a); e.kernel("qexpC", "(D)D"); break;
            case Op.QLOG_S: e.v(a); e.v(b); e.kernel("qlogS", "(DD)D"); break;
            default: throw new IllegalStateException("bad op " + op);
        }
        e.store();
    }

    /**
     * The interpreter's reverse step of one operation, term for term; updates of constant
     * slots ({@code [inputs, base)}) are left out.
     */
    private static void reverse(Code e, int op, int o, int a, int b, int c, int inputs, int base) {
        // update only the adjoints of inputs and operation results
        boolean ua = a < inputs || a >= base;
        boolean ub = b < inputs || b >= base;
        boolean uc = c < inputs || c >= base;
        switch (op) {
            case Op.ADD:
            case Op.SUB:
                goLocal(e, o, ua || ub);
                if (ua) {
                    addGo(e, a, Opcodes.DADD);
                }
                if (ub) {
                    addGo(e, b, op == Op.ADD ? Opcodes.DADD : Opcodes.DSUB);
                }
                break;
            case Op.MUL:
            case Op.FMA:
            case Op.FNMA:
            case Op.FMS:
                goLocal(e, o, ua || ub || (op != Op.MUL && uc));
                int sign = op == Op.FNMA ? Opcodes.DSUB : Opcodes.DADD;
                if (ua) {
                    e.update(a);
                    e.local(Code.GO);
                    e.v(b);
                    e.insn(Opcodes.DMUL);
                    e.insn(sign);
                    e.store();
                }
                if (ub) {
                    e.update(b);
                    e.local(Code.GO);
                    e.v(a);
                    e.insn(Opcodes.DMUL);
                    e.insn(sign);
                    e.store();
                }
                if (op != Op.MUL && uc) {
                    addGo(e, c, op == Op.FMS ? Opcodes.DSUB : Opcodes.DADD);
                }
                break;
            case Op.DIV:
                if (!ua && !ub) {
                    break;
                }
                goLocal(e, o, true);
                e.v(b);
                e.storeLocal(Code.T1);
                if (ua) { // g[a] += go / d
                    e.update(a);
                    e.local(Code.GO);
                    e.local(Code.T1);
                    e.insn(Opcodes.DDIV);
                    e.insn(Opcodes.DADD);
                    e.store();
                }
                if (ub) { // g[b] -= go * v[o] / d
                    e.update(b);
                    e.local(Code.GO);
                    e.v(o);
                    e.insn(Opcodes.DMUL);
                    e.local(Code.T1);
                    e.insn(Opcodes.DDIV);
                    e.insn(Opcodes.DSUB);
                    e.store();
                }
                break;
            case Op.QLOG_S:
                if (!ua && !ub) {
                    break;
                }
                goLocal(e, o, true);
                e.v(a);
                e.storeLocal(Code.T1);
                e.v(b);
                e.storeLocal(Code.T2);
                if (ua) { // g[a] += go * qlogSDerivA(x, w)
                    e.update(a);
                    e.local(Code.GO);
                    e.local(Code.T1);
                    e.local(Code.T2);
                    e.kernel("qlogSDerivA", "(DD)D");
                    e.insn(Opcodes.DMUL);
                    e.insn(Opcodes.DADD);
                    e.store();
                }
                if (ub) {
                    e.update(b);
                    e.local(Code.GO);
                    e.local(Code.T1);
                    e.local(Code.T2);
                    e.kernel("qlogSDerivW", "(DD)D");
                    e.insn(Opcodes.DMUL);
                    e.insn(Opcodes.DADD);
                    e.store();
                }
                break;
            default:
                if (ua) {
                    unary(e, op, o, a, b);
                }
        }
    }

    /** Unary reverse steps (and softplus/logistic, whose b is a constant width): g[a] ±= g[o]·f. */
    private static void unary(Code e, int op, int o, int a, int b) {
        e.update(a);
        switch (op) {
            case Op.NEG: e.load(Code.G, o); e.insn(Opcodes.DSUB); break;
            case Op.SQR: e.constant(2.0); e.load(Code.G, o); e.insn(Opcodes.DMUL); e.v(a); e.insn(Opcodes.DMUL);
                e.insn(Opcodes.DADD); break;
            case Op.SQRT: e.load(Code.G, o); e.constant(0.5); e.insn(Opcodes.DMUL); e.v(o); e.insn(Opcodes.DDIV);
                e.insn(Opcodes.DADD); break;
            case Op.SIN: e.load(Code.G, o); e.v(a); e.math("cos"); e.insn(Opcodes.DMUL); e.insn(Opcodes.DADD); break;
            case Op.COS: e.load(Code.G, o); e.v(a); e.math("sin"); e.insn(Opcodes.DMUL); e.insn(Opcodes.DSUB); break;
            case Op.SOFTPLUS: e.load(Code.G, o); e.v(a); e.v(b); e.kernel("sigmoid", "(DD)D"); e.insn(Opcodes.DMUL);
                e.insn(Opcodes.DADD); break;
            case Op.SIGMOID: // g[a] += g[o] * y * (1 - y) / v[b]
                e.load(Code.G, o);
                e.v(o);
                e.insn(Opcodes.DMUL);
                e.insn(Opcodes.DCONST_1);
                e.v(o);
                e.insn(Opcodes.DSUB);
                e.insn(Opcodes.DMUL);
                e.v(b);
                e.insn(Opcodes.DDIV);
                e.insn(Opcodes.DADD);
                break;
            case Op.QEXP_S: e.load(Code.G, o); e.v(a); e.kernel("qexpSDeriv", "(D)D"); e.insn(Opcodes.DMUL);
                e.insn(Opcodes.DADD); break;
            case Op.QEXP_C: e.load(Code.G, o); e.v(a); e.kernel("qexpCDeriv", "(D)D"); e.insn(Opcodes.DMUL);
                e.insn(Opcodes.DADD); break;
            default: throw new IllegalStateException("bad op " + op);
        }
        e.store();
    }

    /** go = g[o], when some update follows. */
    private static void goLocal(Code e, int o, boolean needed) {
        if (needed) {
            e.load(Code.G, o);
            e.storeLocal(Code.GO);
        }
    }

    /** g[x] = g[x] op go. */
    private static void addGo(Code e, int x, int opcode) {
        e.update(x);
        e.local(Code.GO);
        e.insn(opcode);
        e.store();
    }

    /** The operation structure of a tape (everything the generated code depends on). */
    record Structure(int inputs, int base, int[] a, int[] b, int[] c, int[] outputs, int[] runStart, int[] runOp) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Structure s && inputs == s.inputs && base == s.base && Arrays.equals(a, s.a)
                    && Arrays.equals(b, s.b) && Arrays.equals(c, s.c) && Arrays.equals(outputs, s.outputs)
                    && Arrays.equals(runStart, s.runStart) && Arrays.equals(runOp, s.runOp);
        }

        @Override
        public int hashCode() {
            int h = 31 * inputs + base;
            h = 31 * h + Arrays.hashCode(a);
            h = 31 * h + Arrays.hashCode(b);
            h = 31 * h + Arrays.hashCode(c);
            h = 31 * h + Arrays.hashCode(outputs);
            h = 31 * h + Arrays.hashCode(runStart);
            return 31 * h + Arrays.hashCode(runOp);
        }
    }
}
