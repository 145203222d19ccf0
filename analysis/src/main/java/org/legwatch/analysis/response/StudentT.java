package org.legwatch.analysis.response;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * Student's t distribution with a fast quantile. Commons Math finds quantiles with a general
 * root finder (dozens of evaluations of the distribution function); here Newton's method starts
 * from the Cornish-Fisher expansion around the normal quantile and converges in a few steps. For
 * {@code p > 0.5} the distribution function is concave above the start, so the steps approach the
 * root from below without overshooting.
 */
final class StudentT {
    private static final double TOLERANCE = 1e-12;
    private static final int MAX_STEPS = 60;
    private final TDistribution distribution;
    private final double df;

    StudentT(double degreesOfFreedom) {
        this.df = degreesOfFreedom;
        this.distribution = new TDistribution(null, degreesOfFreedom);
    }

    double cdf(double x) {
        return distribution.cumulativeProbability(x);
    }

    double quantile(double p) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("probability " + p + " is outside (0, 1)");
        }
        if (p < 0.5) {
            return -quantile(1 - p);
        }
        if (p == 0.5) {
            return 0;
        }
        double z = Normal.quantile(p);
        double z3 = z * z * z;
        double x = z + (z3 + z) / (4 * df) + (5 * z3 * z * z + 16 * z3 + 3 * z) / (96 * df * df);
        if (cdf(x) > p) {
            x = z;
        }
        for (int step = 0; step < MAX_STEPS; step++) {
            double next = x + (p - cdf(x)) / distribution.density(x);
            if (Math.abs(next - x) <= TOLERANCE * Math.max(1, Math.abs(x))) {
                return next;
            }
            x = next;
        }
        return distribution.inverseCumulativeProbability(p);
    }
}
