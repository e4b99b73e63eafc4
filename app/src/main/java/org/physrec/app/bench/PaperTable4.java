package org.physrec.app.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The numbers of Table 4 of the Optimus supplement (mean final objective over 64 starts,
 * 200 iterations), copied as published, for side-by-side comparison. The paper's "Sum of
 * Squares" rows repeat its "Perm 0,d,β" rows (a copy error in the paper); they are kept as printed.
 */
public final class PaperTable4 {

    /** Column order of the table. */
    public static final List<String> METHODS = List.of("BFGS", "Optimus", "Adafactor MLP", "Adam", "Momentum");

    /** function,d,BFGS,Optimus,Adafactor MLP,Adam,Momentum */
    private static final String TABLE = """
            ackley,2,1.11e+01,6.65e+00,1.69e-01,8.51e+00,8.99e+00
            ackley,10,1.34e+01,7.16e-01,1.11e-01,1.06e+01,1.31e+01
            ackley,20,1.36e+01,2.12e-01,2.68e-01,1.16e+01,1.34e+01
            ackley,50,1.36e+01,5.46e-02,5.19e-01,1.15e+01,1.34e+01
            ackley,100,1.37e+01,6.80e-06,9.02e-02,1.18e+01,1.36e+01
            ackley,250,1.36e+01,3.65e-01,1.26e-01,1.18e+01,1.36e+01
            ackley,500,1.37e+01,1.38e+00,1.13e-01,1.17e+01,1.37e+01
            ackley,1000,1.37e+01,5.60e-05,7.71e-02,1.16e+01,1.37e+01
            dixon-price,2,4.64e-13,4.67e+00,8.86e-06,2.83e-01,5.42e+00
            dixon-price,10,6.35e-01,4.24e-01,6.67e-01,3.81e+00,2.49e+01
            dixon-price,20,6.67e-01,7.60e-03,6.68e-01,1.19e+01,3.44e+01
            dixon-price,50,7.58e-01,3.62e-02,6.77e-01,6.56e+01,8.19e+01
            dixon-price,100,5.54e+00,4.63e-01,7.20e-01,2.56e+02,1.89e+02
            dixon-price,250,8.67e+06,1.17e+00,1.05e+00,1.58e+03,9.12e+02
            dixon-price,500,8.93e+07,6.57e+00,2.20e+00,6.39e+03,6.60e+03
            dixon-price,1000,4.90e+08,3.30e+01,1.25e+01,2.53e+04,4.04e+09
            griewank,2,2.00e-02,9.04e-01,1.43e-01,1.96e-02,1.91e-02
            griewank,10,6.92e-02,2.81e-01,7.45e-01,5.16e-02,8.33e-02
            griewank,20,5.78e-04,5.63e-02,8.05e-01,9.16e-03,8.78e-01
            griewank,50,9.31e-10,4.48e-02,9.25e-01,1.62e-03,1.06e+00
            griewank,100,0.00e+00,3.41e-02,1.79e+00,1.69e-03,1.11e+00
            griewank,250,0.00e+00,4.68e-02,3.07e+00,9.31e-04,1.28e+00
            griewank,500,0.00e+00,2.30e-02,5.20e+00,9.29e-04,1.57e+00
            griewank,1000,0.00e+00,1.74e-01,9.34e+00,2.64e-04,2.14e+00
            levy,2,8.36e+00,5.65e+00,3.74e+00,8.40e+00,3.80e+00
            levy,10,2.20e+01,3.72e-01,1.15e-01,2.06e+01,1.53e+01
            levy,20,4.00e+01,1.31e-06,4.16e-02,3.81e+01,3.03e+01
            levy,50,9.51e+01,2.81e-03,5.89e-02,9.17e+01,7.12e+01
            levy,100,1.83e+02,3.96e-06,3.27e-03,1.78e+02,1.37e+02
            levy,250,4.20e+02,1.41e-03,8.96e+00,4.34e+02,3.39e+02
            levy,500,9.28e+02,1.52e-03,1.31e+02,8.89e+02,6.95e+02
            levy,1000,1.81e+03,9.78e-03,2.93e+03,1.76e+03,1.38e+03
            perm,2,1.76e-12,1.16e-01,1.07e-01,9.96e-09,5.65e-09
            perm,10,2.03e-12,8.17e-11,2.58e-10,5.69e-07,6.02e-07
            perm,20,1.06e-12,4.45e-10,1.24e-09,2.37e-06,2.60e-06
            perm,50,1.83e-12,7.14e-10,8.96e-09,1.61e-05,1.70e-05
            perm,100,1.89e-13,4.80e-09,4.70e-08,6.49e-05,6.73e-05
            perm,250,4.21e-08,2.95e-08,3.21e-02,4.02e-04,4.05e-03
            perm,500,6.24e-05,2.96e-07,4.53e-02,1.61e-03,6.86e-03
            perm,1000,1.25e-01,4.52e-06,1.33e+01,6.36e-03,2.27e+00
            powell,2,1.08e-08,4.29e-01,5.16e+00,7.83e+00,3.43e+01
            powell,10,1.81e-08,1.04e+01,7.02e+01,1.94e+01,1.20e+02
            powell,20,1.15e-07,8.17e-01,5.39e+01,3.82e+01,1.50e+02
            powell,50,2.09e-05,5.92e-02,1.14e+02,9.74e+01,4.31e+02
            powell,100,1.78e-03,1.38e-02,2.94e+02,2.12e+02,8.98e+02
            powell,250,9.41e+01,3.26e-03,5.87e+02,4.77e+02,2.18e+03
            powell,500,3.35e+04,7.06e-02,1.37e+03,9.98e+02,4.54e+03
            powell,1000,1.76e+05,1.26e+00,2.41e+03,1.93e+03,8.88e+03
            rastrigin,2,6.17e+01,3.30e+00,2.85e+00,3.99e+01,5.59e+01
            rastrigin,10,3.04e+02,5.24e+00,1.01e+01,1.93e+02,2.16e+02
            rastrigin,20,6.57e+02,7.12e+00,2.10e+01,4.20e+02,5.44e+02
            rastrigin,50,1.57e+03,1.33e+01,5.53e+01,1.05e+03,1.33e+03
            rastrigin,100,3.18e+03,2.27e+01,1.05e+02,2.04e+03,2.66e+03
            rastrigin,250,8.03e+03,5.48e+01,2.63e+02,5.14e+03,6.61e+03
            rastrigin,500,1.61e+04,1.06e+02,5.45e+02,1.03e+04,1.33e+04
            rastrigin,1000,3.30e+04,2.10e+02,1.10e+03,2.05e+04,2.67e+04
            rosenbrock,2,5.07e-13,3.48e+01,5.06e-01,3.58e+00,5.17e+00
            rosenbrock,10,5.43e-01,5.84e+00,4.12e+00,9.52e+01,2.16e+02
            rosenbrock,20,1.69e+01,2.00e+00,1.41e+01,1.99e+02,2.89e+02
            rosenbrock,50,8.40e+01,2.56e+00,4.40e+01,2.89e+02,3.04e+02
            rosenbrock,100,2.46e+02,4.47e+00,9.50e+01,5.26e+02,5.56e+02
            rosenbrock,250,5.24e+05,2.37e+01,2.45e+02,1.16e+03,5.50e+02
            rosenbrock,500,2.11e+06,5.33e+00,4.93e+02,2.31e+03,1.02e+03
            rosenbrock,1000,2.91e+06,2.17e+01,1.04e+03,4.61e+03,1.99e+03
            rotated-hyper-ellipsoid,2,2.36e-14,2.59e+01,1.74e+00,3.81e-07,5.32e-08
            rotated-hyper-ellipsoid,10,8.08e-15,2.18e+00,9.38e-03,2.31e-05,2.53e-05
            rotated-hyper-ellipsoid,20,1.45e-14,1.89e-01,6.46e-10,1.05e-04,9.07e-05
            rotated-hyper-ellipsoid,50,1.80e-15,1.95e-08,3.06e-07,6.81e-04,7.03e-04
            rotated-hyper-ellipsoid,100,7.18e-15,2.22e-07,2.24e+00,2.71e-03,2.86e-03
            rotated-hyper-ellipsoid,250,2.76e+02,5.88e-06,1.08e+01,1.71e-02,2.43e-01
            rotated-hyper-ellipsoid,500,4.09e+03,8.07e-05,7.24e+03,6.87e-02,3.61e+00
            rotated-hyper-ellipsoid,1000,1.91e+05,2.97e-04,3.70e+04,2.73e-01,1.94e+02
            sphere,2,7.07e-14,4.24e-04,3.22e-03,1.84e-09,3.68e-11
            sphere,10,1.25e-13,1.33e-09,1.81e-05,2.77e-08,1.66e-10
            sphere,20,2.21e-13,7.14e-10,8.02e-09,6.15e-08,3.35e-10
            sphere,50,1.40e-12,3.89e-10,7.48e-07,1.65e-07,8.28e-10
            sphere,100,1.14e-12,5.59e-10,3.54e-06,3.32e-07,1.66e-09
            sphere,250,1.73e-12,1.42e-09,2.19e-05,8.34e-07,4.13e-09
            sphere,500,8.48e-12,4.04e-05,7.99e-05,1.68e-06,8.37e-09
            sphere,1000,1.01e-11,1.60e-03,1.61e-04,3.33e-06,1.66e-08
            styblinski-tang,2,1.40e+01,4.59e+00,3.40e+00,1.10e+01,1.04e+01
            styblinski-tang,10,7.13e+01,3.39e+01,8.66e+00,5.00e+01,6.83e+01
            styblinski-tang,20,1.47e+02,6.51e+01,1.73e+01,1.43e+02,1.46e+02
            styblinski-tang,50,3.69e+02,1.66e+02,4.34e+01,3.61e+02,3.50e+02
            styblinski-tang,100,7.52e+02,3.40e+02,8.69e+01,7.10e+02,7.30e+02
            styblinski-tang,250,1.90e+03,8.20e+02,2.17e+02,1.78e+03,1.79e+03
            styblinski-tang,500,3.83e+03,1.52e+03,4.34e+02,3.57e+03,3.64e+03
            styblinski-tang,1000,7.59e+03,1.99e+03,8.70e+02,7.13e+03,7.17e+03
            sum-of-powers,2,3.86e-08,2.16e-08,3.42e-09,2.14e-06,3.96e-05
            sum-of-powers,10,2.16e-06,8.71e-09,1.66e-07,2.85e-04,1.38e-03
            sum-of-powers,20,3.60e-06,4.18e-09,1.25e-07,4.06e-04,2.11e-03
            sum-of-powers,50,4.24e-06,2.92e-09,1.92e-07,3.92e-04,2.53e-03
            sum-of-powers,100,4.99e-06,9.19e-09,4.53e-04,4.20e-04,6.37e-03
            sum-of-powers,250,5.32e-06,1.74e-08,1.66e+00,3.94e-04,3.05e-01
            sum-of-powers,500,5.63e-06,1.45e-02,4.90e+00,3.98e-04,9.88e-01
            sum-of-powers,1000,4.38e-06,2.95e-01,5.62e+00,4.14e-04,1.76e+00
            sum-of-squares,2,1.76e-12,1.16e-01,1.07e-01,9.96e-09,5.65e-09
            sum-of-squares,10,2.03e-12,8.17e-11,2.58e-10,5.69e-07,6.02e-07
            sum-of-squares,20,1.06e-12,4.45e-10,1.24e-09,2.37e-06,2.60e-06
            sum-of-squares,50,1.83e-12,7.56e-10,8.96e-09,1.61e-05,1.70e-05
            sum-of-squares,100,1.89e-13,4.80e-09,4.70e-08,6.49e-05,6.73e-05
            sum-of-squares,250,4.21e-08,2.95e-08,3.21e-02,4.02e-04,4.05e-03
            sum-of-squares,500,6.24e-05,2.96e-07,4.53e-02,1.61e-03,6.86e-03
            sum-of-squares,1000,1.25e-01,4.90e-06,1.33e+01,6.36e-03,2.27e+00
            trid,2,5.00e+00,5.00e+00,5.00e+00,5.00e+00,5.00e+00
            trid,10,6.50e+01,6.50e+01,6.51e+01,6.50e+01,6.50e+01
            trid,20,2.30e+02,2.30e+02,2.31e+02,2.95e+02,2.30e+02
            trid,50,1.33e+03,1.32e+03,1.35e+03,1.47e+04,1.32e+03
            trid,100,5.16e+03,5.11e+03,1.39e+04,1.56e+05,1.04e+04
            trid,250,5.55e+04,8.92e+05,2.18e+06,2.61e+06,1.57e+06
            trid,500,4.67e+06,1.64e+07,2.09e+07,2.10e+07,1.83e+07
            trid,1000,9.91e+07,1.57e+08,1.68e+08,1.67e+08,1.62e+08
            zakharov,2,3.61e-12,2.21e-01,8.11e-05,1.58e-01,2.11e-02
            zakharov,10,6.40e-12,9.58e-05,8.85e-04,3.00e+02,2.31e+07
            zakharov,20,6.28e-12,2.61e-03,2.45e+00,6.68e+02,2.09e+09
            zakharov,50,4.78e-12,1.46e+01,8.71e+01,1.83e+03,3.71e+11
            zakharov,100,3.20e+06,4.54e+01,1.34e+02,2.71e+04,3.45e+13
            zakharov,250,4.94e+11,2.12e+02,1.89e+02,1.81e+07,4.45e+15
            zakharov,500,2.82e+14,3.46e+02,5.61e+02,4.80e+08,2.96e+17
            zakharov,1000,1.53e+19,2.08e+19,1.15e+19,1.63e+10,2.08e+19
            """;

    private static final Map<String, double[]> VALUES = parse();

    private PaperTable4() {
    }

    private static Map<String, double[]> parse() {
        Map<String, double[]> map = new HashMap<>();
        for (String line : TABLE.strip().split("\\n")) {
            String[] parts = line.strip().split(",");
            double[] v = new double[METHODS.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = Double.parseDouble(parts[2 + i]);
            }
            map.put(parts[0] + "/" + parts[1], v);
        }
        return map;
    }

    /** The paper's value for (function name, d, method), if the table has it. */
    public static Optional<Double> value(String function, int d, String method) {
        int col = METHODS.indexOf(method);
        double[] row = VALUES.get(function + "/" + d);
        return col < 0 || row == null ? Optional.empty() : Optional.of(row[col]);
    }

    /**
     * The paper column matching one of our optimizer names (bfgs, adam, momentum, optimus,
     * adafac-mlp / adafactor-mlp), if any.
     */
    public static Optional<String> methodFor(String optimizer) {
        return switch (optimizer) {
            case "bfgs" -> Optional.of("BFGS");
            case "adam" -> Optional.of("Adam");
            case "momentum" -> Optional.of("Momentum");
            case "optimus" -> Optional.of("Optimus");
            case "adafac-mlp", "adafactor-mlp", "adafacmlp" -> Optional.of("Adafactor MLP");
            default -> Optional.empty();
        };
    }
}
