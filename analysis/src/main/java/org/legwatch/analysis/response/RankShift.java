package org.legwatch.analysis.response;

import java.util.Arrays;
import java.util.List;

/**
 * The shift between a baseline window and a response window of nights: the Hodges-Lehmann
 * estimate (the median of all response-minus-baseline differences of one night from each window),
 * its confidence interval by inverting the Mann-Whitney test (Moses' order-statistic interval), and
 * the test's two-sided p-value.
 *
 * <p>Independent nights give the textbook variance of the Mann-Whitney statistic. Correlated nights
 * carry less information: the statistic is, to first order, a difference of two means of each
 * night's placement (its rank on a 0-1 scale), so its variance grows by the factor that correlation
 * gives the variance of a mean ({@link DayAutocorrelation#varianceInflation}), one factor per
 * window, weighted as the windows weigh in the variance: {@code (m k_response + n k_baseline) / N}.
 * The correlation is estimated from the placements within each window (bias-corrected), and the
 * critical value is Student's t with the effective number of nights minus 2 degrees of freedom, so
 * that short, strongly correlated windows are not overconfident. With the adjustment off the test is
 * the ordinary normal-approximation Mann-Whitney test (the simulation study uses it to show why the
 * adjustment is needed).
 */
public final class RankShift {
    private RankShift() {
    }

    /**
     * @param shift            Hodges-Lehmann estimate of response minus baseline
     * @param ciLow            lower confidence limit of the shift
     * @param ciHigh           upper confidence limit of the shift
     * @param pValue           two-sided p-value of "no shift"
     * @param rho              night-to-night correlation used (0 when not adjusted)
     * @param effectiveNights  baseline and response nights' worth of independent information
     * @param mannWhitneyU     pairs with the response night higher (ties count half)
     */
    public record Estimate(double shift, double ciLow, double ciHigh, double pValue, double rho,
                           double effectiveNights, double mannWhitneyU) {
    }

    /**
     * The Mann-Whitney test alone (no interval): what a caller that needs only the decision uses.
     *
     * @param z         standardised statistic, positive when the response window is higher
     * @param critical  the two-sided critical value at the confidence level
     * @param sd        standard deviation of U under "no shift", adjusted
     */
    public record Test(double mannWhitneyU, double z, double pValue, double critical, double sd, double rho, double effectiveNights) {
    }

    public static Test test(DaySeries baseline, DaySeries response, double confidence, boolean adjustForAutocorrelation) {
        int m = baseline.size();
        int n = response.size();
        if (m == 0 || n == 0) {
            throw new IllegalArgumentException("both windows need nights (baseline " + m + ", response " + n + ")");
        }
        int total = m + n;
        double[] pooled = new double[total];
        System.arraycopy(baseline.values(), 0, pooled, 0, m);
        System.arraycopy(response.values(), 0, pooled, m, n);
        Ranks ranks = Ranks.of(pooled);
        double responseRankSum = 0;
        for (int j = m; j < total; j++) {
            responseRankSum += ranks.rank(j);
        }
        double u = responseRankSum - n * (n + 1) / 2.0;
        double pairs = (double) m * n;
        double independentVariance = pairs / 12.0 * ((total + 1) - ranks.tieSum() / ((double) total * (total - 1)));

        double rho = 0;
        double baselineInflation = 1;
        double responseInflation = 1;
        if (adjustForAutocorrelation) {
            DaySeries baselinePlacements = baseline.withValues(Arrays.copyOfRange(ranks.all(), 0, m));
            DaySeries responsePlacements = response.withValues(Arrays.copyOfRange(ranks.all(), m, total));
            rho = DayAutocorrelation.aroundMeans(List.of(baselinePlacements, responsePlacements));
            baselineInflation = DayAutocorrelation.varianceInflation(baseline.days(), rho);
            responseInflation = DayAutocorrelation.varianceInflation(response.days(), rho);
        }
        double inflation = (m * responseInflation + n * baselineInflation) / total;
        double sd = Math.sqrt(independentVariance * inflation);
        double effective = m / baselineInflation + n / responseInflation;
        double z = sd > 0 ? (u - pairs / 2) / sd : 0;
        double critical;
        double pValue;
        if (adjustForAutocorrelation) {
            StudentT t = new StudentT(Math.max(1, effective - 2));
            critical = t.quantile(1 - (1 - confidence) / 2);
            pValue = sd > 0 ? 2 * t.cdf(-Math.abs(z)) : 1;
        } else {
            critical = Normal.quantile(1 - (1 - confidence) / 2);
            pValue = sd > 0 ? 2 * Normal.cdf(-Math.abs(z)) : 1;
        }
        return new Test(u, z, Math.min(1, pValue), critical, sd, rho, effective);
    }

    public static Estimate compare(DaySeries baseline, DaySeries response, double confidence, boolean adjustForAutocorrelation) {
        Test test = test(baseline, response, confidence, adjustForAutocorrelation);
        int m = baseline.size();
        int n = response.size();
        double[] differences = new double[m * n];
        int k = 0;
        for (double r : response.values()) {
            for (double b : baseline.values()) {
                differences[k++] = r - b;
            }
        }
        int count = m * n;
        int lowerMiddle = (count - 1) / 2;
        double median = Selection.select(differences, 0, count, lowerMiddle);
        double shift = count % 2 == 1 ? median : (median + Selection.min(differences, lowerMiddle + 1, count)) / 2;
        // Moses: the interval runs from the C-th smallest to the C-th largest difference. C <= (count + 1) / 2,
        // so the lower limit lies at or below the lower middle and the upper limit at or above it.
        int c = (int) Math.floor((double) count / 2 - test.critical() * test.sd());
        c = Math.max(1, Math.min(c, (count + 1) / 2));
        double low = Selection.select(differences, 0, lowerMiddle + 1, c - 1);
        double high = Selection.select(differences, lowerMiddle, count, count - c);
        return new Estimate(shift, low, high, test.pValue(), test.rho(), test.effectiveNights(), test.mannWhitneyU());
    }
}
