package org.legwatch.analysis.response;

import java.util.Arrays;

/** Count, mean, SD and quantiles (type 7) of a sample; {@code NaN} where undefined. */
public record Distribution(int n, double mean, double sd, double min, double q05, double q25, double median,
                           double q75, double q95, double max) {
    public static Distribution of(double[] values) {
        int n = values.length;
        if (n == 0) {
            return new Distribution(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, Double.NaN);
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(sorted).average().orElseThrow();
        double sd = n > 1 ? Math.sqrt(MeanChange.sampleVariance(sorted)) : Double.NaN;
        return new Distribution(n, mean, sd, sorted[0], Quantiles.ofSorted(sorted, 0.05), Quantiles.ofSorted(sorted, 0.25),
                Quantiles.ofSorted(sorted, 0.5), Quantiles.ofSorted(sorted, 0.75), Quantiles.ofSorted(sorted, 0.95), sorted[n - 1]);
    }
}
