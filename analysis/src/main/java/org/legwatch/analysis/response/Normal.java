package org.legwatch.analysis.response;

import org.apache.commons.math3.distribution.NormalDistribution;

/** The standard normal distribution, shared (Commons Math's is immutable and thread-safe for these calls). */
final class Normal {
    private static final NormalDistribution STANDARD = new NormalDistribution(null, 0, 1);

    private Normal() {
    }

    static double cdf(double z) {
        return STANDARD.cumulativeProbability(z);
    }

    static double quantile(double p) {
        return STANDARD.inverseCumulativeProbability(p);
    }
}
