package org.legwatch.analysis.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.legwatch.analysis.scoring.Fixtures.WASM;
import static org.legwatch.analysis.scoring.Fixtures.clmsAt;
import static org.legwatch.analysis.scoring.Fixtures.clmsAtUs;
import static org.legwatch.analysis.scoring.Fixtures.concat;
import static org.legwatch.analysis.scoring.Fixtures.l;
import static org.legwatch.analysis.scoring.Fixtures.r;
import static org.legwatch.analysis.scoring.Fixtures.rUs;
import static org.legwatch.analysis.scoring.Fixtures.us;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** NightAccumulator / NightStatistics on hand-computed nights. */
class NightStatisticsTest {
    private static final double EPS = 1e-9;

    /** Scores the night in streaming form with the accumulator as the sink. */
    private static NightStatistics stats(List<LegMovement> night, ScoringAnnotations annotations, double hours) {
        List<LegMovement> sorted = new ArrayList<>(night);
        sorted.sort((a, b) -> Long.compare(a.onsetUs(), b.onsetUs()));
        NightAccumulator[] holder = new NightAccumulator[1];
        StreamingScorer scorer = new StreamingScorer(WASM, annotations, m -> holder[0].accept(m));
        holder[0] = NightAccumulator.forScorer(scorer);
        for (LegMovement m : sorted) {
            scorer.accept(m);
        }
        scorer.finish();
        return holder[0].statistics(hours);
    }

    private static NightStatistics stats(List<LegMovement> night) {
        return stats(night, ScoringAnnotations.NONE, 8);
    }

    /** Right-leg 1 s CLMs whose successive IMIs are the given seconds, starting at 0. */
    private static List<LegMovement> withImis(double... imisS) {
        List<LegMovement> list = new ArrayList<>();
        double t = 0;
        list.add(r(0, 1));
        for (double imi : imisS) {
            t += imi;
            list.add(r(t, t + 1));
        }
        return list;
    }

    @Test
    void countsByLeg() {
        List<LegMovement> night = concat(
                // series: R, L, B, R
                List.of(r(0, 1), l(20, 21), r(40, 41), l(40.5, 41.5), r(60, 61)),
                // non-CLMs: a 12 s right movement and a five-member bilateral movement
                List.of(r(200, 212)),
                List.of(r(300, 301), l(301.2, 302.2), r(302.4, 303.4), l(303.6, 304.6), r(304.8, 305.8)),
                // a lone left CLM
                List.of(l(500, 501)));
        NightStatistics s = stats(night, ScoringAnnotations.NONE, 2.0);
        assertEquals(new NightStatistics.LegCounts(7, 3, 2, 2), s.lm());
        assertEquals(new NightStatistics.LegCounts(5, 2, 2, 1), s.clm());
        assertEquals(new NightStatistics.LegCounts(4, 2, 1, 1), s.plm());
        assertEquals(3.5, s.lmIndex(), EPS);
        assertEquals(2.5, s.clmIndex(), EPS);
        assertEquals(2.0, s.plmIndex(), EPS);
        assertEquals(1, s.seriesCount());
        assertEquals("wasm2016", s.rules());
        assertEquals(2.0, s.hoursInBed(), EPS);
    }

    @Test
    void indicesAreNanWithoutTimeInBed() {
        NightStatistics s = stats(clmsAt(0, 20, 40, 60), ScoringAnnotations.NONE, 0);
        assertTrue(Double.isNaN(s.plmIndex()));
        assertTrue(Double.isNaN(s.lmIndex()));
        assertTrue(Double.isNaN(s.plmIndexExcludingRespiratory()));
    }

    @Test
    void periodicityIndexOnAHandComputedNight() {
        // IMIs 20 20 20 | 10 | 20 20 | 95 | 30 30 30 30 90
        // runs of 10 < IMI <= 90: [20 20 20] (3, counts), [20 20] (2, does not), [30 30 30 30 90] (5, counts)
        // 10 is not > 10 and 95 is not <= 90: both end runs. PI = (3 + 5) / 12
        NightStatistics s = stats(withImis(20, 20, 20, 10, 20, 20, 95, 30, 30, 30, 30, 90));
        assertEquals(12, s.imiCount());
        assertEquals(8 / 12.0, s.periodicityIndex(), EPS);
    }

    @Test
    void periodicityRunsEndAtUndefinedImis() {
        // CLMs 0 20 40, non-CLM 60-71, CLMs 80 100 120: defined IMIs 20 20 | 20 20, no run of 3
        NightStatistics s = stats(concat(clmsAt(0, 20, 40), List.of(l(60, 71)), clmsAt(80, 100, 120)));
        assertEquals(4, s.imiCount());
        assertEquals(0.0, s.periodicityIndex(), EPS);
    }

    @Test
    void periodicityRunAtTheEndOfTheNightCounts() {
        // IMIs 5 | 20 20 20: 3 of 4
        NightStatistics s = stats(withImis(5, 20, 20, 20));
        assertEquals(0.75, s.periodicityIndex(), EPS);
    }

    @Test
    void periodicityIndexIsNanWithoutImis() {
        NightStatistics s = stats(List.of(r(0, 1)));
        assertEquals(0, s.imiCount());
        assertTrue(Double.isNaN(s.periodicityIndex()));
    }

    @Test
    void imiHistogramHasTwoSecondBinsClosedBelow() {
        long[] onsets = {0, 1_999_999, 3_999_999, 13_999_998, 23_999_998, 113_999_997, 203_999_997, 353_999_997};
        // IMIs: 1.999999, 2.0, 9.999999, 10.0, 89.999999, 90.0, 150.0 s
        List<LegMovement> night = new ArrayList<>();
        for (long on : onsets) {
            night.add(rUs(on, on + 500_000));
        }
        NightStatistics s = stats(night);
        assertEquals(7, s.imiCount());
        List<Integer> h = s.imiHistogram();
        assertEquals(45, h.size());
        int[] expected = new int[45];
        expected[0] = 1;  // 1.999999
        expected[1] = 1;  // 2.0
        expected[4] = 1;  // 9.999999
        expected[5] = 1;  // 10.0
        expected[44] = 1; // 89.999999
        for (int k = 0; k < 45; k++) {
            assertEquals(expected[k], h.get(k), "bin " + k);
        }
        assertEquals(2, s.imiAbove90Count());
    }

    @Test
    void seriesCountAndLengths() {
        // series of 4, series of 6, then a run of 3 that is no series
        NightStatistics s = stats(clmsAt(0, 20, 40, 60, 200, 220, 240, 260, 280, 300, 500, 520, 540));
        assertEquals(2, s.seriesCount());
        assertEquals(4, s.seriesLengthMin());
        assertEquals(6, s.seriesLengthMax());
        assertEquals(5.0, s.seriesLengthMean(), EPS);
        assertEquals(10, s.plm().total());
    }

    @Test
    void adjacentSeriesAreCountedSeparately() {
        // 0 20 40 60 | 65 75 85 95: two series of four with no non-PLM between them
        NightStatistics s = stats(clmsAt(0, 20, 40, 60, 65, 75, 85, 95));
        assertEquals(2, s.seriesCount());
        assertEquals(4, s.seriesLengthMin());
        assertEquals(4, s.seriesLengthMax());
        assertEquals(8, s.plm().total());
    }

    @Test
    void noSeries() {
        NightStatistics s = stats(clmsAt(0, 20, 40));
        assertEquals(0, s.seriesCount());
        assertEquals(0, s.seriesLengthMin());
        assertEquals(0, s.seriesLengthMax());
        assertTrue(Double.isNaN(s.seriesLengthMean()));
        assertEquals(0, s.plm().total());
    }

    @Test
    void statisticsMidNightCountTheOpenSeriesAndDoNotDisturbTheAccumulator() {
        NightAccumulator acc = new NightAccumulator(WASM, false);
        List<ScoredMovement> scored = BatchScorer.score(clmsAt(0, 20, 40, 60, 80, 300, 320, 340, 360), WASM);
        for (int i = 0; i < 5; i++) {
            acc.accept(scored.get(i));
        }
        NightStatistics mid = acc.statistics(1);
        assertEquals(1, mid.seriesCount());
        assertEquals(5, mid.seriesLengthMax());
        assertEquals(mid, acc.statistics(1));
        for (int i = 5; i < scored.size(); i++) {
            acc.accept(scored.get(i));
        }
        NightStatistics end = acc.statistics(1);
        assertEquals(2, end.seriesCount());
        assertEquals(4, end.seriesLengthMin());
        assertEquals(5, end.seriesLengthMax());
        assertEquals(4.5, end.seriesLengthMean(), EPS);
    }

    @Test
    void respiratoryAndArousalCounts() {
        // 0 20 25 40 60, 25 respiratory (event ends at 27): no PLM, 4 PLMs excluding respiratory
        ScoringAnnotations annotations = ScoringAnnotations.of(new long[] {us(27)},
                new long[][] {{us(0.5), us(0.6)}, {us(60.2), us(60.4)}});
        NightStatistics s = stats(clmsAt(0, 20, 25, 40, 60), annotations, 1);
        assertTrue(s.respiratoryScored());
        assertEquals(0, s.plm().total());
        assertEquals(4, s.plmExcludingRespiratory());
        assertEquals(4.0, s.plmIndexExcludingRespiratory(), EPS);
        assertEquals(1, s.respiratoryClmCount());
        assertEquals(2, s.arousalLmCount());
        assertEquals(0, s.arousalPlmCount());

        NightStatistics plain = stats(clmsAt(0, 20, 40, 60), ScoringAnnotations.of(null,
                new long[][] {{us(20.5), us(21)}}), 1);
        assertFalse(plain.respiratoryScored());
        assertEquals(4, plain.plmExcludingRespiratory());
        assertEquals(1, plain.arousalLmCount());
        assertEquals(1, plain.arousalPlmCount());
    }

    @Test
    void perHourOfRecording() {
        // onset 10 s in hour 0; a series of four in hour 1; one movement in hour 2
        NightStatistics s = stats(clmsAt(10, 3600, 3620, 3640, 3660, 7300));
        assertEquals(List.of(1, 4, 1), s.lmPerHourOfRecording());
        assertEquals(List.of(0, 4, 0), s.plmPerHourOfRecording());
    }

    @Test
    void durationStatistics() {
        NightStatistics s = stats(List.of(r(0, 0.5), r(20, 21), l(40, 42.5)));
        assertEquals(0.5, s.durationMinS(), EPS);
        assertEquals(2.5, s.durationMaxS(), EPS);
        assertEquals(4.0 / 3, s.durationMeanS(), EPS);
        assertEquals(1.0, s.durationMedianS(), 0.1);
    }

    @Test
    void logImiUsesOnlyImisInTheSeriesRange() {
        NightStatistics s = stats(withImis(20, 20, 5, 20));
        assertEquals(Math.log(20), s.logImiMean(), EPS);
        assertEquals(0.0, s.logImiSd(), EPS);
    }
}
