package org.legwatch.analysis.response;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;
import org.apache.commons.math3.stat.inference.TTest;
import org.junit.jupiter.api.Test;

/** The window comparisons and regressions that allow for night-to-night correlation. */
class AutocorrelatedTestsTest {
    /** x = 1..10 and y = x + 0.5: the pairwise differences are k + 0.5 (k = -9..9) with multiplicity 10 - |k|. */
    private static final double[] ONE_TO_TEN = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    private static final double[] HALF_HIGHER = {1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8.5, 9.5, 10.5};

    /** Days 0, 2, 4, ...: no two nights are consecutive, so no correlation can be estimated and none is used. */
    private static DaySeries everyOtherDay(int firstDay, double... values) {
        int[] days = new int[values.length];
        for (int i = 0; i < days.length; i++) {
            days[i] = firstDay + 2 * i;
        }
        return new DaySeries(days, values);
    }

    private static DaySeries ar1(SplittableRandom r, int first, int count, double rho, double sd, double mean) {
        int[] days = new int[count];
        double[] values = new double[count];
        double e = sd * r.nextGaussian();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                e = rho * e + Math.sqrt(1 - rho * rho) * sd * r.nextGaussian();
            }
            days[i] = first + i;
            values[i] = mean + e;
        }
        return new DaySeries(days, values);
    }

    @Test
    void varianceInflationByHand() {
        // Three consecutive nights, rho 0.5: (3 + 2 (0.5 + 0.5 + 0.25)) / 3
        assertEquals(5.5 / 3, DayAutocorrelation.varianceInflation(new int[] {0, 1, 2}, 0.5), 1e-12);
        // Two nights two days apart: (2 + 2 * 0.25) / 2
        assertEquals(1.25, DayAutocorrelation.varianceInflation(new int[] {0, 2}, 0.5), 1e-12);
        assertEquals(1, DayAutocorrelation.varianceInflation(new int[] {0, 1, 2}, 0), 0);
        // A long run approaches (1 + rho) / (1 - rho) = 3
        int[] days = new int[5000];
        for (int i = 0; i < days.length; i++) {
            days[i] = i;
        }
        assertEquals(3, DayAutocorrelation.varianceInflation(days, 0.5), 0.002);
    }

    @Test
    void correlationEstimateIsUnbiasedOnShortWindowsWhereTheRawOneIsNot() {
        SplittableRandom r = new SplittableRandom(11);
        double corrected = 0;
        double raw = 0;
        int trials = 3000;
        for (int t = 0; t < trials; t++) {
            DaySeries a = ar1(r, -28, 28, 0.45, 8, 30);
            DaySeries b = ar1(r, 28, 56, 0.45, 8, 20);
            corrected += DayAutocorrelation.aroundMeans(List.of(a, b));
            raw += new org.apache.commons.math3.stat.correlation.PearsonsCorrelation().correlation(
                    java.util.Arrays.copyOf(b.values(), 55), java.util.Arrays.copyOfRange(b.values(), 1, 56));
        }
        // First-order bias correction: the mean lands within 0.015 of the truth, on the conservative (higher) side.
        assertEquals(0.4575, corrected / trials, 0.0075);
        assertTrue(raw / trials < 0.42, "the uncorrected lag-1 correlation of 56 nights is biased low: " + raw / trials);
        assertEquals(0, DayAutocorrelation.aroundMeans(List.of(everyOtherDay(0, 1, 5, 2, 8))), 0);
    }

    @Test
    void hodgesLehmannByHand() {
        // Differences of {4, 6, 8} minus {1, 2, 3}: 1 2 3 3 4 5 5 6 7, median 4; all nine pairs have the response higher.
        RankShift.Estimate e = RankShift.compare(everyOtherDay(-10, 1, 2, 3), everyOtherDay(10, 4, 6, 8), 0.95, false);
        assertEquals(4, e.shift(), 0);
        assertEquals(9, e.mannWhitneyU(), 0);
    }

    @Test
    void mosesIntervalByHand() {
        // Unadjusted, C = floor(50 - 1.959964 * sqrt(100 * 21 / 12)) = 24: the 24th smallest difference is -2.5,
        // the 24th largest 3.5.
        RankShift.Estimate e = RankShift.compare(everyOtherDay(-40, ONE_TO_TEN), everyOtherDay(2, HALF_HIGHER), 0.95, false);
        assertEquals(0.5, e.shift(), 0);
        assertEquals(-2.5, e.ciLow(), 0);
        assertEquals(3.5, e.ciHigh(), 0);
        // At 80 %: C = floor(50 - 1.281552 * 13.2288) = 33: the 33rd smallest is k = -2.
        RankShift.Estimate narrow = RankShift.compare(everyOtherDay(-40, ONE_TO_TEN), everyOtherDay(2, HALF_HIGHER), 0.80, false);
        assertEquals(-1.5, narrow.ciLow(), 0);
        assertEquals(2.5, narrow.ciHigh(), 0);
    }

    @Test
    void unadjustedPValueIsTheTextbookMannWhitneyTest() {
        SplittableRandom r = new SplittableRandom(2);
        for (int trial = 0; trial < 20; trial++) {
            double[] x = new double[12 + r.nextInt(20)];
            double[] y = new double[12 + r.nextInt(40)];
            for (int i = 0; i < x.length; i++) {
                x[i] = 30 + 8 * r.nextGaussian();
            }
            for (int i = 0; i < y.length; i++) {
                y[i] = 26 + 8 * r.nextGaussian();
            }
            double reference = new MannWhitneyUTest().mannWhitneyUTest(x, y);
            double ours = RankShift.compare(everyOtherDay(-200, x), everyOtherDay(0, y), 0.95, false).pValue();
            assertEquals(reference, ours, 1e-9, "trial " + trial);
        }
    }

    @Test
    void adjustedTestWithoutConsecutiveNightsUsesStudentTOnTheEffectiveNights() {
        RankShift.Test test = RankShift.test(everyOtherDay(-40, ONE_TO_TEN), everyOtherDay(2, HALF_HIGHER), 0.95, true);
        assertEquals(0, test.rho(), 0);
        assertEquals(20, test.effectiveNights(), 1e-12);
        assertEquals(new org.apache.commons.math3.distribution.TDistribution(18).inverseCumulativeProbability(0.975), test.critical(), 1e-7);
        // U = 55 - ... : 10 pairs (i = j) have y higher by 0.5 plus the 45 pairs with j > i: 55 of 100.
        assertEquals(55, test.mannWhitneyU(), 0);
        assertEquals(5 / Math.sqrt(100 * 21 / 12.0), test.z(), 1e-12);
    }

    @Test
    void adjustedIntervalWidensWithCorrelation() {
        SplittableRandom r = new SplittableRandom(8);
        DaySeries a = ar1(r, -28, 28, 0.6, 8, 30);
        DaySeries b = ar1(r, 28, 56, 0.6, 8, 30);
        RankShift.Estimate naive = RankShift.compare(a, b, 0.95, false);
        RankShift.Estimate adjusted = RankShift.compare(a, b, 0.95, true);
        assertTrue(adjusted.rho() > 0.3, "rho " + adjusted.rho());
        assertTrue(adjusted.ciHigh() - adjusted.ciLow() > 1.4 * (naive.ciHigh() - naive.ciLow()));
        assertEquals(naive.shift(), adjusted.shift(), 0);
        assertTrue(adjusted.effectiveNights() < 84 / 2.0);
    }

    @Test
    void meanChangeWithoutCorrelationIsWelchsTest() {
        double[] x = {31, 28, 35, 40, 22, 30, 27, 33, 29, 36};
        double[] y = {20, 25, 18, 30, 22, 19, 24, 21, 26, 17, 23, 28};
        MeanChange.Estimate e = MeanChange.compare(everyOtherDay(-60, x), everyOtherDay(0, y), 0.95);
        assertEquals(0, e.rho(), 0);
        assertEquals(new TTest().tTest(x, y), e.pValue(), 1e-9);
        double difference = 22.75 - 31.1;
        assertEquals(difference, e.difference(), 1e-12);
        double se = Math.sqrt(MeanChange.sampleVariance(x) / 10 + MeanChange.sampleVariance(y) / 12);
        double df = Math.pow(se, 4) / (Math.pow(MeanChange.sampleVariance(x) / 10, 2) / 9 + Math.pow(MeanChange.sampleVariance(y) / 12, 2) / 11);
        double t = new org.apache.commons.math3.distribution.TDistribution(df).inverseCumulativeProbability(0.975);
        assertEquals(difference - t * se, e.ciLow(), 1e-7);
        assertEquals(difference + t * se, e.ciHigh(), 1e-7);
    }

    @Test
    void segmentedRegressionRecoversAKnownLine() {
        int[] days = new int[112];
        double[] y = new double[112];
        SplittableRandom r = new SplittableRandom(4);
        for (int i = 0; i < days.length; i++) {
            days[i] = i - 28;
            double post = days[i] >= 0 ? 1 : 0;
            y[i] = 40 + 0.1 * days[i] - 8 * post - 0.3 * post * days[i] + 0.01 * r.nextGaussian();
        }
        InterruptedTimeSeries.Result fit = InterruptedTimeSeries.fit(new DaySeries(days, y), 0.95, true);
        assertEquals(0.7, fit.baselineSlopePerWeek(), 5e-3);
        assertEquals(-8, fit.levelChange(), 1e-2);
        assertEquals(-2.1, fit.slopeChangePerWeek(), 5e-3);
        assertTrue(fit.levelCiLow() < -8 && fit.levelCiHigh() > -8);
        assertTrue(fit.levelP() < 1e-6);
        assertEquals(null, InterruptedTimeSeries.fit(new DaySeries(new int[] {-2, -1, 0, 1, 2}, new double[] {1, 2, 3, 4, 5}), 0.95, true));
    }

    @Test
    void glsEstimatesTheCorrelationOfALongSeriesAndKeepsTheSlope() {
        SplittableRandom r = new SplittableRandom(6);
        DaySeries noise = ar1(r, 0, 4000, 0.6, 8, 0);
        double[] y = noise.values().clone();
        double[][] design = new double[y.length][];
        for (int i = 0; i < y.length; i++) {
            y[i] += 10 + 0.01 * i;
            design[i] = new double[] {1, i};
        }
        Ar1Regression.Fit gls = Ar1Regression.fit(noise.days(), y, design, 0.95, true);
        Ar1Regression.Fit ols = Ar1Regression.fit(noise.days(), y, design, 0.95, false);
        assertEquals(0.6, gls.rho(), 0.03);
        assertEquals(0.01, gls.coefficient(1), 0.002);
        // Ordinary least squares understates the slope's uncertainty by about sqrt((1 + rho) / (1 - rho)) = 2.
        assertEquals(2, gls.standardError(1) / ols.standardError(1), 0.25);
    }
}
