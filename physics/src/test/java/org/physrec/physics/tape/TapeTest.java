package org.physrec.physics.tape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/** Every primitive's value and reverse-mode derivative against closed forms and central differences. */
class TapeTest {
    /** f(x, y) traced on two inputs; checks the tape value and both partials at (x, y). */
    private static void check(String name, BiFunction<Tracer, int[], Integer> f, double x, double y, double value) {
        Tracer t = new Tracer();
        int[] in = t.inputs(2);
        t.output(f.apply(t, in));
        Tape tape = t.compile();
        TapeState s = tape.newState();
        double[] p = {x, y};
        tape.setInputs(s, 0, p, 0, 2);
        tape.forward(s);
        if (!Double.isNaN(value)) {
            assertEquals(value, tape.output(s, 0), 1e-14 * (1 + Math.abs(value)), name + " value");
        }
        tape.seed(s, 0, new double[] {1}, 0, 1, true);
        tape.reverse(s);
        double gx = s.adjoints()[0];
        double gy = s.adjoints()[1];
        double h = 1e-6;
        double[] fd = new double[2];
        for (int k = 0; k < 2; k++) {
            double[] pp = p.clone();
            pp[k] += h;
            tape.setInputs(s, 0, pp, 0, 2);
            tape.forward(s);
            double up = tape.output(s, 0);
            pp[k] -= 2 * h;
            tape.setInputs(s, 0, pp, 0, 2);
            tape.forward(s);
            fd[k] = (up - tape.output(s, 0)) / (2 * h);
        }
        assertEquals(fd[0], gx, 1e-7 * (1 + Math.abs(fd[0])), name + " d/dx at " + x + ", " + y);
        assertEquals(fd[1], gy, 1e-7 * (1 + Math.abs(fd[1])), name + " d/dy at " + x + ", " + y);
    }

    @Test
    void elementaryOperations() {
        double x = 0.7;
        double y = -1.3;
        check("add", (t, a) -> t.add(a[0], a[1]), x, y, x + y);
        check("sub", (t, a) -> t.sub(a[0], a[1]), x, y, x - y);
        check("mul", (t, a) -> t.mul(a[0], a[1]), x, y, x * y);
        check("div", (t, a) -> t.div(a[0], a[1]), x, y, x / y);
        check("neg", (t, a) -> t.neg(a[0]), x, y, -x);
        check("sqr", (t, a) -> t.sqr(a[0]), x, y, x * x);
        check("sqrt", (t, a) -> t.sqrt(a[0]), x, y, Math.sqrt(x));
        check("sin", (t, a) -> t.sin(a[0]), x, y, Math.sin(x));
        check("cos", (t, a) -> t.cos(a[0]), x, y, Math.cos(x));
        // fused forms produced by compile(): a·b + c, c − a·b, a·b − c
        check("fma", (t, a) -> t.add(t.mul(a[0], a[1]), t.sin(a[0])), x, y, x * y + Math.sin(x));
        check("fnma", (t, a) -> t.sub(t.cos(a[1]), t.mul(a[0], a[1])), x, y, Math.cos(y) - x * y);
        check("fms", (t, a) -> t.sub(t.mul(a[0], a[1]), t.cos(a[1])), x, y, x * y - Math.cos(y));
    }

    @Test
    void smoothPrimitives() {
        for (double x : new double[] {-0.05, -0.001, 0, 0.0004, 0.003, 0.2}) {
            double w = 0.002;
            check("softplus", (t, a) -> t.softplus(a[0], w), x, 0, w * Math.log1p(Math.exp(x / w)));
            check("sigmoid", (t, a) -> t.sigmoid(a[0], w), x, 0, 1 / (1 + Math.exp(-x / w)));
        }
        // far tails stay finite
        check("softplus tail", (t, a) -> t.softplus(a[0], 1e-3), 50, 0, 50);
        check("sigmoid tail", (t, a) -> t.sigmoid(a[0], 1e-3), -50, 0, 0);
    }

    @Test
    void quaternionExpAndLogAcrossTheirSeriesThresholds() {
        for (double th : new double[] {0, 1e-4, 0.009, 0.011, 0.3, 2.5}) {
            double th2 = th * th;
            double s = th == 0 ? 0.5 : Math.sin(th / 2) / th;
            check("qexpS " + th, (t, a) -> t.qexpS(t.add(a[0], a[1])), th2, 0, s);
            check("qexpC " + th, (t, a) -> t.qexpC(t.add(a[0], a[1])), th2, 0, Math.cos(th / 2));
            double w = Math.cos(th / 2);
            double sv = Math.sin(th / 2);
            double expected = th == 0 ? 2 : 2 * Math.atan2(sv, w) / sv;
            if (th > 0) {
                check("qlogS " + th, (t, a) -> t.qlogS(a[0], a[1]), sv * sv, w, expected);
            }
        }
    }

    @Test
    void constantsFoldAndDeadCodeIsDropped() {
        Tracer t = new Tracer();
        int x = t.input();
        int zero = t.constant(0);
        int one = t.constant(1);
        assertEquals(x, t.add(x, zero));
        assertEquals(x, t.mul(x, one));
        assertTrue(t.isConstant(t.mul(x, zero)));
        t.sin(x); // unused
        t.output(t.mul(t.add(x, t.constant(2)), t.constant(3)));
        Tape tape = t.compile();
        assertEquals(2, tape.operationCount());
    }

    /**
     * Every opcode, an input nothing depends on, an input that is itself an output and an
     * unseeded output: generated code gives the interpreter's values and input adjoints bit for
     * bit, over two sweeps in one state (the second must not see the first's adjoints).
     */
    @Test
    void generatedCodeMatchesTheInterpreterBitForBit() {
        Tracer t = new Tracer();
        int[] in = t.inputs(4); // in[3] is unused
        int x = in[0];
        int y = in[1];
        int z = in[2];
        int s2 = t.add(t.sqr(x), t.constant(0.3));
        int[] terms = {
            t.add(x, y), t.sub(x, y), t.mul(x, y), t.add(t.mul(x, z), y), t.sub(y, t.mul(x, z)),
            t.sub(t.mul(y, z), x), t.div(x, t.add(t.sqr(y), t.constant(1.5))), t.neg(z), t.sqrt(s2), t.sin(x),
            t.cos(y), t.softplus(z, 0.1), t.sigmoid(y, 0.2), t.qexpS(s2), t.qexpC(s2), t.qlogS(s2, t.add(z,
                t.constant(2))), t.mul(t.constant(1.7), x),
        };
        for (int term : terms) {
            t.output(t.mul(term, t.add(x, t.constant(0.9))));
        }
        t.output(y);
        t.output(t.mul(x, t.constant(3.1))); // never seeded
        Tape interp = t.compile();
        Tape gen = interp.withGeneratedCode();
        assertTrue(gen.isGenerated());
        int seeded = terms.length + 1;
        java.util.Random rng = new java.util.Random(5);
        TapeState si = interp.newState();
        TapeState sg = gen.newState();
        for (int sweep = 0; sweep < 2; sweep++) {
            double[] p = {rng.nextGaussian(), rng.nextGaussian(), rng.nextGaussian(), rng.nextGaussian()};
            double[] seed = new double[seeded];
            for (int k = 0; k < seeded; k++) {
                seed[k] = rng.nextGaussian();
            }
            for (Tape tape : new Tape[] {interp, gen}) {
                TapeState s = tape == interp ? si : sg;
                tape.setInputs(s, 0, p, 0, 4);
                tape.forward(s);
                tape.seed(s, 0, seed, 0, seeded, true);
                tape.reverse(s);
            }
            for (int k = 0; k < interp.outputCount(); k++) {
                assertEquals(interp.output(si, k), gen.output(sg, k), 0.0, "output " + k);
            }
            for (int i = 0; i < 4; i++) {
                assertEquals(Double.doubleToRawLongBits(si.adjoints()[i]), Double.doubleToRawLongBits(sg.adjoints()[i]),
                        "adjoint of input " + i + ", sweep " + sweep);
            }
            assertEquals(0.0, sg.adjoints()[3]);
        }
    }
}
