package org.legwatch.analysis.response;

/**
 * Spearman's rank correlation of {@code n} pairs: the Pearson correlation of their mid-ranks.
 * Descriptive only: nights are correlated, so no p-value is attached (an independent-pairs p-value
 * would overstate the evidence).
 */
public record RankCorrelation(double rho, int n) {
    /** {@code null} with fewer than 3 pairs or when either variable is constant. */
    public static RankCorrelation spearman(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException(x.length + " x values but " + y.length + " y values");
        }
        int n = x.length;
        if (n < 3) {
            return null;
        }
        double[] rx = Ranks.of(x).all();
        double[] ry = Ranks.of(y).all();
        double mean = (n + 1) / 2.0;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            double dx = rx[i] - mean;
            double dy = ry[i] - mean;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        if (sxx == 0 || syy == 0) {
            return null;
        }
        return new RankCorrelation(sxy / Math.sqrt(sxx * syy), n);
    }
}
