package org.physrec.optim.meta;

import java.util.List;
import org.physrec.optim.Objective;
import org.physrec.optim.functions.TestFunction;
import org.physrec.optim.functions.TestFunctions;

/** A Table 4 {@link TestFunction} as a {@link Problem}: the benchmark's init box and known minimum. */
public record TestFunctionProblem(TestFunction function) implements Problem {

    /** The fifteen test functions, or those named (case-insensitive). */
    public static List<Problem> of(List<String> names) {
        if (names.isEmpty() || names.contains("all")) {
            return TestFunctions.all().stream().map(f -> (Problem) new TestFunctionProblem(f)).toList();
        }
        return names.stream().map(n -> (Problem) new TestFunctionProblem(TestFunctions.byName(n))).toList();
    }

    @Override
    public String name() {
        return function.name();
    }

    @Override
    public Objective create(int n) {
        return function.objective(n);
    }

    @Override
    public double initLower(int n) {
        return function.initLow(n);
    }

    @Override
    public double initUpper(int n) {
        return function.initHigh(n);
    }

    @Override
    public double minimum(int n) {
        return function.minimum(n);
    }
}
