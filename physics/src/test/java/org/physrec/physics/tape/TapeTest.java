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
}
