package org.physrec.optim.functions;

import java.util.List;
import java.util.stream.Collectors;

/** The fifteen Table 4 test functions, in the table's order, by name. */
public final class TestFunctions {

    private static final List<TestFunction> ALL = List.of(
            new Functions.Ackley(), new Functions.DixonPrice(), new Functions.Griewank(), new Functions.Levy(),
            new Functions.Perm(), new Functions.Powell(), new Functions.Rastrigin(), new Functions.Rosenbrock(),
            new Functions.RotatedHyperEllipsoid(), new Functions.Sphere(), new Functions.StyblinskiTang(),
            new Functions.SumOfPowers(), new Functions.SumOfSquares(), new Functions.Trid(), new Functions.Zakharov());

    private TestFunctions() {
    }

    /** All fifteen functions, Table 4 order. */
    public static List<TestFunction> all() {
        return ALL;
    }

    /** The names, Table 4 order. */
    public static List<String> names() {
        return ALL.stream().map(TestFunction::name).collect(Collectors.toList());
    }

    /**
     * A function by name (case-insensitive).
     *
     * @throws IllegalArgumentException naming the unknown function and listing the known ones
     */
    public static TestFunction byName(String name) {
        String key = name == null ? "" : name.trim().toLowerCase(java.util.Locale.ROOT);
        for (TestFunction f : ALL) {
            if (f.name().equals(key)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown function '" + name + "'; known: " + String.join(", ", names()));
    }
}
