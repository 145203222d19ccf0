package org.legwatch.analysis.response;

import java.util.List;

/**
 * Night-to-night correlation under a first-order autoregressive model on calendar days: two nights
 * {@code k} days apart correlate by {@code rho^k}, so missing nights are handled exactly rather than
 * by pretending the observed nights are consecutive.
 *
 * <p>The lag-1 estimate from a short series is biased low (about {@code -(1 + 4 rho)/n} for a
 * series around its own mean, Marriott and Pope 1954, plus about {@code -1/n} per further fitted
 * parameter). Because an underestimated rho makes every interval too narrow, the estimate is
 * corrected for that bias and never taken below 0: legwatch does not let negative sample
 * correlation shrink an interval below the independent-nights width.
 */
public final class DayAutocorrelation {
    /** The largest correlation used; beyond it a window holds almost no independent information. */
    public static final double MAX_RHO = 0.95;

    private DayAutocorrelation() {
    }

    /** A segment of residuals (values around a fitted model) and how many parameters were fitted to it. */
    public record Residuals(DaySeries series, int fittedParameters) {
    }

    /**
     * The bias-corrected lag-1 autocorrelation pooled over segments of residuals, each already
     * centred on its own fit; only pairs of nights on consecutive days count. Returns 0 when no
     * segment has such a pair.
     */
    public static double estimate(List<Residuals> segments) {
        double products = 0;
        double squares = 0;
        int pairs = 0;
        int observations = 0;
        double constantBias = 0;
        double slopeBias = 0;
        for (Residuals segment : segments) {
            int[] days = segment.series().days();
            double[] e = segment.series().values();
            int segmentPairs = 0;
            for (int i = 0; i < e.length; i++) {
                squares += e[i] * e[i];
                if (i > 0 && days[i] - days[i - 1] == 1) {
                    products += e[i] * e[i - 1];
                    segmentPairs++;
                }
            }
            observations += e.length;
            pairs += segmentPairs;
            if (segmentPairs > 0) {
                constantBias += segmentPairs * (double) segment.fittedParameters() / e.length;
                slopeBias += segmentPairs * 4.0 / e.length;
            }
        }
        if (pairs == 0 || squares == 0) {
            return 0;
        }
        // Products per pair over squares per night, scaled to the usual r1 = sum(e_t e_t+1) / sum(e_t^2) of
        // complete segments (n - 1 pairs per n nights), the estimator whose bias the correction describes.
        double raw = (products / pairs) / (squares / observations) * (observations - segments.size()) / observations;
        double corrected = (raw + constantBias / pairs) / (1 - Math.min(0.5, slopeBias / pairs));
        return Math.max(0, Math.min(MAX_RHO, corrected));
    }

    /** The estimate for segments each centred on its own mean. */
    public static double aroundMeans(List<DaySeries> segments) {
        return estimate(segments.stream().map(s -> new Residuals(centred(s), 1)).toList());
    }

    /** The series minus its mean. */
    public static DaySeries centred(DaySeries series) {
        double mean = series.mean();
        double[] values = series.values().clone();
        for (int i = 0; i < values.length; i++) {
            values[i] -= mean;
        }
        return series.withValues(values);
    }

    /**
     * How much the correlation inflates the variance of the mean of nights on these days compared
     * with independent nights: {@code (1/n) sum_i sum_j rho^|d_i - d_j|}. 1 for independent nights;
     * about {@code (1 + rho)/(1 - rho)} for a long run of consecutive nights.
     */
    public static double varianceInflation(int[] days, double rho) {
        int n = days.length;
        if (n == 0 || rho <= 0) {
            return 1;
        }
        // rho^lag by table up to the lag where it falls below 1e-9 (404 days at rho 0.95).
        int longest = (int) Math.ceil(Math.log(1e-9) / Math.log(rho));
        double[] power = new double[longest + 1];
        power[0] = 1;
        for (int lag = 1; lag <= longest; lag++) {
            power[lag] = power[lag - 1] * rho;
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                int lag = days[j] - days[i];
                if (lag > longest) {
                    break;
                }
                sum += power[lag];
            }
        }
        return 1 + 2 * sum / n;
    }
}
