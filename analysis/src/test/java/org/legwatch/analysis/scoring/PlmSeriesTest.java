package org.legwatch.analysis.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.legwatch.analysis.scoring.Fixtures.clmFlags;
import static org.legwatch.analysis.scoring.Fixtures.clmsAt;
import static org.legwatch.analysis.scoring.Fixtures.clmsAtUs;
import static org.legwatch.analysis.scoring.Fixtures.concat;
import static org.legwatch.analysis.scoring.Fixtures.describe;
import static org.legwatch.analysis.scoring.Fixtures.l;
import static org.legwatch.analysis.scoring.Fixtures.plmFlags;
import static org.legwatch.analysis.scoring.Fixtures.r;
import static org.legwatch.analysis.scoring.Fixtures.repeat;
import static org.legwatch.analysis.scoring.Fixtures.seriesNumbers;
import static org.legwatch.analysis.scoring.Fixtures.us;
import static org.legwatch.analysis.scoring.Fixtures.wasm;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** PLM series: >= 4 consecutive CLMs with IMIs in [10, 90] s. */
class PlmSeriesTest {

    @Test
    void fourCandidatesTwentySecondsApartAreASeries() {
        List<ScoredMovement> scored = wasm(clmsAt(0, 20, 40, 60));
        assertEquals(repeat(true, 4), plmFlags(scored), () -> describe(scored));
        assertEquals(List.of(1, 1, 1, 1), seriesNumbers(scored));
    }

    @Test
    void threeCandidatesAreNotASeries() {
        List<ScoredMovement> scored = wasm(clmsAt(0, 20, 40));
        assertEquals(repeat(false, 3), plmFlags(scored));
        assertEquals(List.of(0, 0, 0), seriesNumbers(scored));
    }

    @Test
    void longSeriesKeepsOneNumber() {
        List<ScoredMovement> scored = wasm(clmsAt(0, 20, 40, 60, 80, 100, 120));
        assertEquals(repeat(true, 7), plmFlags(scored));
        assertEquals(List.of(1, 1, 1, 1, 1, 1, 1), seriesNumbers(scored));
    }

    /**
     * Onsets 0, 20, 20 + x, 40 + x: one IMI of x, the others 20 s. The four are a series exactly
     * when x is within [10, 90] s.
     */
    @ParameterizedTest(name = "IMI {0} us -> series {1}")
    @CsvSource({
        "9999999, false",
        "10000000, true",
        "10000001, true",
        "45000000, true",
        "89999999, true",
        "90000000, true",
        "90000001, false",
    })
    void imiBoundsOfASeries(long imiUs, boolean series) {
        long x = imiUs;
        List<ScoredMovement> scored = wasm(clmsAtUs(0, us(20), us(20) + x, us(40) + x));
        assertEquals(4, scored.size());
        assertEquals(x, scored.get(2).imiUs());
        assertEquals(repeat(series, 4), plmFlags(scored), () -> describe(scored));
    }

    @Test
    void firstImiAtLowerBoundStillCountsAndLastAtUpperBound() {
        List<ScoredMovement> scored = wasm(clmsAt(0, 10, 30, 120));
        assertEquals(List.of(-1L, us(10), us(20), us(90)), Fixtures.imis(scored));
        assertEquals(repeat(true, 4), plmFlags(scored));
    }

    @Test
    void aNonCandidateBreaksASeriesEvenWhenTheImiAcrossItWouldFit() {
        // without the non-CLM at 60 (11 s long), 0, 20, 40, 80 would be a series
        List<ScoredMovement> scored = wasm(concat(clmsAt(0, 20, 40), List.of(l(60, 71)), clmsAt(80)));
        assertEquals(List.of(true, true, true, false, true), clmFlags(scored));
        assertEquals(repeat(false, 5), plmFlags(scored), () -> describe(scored));
        // control
        assertEquals(repeat(true, 4), plmFlags(wasm(clmsAt(0, 20, 40, 80))));
    }

    @Test
    void theCandidateAfterANonCandidateStartsANewSeries() {
        List<ScoredMovement> scored = wasm(concat(clmsAt(0, 20, 40), List.of(l(50, 61)), clmsAt(70, 90, 110, 130)));
        assertEquals(List.of(false, false, false, false, true, true, true, true), plmFlags(scored),
                () -> describe(scored));
        assertEquals(List.of(0, 0, 0, 0, 1, 1, 1, 1), seriesNumbers(scored));
    }

    @Test
    void aNonCandidateEndsAConfirmedSeriesButKeepsItsMembers() {
        List<ScoredMovement> scored = wasm(concat(clmsAt(0, 20, 40, 60, 80), List.of(r(100, 115)), clmsAt(120)));
        assertEquals(List.of(true, true, true, true, true, false, false), plmFlags(scored), () -> describe(scored));
        assertEquals(List.of(1, 1, 1, 1, 1, 0, 0), seriesNumbers(scored));
    }

    @Test
    void anImiTooLongEndsTheSeriesAndTheNextCandidateStartsSeriesTwo() {
        List<ScoredMovement> scored = wasm(clmsAt(0, 20, 40, 60, 160, 180, 200, 220));
        assertEquals(repeat(true, 8), plmFlags(scored), () -> describe(scored));
        assertEquals(List.of(1, 1, 1, 1, 2, 2, 2, 2), seriesNumbers(scored));
    }

    @Test
    void anImiTooShortEndsTheSeriesAndTheNextCandidateStartsSeriesTwo() {
        // 60 -> 65 is 5 s: 65 begins a new run 65, 75, 85, 95 (IMIs 10 s)
        List<ScoredMovement> scored = wasm(clmsAt(0, 20, 40, 60, 65, 75, 85, 95));
        assertEquals(repeat(true, 8), plmFlags(scored), () -> describe(scored));
        assertEquals(List.of(1, 1, 1, 1, 2, 2, 2, 2), seriesNumbers(scored));
    }

    @Test
    void aTooShortImiInTheMiddleLeavesTwoRunsTooShort() {
        // runs 0, 20, 40 and 45, 65, 85: neither reaches four
        List<ScoredMovement> scored = wasm(clmsAt(0, 20, 40, 45, 65, 85));
        assertEquals(repeat(false, 6), plmFlags(scored), () -> describe(scored));
    }

    @Test
    void seriesAreNumberedOnlyWhenConfirmed() {
        // a run of 3 (not a series), then a run of 4, then a run of 5
        List<ScoredMovement> scored = wasm(clmsAt(0, 20, 40, 200, 220, 240, 260, 400, 420, 440, 460, 480));
        assertEquals(List.of(0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 2), seriesNumbers(scored), () -> describe(scored));
    }

    @Test
    void bilateralCandidatesCountOnceInASeries() {
        List<ScoredMovement> scored = wasm(
                r(0, 1), l(0.5, 1.5),
                r(20, 21), l(20.5, 21.5),
                r(40, 41), l(40.5, 41.5),
                r(60, 61), l(60.5, 61.5));
        assertEquals(4, scored.size());
        assertTrue(scored.stream().allMatch(m -> m.leg() == Leg.BILATERAL));
        assertEquals(repeat(true, 4), plmFlags(scored), () -> describe(scored));
    }

    @Test
    void mixedLegsMakeOneSeries() {
        List<ScoredMovement> scored = wasm(r(0, 1), l(20, 21), r(40, 41), l(60, 61));
        assertEquals(repeat(true, 4), plmFlags(scored));
    }

    @Test
    void aDroppedShortMovementDoesNotBreakASeries() {
        // 25-25.3 is too short to be a movement; counted, it would give a 5 s IMI and break the run
        List<ScoredMovement> scored = wasm(concat(clmsAt(0, 20, 40, 60), List.of(l(25, 25.3))));
        assertEquals(4, scored.size());
        assertEquals(repeat(true, 4), plmFlags(scored), () -> describe(scored));
    }

    @Test
    void aNonCandidateBilateralMovementBreaksTheSeries() {
        // at 40 a five-member bilateral movement (non-CLM) replaces the third CLM
        List<ScoredMovement> scored = wasm(concat(clmsAt(0, 20),
                List.of(r(40, 41), l(41.2, 42.2), r(42.4, 43.4), l(43.6, 44.6), r(44.8, 45.8)),
                clmsAt(60, 80)));
        assertEquals(List.of(true, true, false, true, true), clmFlags(scored), () -> describe(scored));
        assertEquals(repeat(false, 5), plmFlags(scored));
    }

    @Test
    void plmExcludingRespiratoryEqualsPlmWithoutRespiratoryScoring() {
        List<ScoredMovement> scored = wasm(clmsAt(0, 20, 40, 60, 75, 300));
        for (ScoredMovement m : scored) {
            assertEquals(m.plm(), m.plmExcludingRespiratory());
            assertEquals(false, m.respiratory());
            assertEquals(false, m.arousal());
        }
    }
}
