package org.legwatch.analysis.response;

import java.util.List;

/**
 * Response-window mean minus baseline-window mean with a Welch-type confidence interval whose
 * variance of each mean is inflated by the windows' night-to-night correlation
 * ({@link DayAutocorrelation}); degrees of freedom by Welch-Satterthwaite on the effective numbers
 * of nights.
 */
public final class MeanChange {
    private MeanChange() {
    }

    /**
     * @param difference response mean minus baseline mean
     * @param rho        night-to-night correlation used
     */
    public record Estimate(double difference, double ciLow, double ciHigh, double pValue, double rho, double degreesOfFreedom) {
    }

    /** Needs at least 2 nights in each window. */
    public static Estimate compare(DaySeries baseline, DaySeries response, double confidence) {
        if (baseline.size() < 2 || response.size() < 2) {
            throw new IllegalArgumentException("a mean change needs 2 nights per window (baseline "
                    + baseline.size() + ", response " + response.size() + ")");
        }
        double rho = DayAutocorrelation.aroundMeans(List.of(baseline, response));
        double baselineTerm = varianceOfMean(baseline, rho);
        double responseTerm = varianceOfMean(response, rho);
        double difference = response.mean() - baseline.mean();
        double se = Math.sqrt(baselineTerm + responseTerm);
        double baselineDf = effectiveNights(baseline, rho) - 1;
        double responseDf = effectiveNights(response, rho) - 1;
        double df = se == 0 ? 1 : Math.pow(se, 4)
                / (baselineTerm * baselineTerm / Math.max(1, baselineDf) + responseTerm * responseTerm / Math.max(1, responseDf));
        StudentT t = new StudentT(Math.max(1, df));
        double critical = t.quantile(1 - (1 - confidence) / 2);
        double p = se == 0 ? (difference == 0 ? 1 : 0) : 2 * t.cdf(-Math.abs(difference / se));
        return new Estimate(difference, difference - critical * se, difference + critical * se, p, rho, df);
    }

    private static double varianceOfMean(DaySeries series, double rho) {
        return sampleVariance(series.values()) / series.size() * DayAutocorrelation.varianceInflation(series.days(), rho);
    }

    private static double effectiveNights(DaySeries series, double rho) {
        return series.size() / DayAutocorrelation.varianceInflation(series.days(), rho);
    }

    static double sampleVariance(double[] values) {
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= values.length;
        double sum = 0;
        for (double v : values) {
            sum += (v - mean) * (v - mean);
        }
        return sum / (values.length - 1);
    }
}
