package org.physrec.physics.tape;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.OutputStream;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Turns a tape into straight-line Java (constant slot indices, no dispatch), compiles it in
 * memory with the JDK's compiler and loads it. The generated code performs exactly the
 * interpreter's floating-point operations in the same order, so results are bit-identical.
 * Methods are split into chunks small enough for the JIT to compile.
 */
final class CodeGenerator {
    private static final int FORWARD_CHUNK = 200;
    private static final int REVERSE_CHUNK = 100;
    private static final String K = "org.physrec.physics.tape.Kernels.";
    private static int counter;
    /** Generated code by program structure: tapes that differ only in constants share it. */
    private static final Map<Structure, Tape.Compiled> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    private CodeGenerator() {
    }

    /**
     * Returns generated code for the tape, or null when no Java compiler is available. The code
     * reads constants from the value array, so characters of other proportions (same structure)
     * reuse it without compiling again.
     */
    static Tape.Compiled generate(int base, int[] a, int[] b, int[] c, int[] runStart, int[] runOp) {
        Structure key = new Structure(base, a, b, c, runStart, runOp);
        Tape.Compiled cached = CACHE.get(key);
        if (cached != null) {
            return cached;
        }
        Tape.Compiled made = compileNew(base, a, b, c, runStart, runOp);
        if (made != null) {
            CACHE.putIfAbsent(key, made);
        }
        return made;
    }

    private static Tape.Compiled compileNew(int base, int[] a, int[] b, int[] c, int[] runStart, int[] runOp) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            return null;
        }
        String name;
        synchronized (CodeGenerator.class) {
            name = "GeneratedTape" + (counter++);
        }
        String source = source(name, base, a, b, c, runStart, runOp);
        byte[] bytes = compile(javac, name, source);
        try {
            Class<?> cls = new Loader(Tape.class.getClassLoader()).define("org.physrec.physics.tape.gen." + name,
                    bytes);
            return (Tape.Compiled) cls.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("loading generated tape code failed", e);
        }
    }

    private static String source(String name, int base, int[] a, int[] b, int[] c, int[] runStart, int[] runOp) {
        int n = a.length;
        int[] op = new int[n];
        for (int r = 0; r < runOp.length; r++) {
            for (int i = runStart[r]; i < runStart[r + 1]; i++) {
                op[i] = runOp[r];
            }
        }
        StringBuilder s = new StringBuilder(64 * n * 3);
        s.append("package org.physrec.physics.tape.gen;\n");
        s.append("public final class ").append(name).append(" implements org.physrec.physics.tape.Tape.Compiled {\n");
        int fChunks = (n + FORWARD_CHUNK - 1) / FORWARD_CHUNK;
        s.append("public void forward(double[] v) {\n");
        for (int k = 0; k < fChunks; k++) {
            s.append("f").append(k).append("(v);\n");
        }
        s.append("}\n");
        for (int k = 0; k < fChunks; k++) {
            s.append("private static void f").append(k).append("(double[] v) {\n");
            for (int i = k * FORWARD_CHUNK; i < Math.min(n, (k + 1) * FORWARD_CHUNK); i++) {
                forward(s, op[i], base + i, a[i], b[i], c[i]);
            }
            s.append("}\n");
        }
        // reverse: runs last to first, each run in ascending order, as the interpreter does
        int[] order = new int[n];
        int p = 0;
        for (int r = runOp.length - 1; r >= 0; r--) {
            for (int i = runStart[r]; i < runStart[r + 1]; i++) {
                order[p++] = i;
            }
        }
        int rChunks = (n + REVERSE_CHUNK - 1) / REVERSE_CHUNK;
        s.append("public void reverse(double[] v, double[] g) {\n");
        for (int k = 0; k < rChunks; k++) {
            s.append("r").append(k).append("(v, g);\n");
        }
        s.append("}\n");
        for (int k = 0; k < rChunks; k++) {
            s.append("private static void r").append(k).append("(double[] v, double[] g) {\ndouble go;\n");
            for (int j = k * REVERSE_CHUNK; j < Math.min(n, (k + 1) * REVERSE_CHUNK); j++) {
                int i = order[j];
                reverse(s, op[i], base + i, a[i], b[i], c[i]);
            }
            s.append("}\n");
        }
        s.append("}\n");
        return s.toString();
    }

    private static void forward(StringBuilder s, int op, int o, int a, int b, int c) {
        String va = "v[" + a + "]";
        String vb = "v[" + b + "]";
        String vc = "v[" + c + "]";
        String e;
        switch (op) {
            case Op.ADD: e = va + " + " + vb; break;
            case Op.SUB: e = va + " - " + vb; break;
            case Op.MUL: e = va + " * " + vb; break;
            case Op.FMA: e = va + " * " + vb + " + " + vc; break;
            case Op.FNMA: e = vc + " - " + va + " * " + vb; break;
            case Op.FMS: e = va + " * " + vb + " - " + vc; break;
            case Op.DIV: e = va + " / " + vb; break;
            case Op.NEG: e = "-" + va; break;
            case Op.SQR: e = va + " * " + va; break;
            case Op.SQRT: e = "Math.sqrt(" + va + ")"; break;
            case Op.SIN: e = "Math.sin(" + va + ")"; break;
            case Op.COS: e = "Math.cos(" + va + ")"; break;
            case Op.SOFTPLUS: e = K + "softplus(" + va + ", " + vb + ")"; break;
            case Op.SIGMOID: e = K + "sigmoid(" + va + ", " + vb + ")"; break;
            case Op.QEXP_S: e = K + "qexpS(" + va + ")"; break;
            case Op.QEXP_C: e = K + "qexpC(" + va + ")"; break;
            case Op.QLOG_S: e = K + "qlogS(" + va + ", " + vb + ")"; break;
            default: throw new IllegalStateException("bad op " + op);
        }
        s.append("v[").append(o).append("] = ").append(e).append(";\n");
    }

    private static void reverse(StringBuilder s, int op, int o, int a, int b, int c) {
        String va = "v[" + a + "]";
        String vb = "v[" + b + "]";
        String vo = "v[" + o + "]";
        String ga = "g[" + a + "]";
        String gb = "g[" + b + "]";
        String gc = "g[" + c + "]";
        s.append("go = g[").append(o).append("];\n");
        switch (op) {
            case Op.ADD: s.append(ga).append(" += go; ").append(gb).append(" += go;\n"); break;
            case Op.SUB: s.append(ga).append(" += go; ").append(gb).append(" -= go;\n"); break;
            case Op.MUL:
                s.append(ga).append(" += go * ").append(vb).append("; ").append(gb).append(" += go * ").append(va)
                        .append(";\n");
                break;
            case Op.FMA:
                s.append(ga).append(" += go * ").append(vb).append("; ").append(gb).append(" += go * ").append(va)
                        .append("; ").append(gc).append(" += go;\n");
                break;
            case Op.FNMA:
                s.append(ga).append(" -= go * ").append(vb).append("; ").append(gb).append(" -= go * ").append(va)
                        .append("; ").append(gc).append(" += go;\n");
                break;
            case Op.FMS:
                s.append(ga).append(" += go * ").append(vb).append("; ").append(gb).append(" += go * ").append(va)
                        .append("; ").append(gc).append(" -= go;\n");
                break;
            case Op.DIV:
                s.append("{ double d = ").append(vb).append("; ").append(ga).append(" += go / d; ").append(gb)
                        .append(" -= go * ").append(vo).append(" / d; }\n");
                break;
            case Op.NEG: s.append(ga).append(" -= go;\n"); break;
            case Op.SQR: s.append(ga).append(" += 2 * go * ").append(va).append(";\n"); break;
            case Op.SQRT: s.append(ga).append(" += go * 0.5 / ").append(vo).append(";\n"); break;
            case Op.SIN: s.append(ga).append(" += go * Math.cos(").append(va).append(");\n"); break;
            case Op.COS: s.append(ga).append(" -= go * Math.sin(").append(va).append(");\n"); break;
            case Op.SOFTPLUS:
                s.append(ga).append(" += go * ").append(K).append("sigmoid(").append(va).append(", ").append(vb)
                        .append(");\n");
                break;
            case Op.SIGMOID:
                s.append("{ double y = ").append(vo).append("; ").append(ga).append(" += go * y * (1 - y) / ")
                        .append(vb).append("; }\n");
                break;
            case Op.QEXP_S:
                s.append(ga).append(" += go * ").append(K).append("qexpSDeriv(").append(va).append(");\n");
                break;
            case Op.QEXP_C:
                s.append(ga).append(" += go * ").append(K).append("qexpCDeriv(").append(va).append(");\n");
                break;
            case Op.QLOG_S:
                s.append("{ double x = ").append(va).append("; double w = ").append(vb).append("; ").append(ga)
                        .append(" += go * ").append(K).append("qlogSDerivA(x, w); ").append(gb).append(" += go * ")
                        .append(K).append("qlogSDerivW(x, w); }\n");
                break;
            default: throw new IllegalStateException("bad op " + op);
        }
    }

    private static byte[] compile(JavaCompiler javac, String name, String source) {
        StandardJavaFileManager std = javac.getStandardFileManager(null, null, null);
        Map<String, ByteArrayOutputStream> out = new HashMap<>();
        ForwardingJavaFileManager<StandardJavaFileManager> fm = new ForwardingJavaFileManager<>(std) {
            @Override
            public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                                                       FileObject sibling) {
                return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + ".class"), kind) {
                    @Override
                    public OutputStream openOutputStream() {
                        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                        out.put(className, bytes);
                        return bytes;
                    }
                };
            }
        };
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///" + name + ".java"),
                JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        String classPath;
        try {
            classPath = new File(Tape.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getPath();
        } catch (Exception e) {
            throw new IllegalStateException("cannot locate the physics classes for generated code", e);
        }
        List<String> options = List.of("-classpath", classPath, "-g:none", "-nowarn", "-proc:none");
        StringBuilderWriter diagnostics = new StringBuilderWriter();
        boolean ok = javac.getTask(diagnostics, fm, null, options, null, List.of(file)).call();
        ByteArrayOutputStream bytes = out.get("org.physrec.physics.tape.gen." + name);
        if (!ok || bytes == null) {
            throw new IllegalStateException("compiling generated tape code failed: " + diagnostics);
        }
        return bytes.toByteArray();
    }

    /** The operation structure of a tape (everything the generated code depends on). */
    private record Structure(int base, int[] a, int[] b, int[] c, int[] runStart, int[] runOp) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Structure s && base == s.base && java.util.Arrays.equals(a, s.a)
                    && java.util.Arrays.equals(b, s.b) && java.util.Arrays.equals(c, s.c)
                    && java.util.Arrays.equals(runStart, s.runStart) && java.util.Arrays.equals(runOp, s.runOp);
        }

        @Override
        public int hashCode() {
            int h = base;
            h = 31 * h + java.util.Arrays.hashCode(a);
            h = 31 * h + java.util.Arrays.hashCode(b);
            h = 31 * h + java.util.Arrays.hashCode(c);
            h = 31 * h + java.util.Arrays.hashCode(runStart);
            return 31 * h + java.util.Arrays.hashCode(runOp);
        }
    }

    /** Collects compiler messages. */
    private static final class StringBuilderWriter extends java.io.Writer {
        private final StringBuilder sb = new StringBuilder();

        @Override
        public void write(char[] cbuf, int off, int len) {
            sb.append(cbuf, off, len);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        @Override
        public String toString() {
            return sb.toString();
        }
    }

    /** Defines one generated class; parent loader resolves Kernels and Tape.Compiled. */
    private static final class Loader extends ClassLoader {
        Loader(ClassLoader parent) {
            super(parent);
        }

        Class<?> define(String name, byte[] bytes) {
            return defineClass(name, bytes, 0, bytes.length);
        }
    }
}
