package org.legwatch.analysis.response;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.junit.jupiter.api.Test;

/** Each statistic against hand-computed or published values, or an independent implementation. */
class StatisticsKnownValuesTest {

    @Test
    void quantilesAreType7() {
        double[] v = {10, 1, 9, 2, 8, 3, 7, 4, 6, 5};
        // R: quantile(1:10, c(.25, .5, .9)) = 3.25, 5.5, 9.1
        assertEquals(3.25, Quantiles.of(v, 0.25), 1e-12);
        assertEquals(5.5, Quantiles.median(v), 1e-12);
        assertEquals(9.1, Quantiles.of(v, 0.9), 1e-12);
        assertEquals(3, Quantiles.median(new double[] {5, 3, 1}), 0);
        assertEquals(Double.NaN, Quantiles.median(new double[0]));
    }

    @Test
    void selectionFindsTheSameOrderStatisticsAsSorting() {
        SplittableRandom r = new SplittableRandom(3);
        for (int trial = 0; trial < 300; trial++) {
            int n = 1 + r.nextInt(200);
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                values[i] = trial % 3 == 0 ? r.nextInt(5) : r.nextGaussian();
            }
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            int k = r.nextInt(n);
            assertEquals(sorted[k], Selection.select(values.clone(), 0, n, k), 0, "trial " + trial);
            double[] partitioned = values.clone();
            Selection.select(partitioned, 0, n, k);
            for (int i = 0; i < n; i++) {
                if (i < k) {
                    assertEquals(true, partitioned[i] <= partitioned[k]);
                } else if (i > k) {
                    assertEquals(true, partitioned[i] >= partitioned[k]);
                }
            }
        }
    }

    @Test
    void midRanksAndTieSum() {
        Ranks ranks = Ranks.of(new double[] {3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5});
        // sorted: 1 1 2 3 3 4 5 5 5 6 9 -> 1:1.5, 2:3, 3:4.5, 4:6, 5:8, 6:10, 9:11
        assertArrayEquals(new double[] {4.5, 1.5, 6, 1.5, 8, 11, 3, 10, 8, 4.5, 8}, ranks.all(), 0);
        // ties of 2, 2 and 3: (8-2) + (8-2) + (27-3)
        assertEquals(36, ranks.tieSum(), 0);
    }

    @Test
    void spearmanByHandAndAgainstCommonsMathWithTies() {
        // d = -1, 1, -1, 1, 0: rho = 1 - 6 * 4 / (5 * 24) = 0.8
        assertEquals(0.8, RankCorrelation.spearman(new double[] {1, 2, 3, 4, 5}, new double[] {2, 1, 4, 3, 5}).rho(), 1e-12);
        double[] x = {1, 2, 2, 3, 5, 5, 5, 8};
        double[] y = {3, 1, 4, 1, 5, 9, 2, 6};
        assertEquals(new SpearmansCorrelation().correlation(x, y), RankCorrelation.spearman(x, y).rho(), 1e-12);
        assertNull(RankCorrelation.spearman(new double[] {1, 2}, new double[] {2, 1}));
        assertNull(RankCorrelation.spearman(new double[] {1, 2, 3}, new double[] {4, 4, 4}));
    }

    @Test
    void studentQuantilesMatchCommonsMath() {
        for (double df : new double[] {1, 1.7, 2, 4.5, 9, 30, 250, 5000}) {
            TDistribution reference = new TDistribution(df);
            for (double p : new double[] {0.025, 0.5, 0.6, 0.9, 0.975, 0.995, 0.9995}) {
                assertEquals(reference.inverseCumulativeProbability(p), new StudentT(df).quantile(p), 1e-7, "df " + df + " p " + p);
            }
        }
        // A textbook value: t(0.975, 10) = 2.228139
        assertEquals(2.228139, new StudentT(10).quantile(0.975), 1e-6);
    }

    @Test
    void wilsonIntervalByHand() {
        // 8 of 10: centre (0.8 + 1.96^2/20) / (1 + 1.96^2/10) = 0.7168; half-width 0.2266
        Proportion p = Proportion.wilson(8, 10, 0.95);
        assertEquals(0.8, p.estimate(), 0);
        assertEquals(0.4902, p.ciLow(), 1e-4);
        assertEquals(0.9433, p.ciHigh(), 1e-4);
        Proportion none = Proportion.wilson(0, 10, 0.95);
        assertEquals(0, none.ciLow(), 0);
        assertEquals(0.2775, none.ciHigh(), 1e-4);
        assertEquals(Double.NaN, Proportion.wilson(0, 0, 0.95).estimate());
        assertThrows(IllegalArgumentException.class, () -> Proportion.wilson(3, 2, 0.95));
    }

    @Test
    void kaplanMeierReproducesTheSixMercaptopurineExample() {
        // Gehan (1965) 6-MP arm, remission weeks, * censored; the published Kaplan-Meier curve:
        // S = 0.857 (6), 0.807 (7), 0.753 (10), 0.690 (13), 0.627 (16), 0.538 (22), 0.448 (23); median 23.
        double[] t = {6, 6, 6, 6, 7, 9, 10, 10, 11, 13, 16, 17, 19, 20, 22, 23, 25, 32, 32, 34, 35};
        boolean[] event = {true, true, true, false, true, false, true, false, false, true, true, false, false, false,
            true, true, false, false, false, false, false};
        KaplanMeier km = KaplanMeier.estimate(t, event);
        double[][] expected = {{6, 0.857}, {7, 0.807}, {10, 0.753}, {13, 0.690}, {16, 0.627}, {22, 0.538}, {23, 0.448}};
        assertEquals(expected.length, km.steps().size());
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i][0], km.steps().get(i).time(), 0);
            assertEquals(expected[i][1], km.steps().get(i).survival(), 5e-4);
        }
        assertEquals(23, km.median(), 0);
        assertEquals(9, km.events());
        assertEquals(0.753, km.survival(12), 5e-4);
        assertEquals(1, km.survival(5), 0);
        // One event among three: the curve stops at 2/3, so the median is not reached.
        assertEquals(Double.NaN, KaplanMeier.estimate(new double[] {5, 8, 9}, new boolean[] {true, false, false}).median());
    }

    @Test
    void leastSquaresMatchesCommonsMathRegression() {
        SplittableRandom r = new SplittableRandom(5);
        int n = 90;
        double[] y = new double[n];
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) {
            double day = i - 28;
            double post = day >= 0 ? 1 : 0;
            x[i] = new double[] {1, day, post, post * day};
            y[i] = 30 - 0.05 * day - 6 * post + 0.1 * post * day + 5 * r.nextGaussian();
        }
        OLSMultipleLinearRegression reference = new OLSMultipleLinearRegression();
        reference.setNoIntercept(true);
        reference.newSampleData(y, x);
        double[] beta = reference.estimateRegressionParameters();
        double[] se = reference.estimateRegressionParametersStandardErrors();
        LeastSquares ours = LeastSquares.fit(y, x);
        for (int j = 0; j < 4; j++) {
            assertEquals(beta[j], ours.beta()[j], 1e-9 * Math.max(1, Math.abs(beta[j])));
            assertEquals(se[j], Math.sqrt(ours.covariance()[j][j]), 1e-9);
        }
        double[][] collinear = {{1, 2}, {1, 2}, {1, 2}, {1, 2}};
        assertThrows(IllegalArgumentException.class, () -> LeastSquares.fit(new double[] {1, 2, 3, 4}, collinear));
    }

    @Test
    void stepChangeFindsTheBestSplitInTheAskedDirection() {
        double[] values = {5, 5, 6, 5, 1, 2, 1, 1};
        StepChange.Step down = StepChange.best(values, 1, 1, -1);
        assertEquals(4, down.index());
        assertEquals(5.25, down.before(), 1e-12);
        assertEquals(1.25, down.after(), 1e-12);
        assertNull(StepChange.best(new double[] {1, 1, 5, 5}, 1, 1, -1));
        // At least 5 values after the split: the drop at index 4 cannot be chosen, the best allowed split is earlier.
        assertEquals(3, StepChange.best(values, 1, 5, -1).index());
        // The later segment may not start before firstCandidate.
        assertEquals(6, StepChange.best(values, 6, 1, -1).index());
    }

    @Test
    void ironGuidelineBoundaries() {
        assertEquals(IronGuideline.Recommendation.ORAL_OR_IV, IronGuideline.check(75, Double.NaN, false).recommendation());
        assertEquals(IronGuideline.Recommendation.IV_ONLY, IronGuideline.check(75.5, Double.NaN, false).recommendation());
        assertEquals(IronGuideline.Recommendation.IV_ONLY, IronGuideline.check(100, 20, false).recommendation());
        assertEquals(IronGuideline.Recommendation.NOT_INDICATED, IronGuideline.check(100.5, 20, false).recommendation());
        assertEquals(IronGuideline.Recommendation.ORAL_OR_IV, IronGuideline.check(150, 19, false).recommendation());
        assertEquals(IronGuideline.Recommendation.ORAL_OR_IV, IronGuideline.check(90, 19.9, false).recommendation());
        IronGuideline.Check early = IronGuideline.check(600, 35, true);
        assertEquals(true, early.reason().contains("within 4 weeks after IV iron"), early.reason());
        assertEquals(true, early.reason().startsWith("AASM 2024 (adults): iron generally not indicated"), early.reason());
        assertThrows(IllegalArgumentException.class, () -> IronGuideline.check(-1, 30, false));
    }

    @Test
    void formulationsAreRecognisedByGenericAndBrandName() {
        assertEquals(Formulation.FERRIC_CARBOXYMALTOSE, Formulation.of("Ferinject 1000 mg"));
        assertEquals(Formulation.FERRIC_CARBOXYMALTOSE, Formulation.of("FCM"));
        assertEquals(Formulation.FERRIC_CARBOXYMALTOSE, Formulation.of("ferric carboxymaltose"));
        assertEquals(Formulation.IRON_DEXTRAN, Formulation.of("LMW iron dextran"));
        assertEquals(Formulation.FERUMOXYTOL, Formulation.of("Feraheme"));
        assertEquals(Formulation.IRON_SUCROSE, Formulation.of("Venofer"));
        assertEquals(Formulation.FERRIC_DERISOMALTOSE, Formulation.of("Monofer"));
        assertEquals(Formulation.OTHER, Formulation.of("unknown iron"));
        assertEquals(Formulation.OTHER, Formulation.of("fcmx"));
    }
}
