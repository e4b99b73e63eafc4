package org.physrec.optim.meta;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Test problems with random dimension (log-uniform in [minDim, maxDim], rounded to a size the
 * problem supports), random rotation (with probability {@code rotationProbability}), random
 * shift of the coordinates (uniform within half the init box), random scale of f
 * (log-uniform in [1/scaleRange, scaleRange]) and random start (uniform in the init box
 * shrunk by a log-uniform factor in [minInitFraction, 1] around its centre). The benchmark
 * evaluates the untransformed functions, so training cannot memorize it.
 */
public record FunctionTaskFamily(List<Problem> problems, int minDim, int maxDim, double rotationProbability,
                                 double scaleRange, double minInitFraction) implements TaskFamily {

    public FunctionTaskFamily {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("problems: empty");
        }
        if (minDim < 1 || maxDim < minDim) {
            throw new IllegalArgumentException("minDim, maxDim: need 1 <= minDim <= maxDim, got " + minDim + ", " + maxDim);
        }
        if (!(scaleRange >= 1) || !(minInitFraction > 0 && minInitFraction <= 1)) {
            throw new IllegalArgumentException("scaleRange >= 1 and 0 < minInitFraction <= 1 required, got "
                    + scaleRange + ", " + minInitFraction);
        }
        problems = List.copyOf(problems);
    }

    @Override
    public String name() {
        return "functions";
    }

    @Override
    public MetaTask sample(SplittableRandom rng) {
        Problem p = problems.get(rng.nextInt(problems.size()));
        int n = (int) Math.round(Math.exp(Math.log(minDim) + rng.nextDouble() * (Math.log(maxDim) - Math.log(minDim))));
        while (!p.supports(n)) {
            n++;
        }
        double lo = p.initLower(n);
        double hi = p.initUpper(n);
        double centre = 0.5 * (lo + hi);
        double half = 0.5 * (hi - lo);
        double[] shift = new double[n];
        for (int i = 0; i < n; i++) {
            shift[i] = (rng.nextDouble() * 2 - 1) * half * 0.5;
        }
        boolean rotate = rng.nextDouble() < rotationProbability;
        double[] rotation = rotate ? TransformedObjective.randomRotation(n, rng) : null;
        double scale = Math.exp((rng.nextDouble() * 2 - 1) * Math.log(scaleRange));
        double frac = Math.exp(rng.nextDouble() * Math.log(minInitFraction));
        double[] xInit = new double[n];
        for (int i = 0; i < n; i++) {
            xInit[i] = centre + (rng.nextDouble() * 2 - 1) * half * frac;
        }
        TransformedObjective g = new TransformedObjective(p.create(n), rotation, shift, scale);
        double[] y0 = new double[n];
        g.fromOriginal(xInit, y0);
        String desc = String.format("%s n=%d%s scale=%.3g init=%.3g", p.name(), n, rotate ? " rotated" : "", scale, frac);
        return new MetaTask(g, y0, scale * p.minimum(n), desc);
    }
}
