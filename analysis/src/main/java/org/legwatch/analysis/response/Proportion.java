package org.legwatch.analysis.response;

/**
 * {@code successes} out of {@code trials} with the Wilson score interval, which keeps its coverage
 * for small counts and for rates near 0 or 1 where the textbook (Wald) interval fails.
 */
public record Proportion(int successes, int trials, double estimate, double ciLow, double ciHigh) {
    public static Proportion wilson(int successes, int trials, double confidence) {
        if (successes < 0 || trials < successes) {
            throw new IllegalArgumentException(successes + " of " + trials);
        }
        if (trials == 0) {
            return new Proportion(0, 0, Double.NaN, Double.NaN, Double.NaN);
        }
        double z = Normal.quantile(1 - (1 - confidence) / 2);
        double p = successes / (double) trials;
        double z2n = z * z / trials;
        double centre = (p + z2n / 2) / (1 + z2n);
        double half = z / (1 + z2n) * Math.sqrt(p * (1 - p) / trials + z2n / (4 * trials));
        return new Proportion(successes, trials, p, Math.max(0, centre - half), Math.min(1, centre + half));
    }
}
