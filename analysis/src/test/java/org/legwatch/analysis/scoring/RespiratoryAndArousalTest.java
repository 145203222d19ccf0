package org.legwatch.analysis.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.legwatch.analysis.scoring.Fixtures.WASM;
import static org.legwatch.analysis.scoring.Fixtures.clmsAt;
import static org.legwatch.analysis.scoring.Fixtures.concat;
import static org.legwatch.analysis.scoring.Fixtures.describe;
import static org.legwatch.analysis.scoring.Fixtures.imis;
import static org.legwatch.analysis.scoring.Fixtures.l;
import static org.legwatch.analysis.scoring.Fixtures.plmFlags;
import static org.legwatch.analysis.scoring.Fixtures.r;
import static org.legwatch.analysis.scoring.Fixtures.rUs;
import static org.legwatch.analysis.scoring.Fixtures.repeat;
import static org.legwatch.analysis.scoring.Fixtures.us;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Respiratory-related movements (window [end - 2 s, end + 10.25 s]) and arousal association (0.5 s). */
class RespiratoryAndArousalTest {
    private static final long END = us(100);

    private static List<ScoredMovement> withRespiratory(List<LegMovement> night, long... ends) {
        return BatchScorer.score(night, WASM, ScoringAnnotations.of(ends, null));
    }

    private static List<ScoredMovement> withArousals(List<LegMovement> night, long[]... spans) {
        return BatchScorer.score(night, WASM, ScoringAnnotations.of(null, spans));
    }

    private static List<Boolean> respiratoryFlags(List<ScoredMovement> scored) {
        return scored.stream().map(ScoredMovement::respiratory).toList();
    }

    private static List<Boolean> plmX(List<ScoredMovement> scored) {
        return scored.stream().map(ScoredMovement::plmExcludingRespiratory).toList();
    }

    /** A 1 s movement ending {@code offsetUs}, or starting at {@code onsetUs}, around the respiratory end at 100 s. */
    @ParameterizedTest(name = "movement [{0}, {1}] us -> respiratory {2}")
    @CsvSource({
        // ends exactly at end - 2 s, and 1 us earlier
        "97000000, 98000000, true",
        "96999999, 97999999, false",
        // starts exactly at end + 10.25 s, and 1 us later
        "110250000, 111250000, true",
        "110250001, 111250001, false",
        // well inside, and spanning the whole window
        "99000000, 100000000, true",
        "95000000, 112000000, true",
    })
    void respiratoryWindowBounds(long onUs, long offUs, boolean respiratory) {
        List<ScoredMovement> scored = withRespiratory(List.of(rUs(onUs, offUs)), END);
        assertEquals(1, scored.size());
        assertEquals(respiratory, scored.get(0).respiratory(), () -> describe(scored));
    }

    @Test
    void respiratoryEventsMayBeGivenInAnyOrderAndEachCounts() {
        List<LegMovement> night = clmsAt(10, 50, 100, 150, 200);
        List<ScoredMovement> scored = withRespiratory(night, us(202), us(52), us(9));
        assertEquals(List.of(true, true, false, false, true), respiratoryFlags(scored), () -> describe(scored));
    }

    @Test
    void withoutRespiratoryEventsNothingIsRespiratoryAndExclusionChangesNothing() {
        List<LegMovement> night = clmsAt(0, 20, 25, 40, 60);
        List<ScoredMovement> notScored = BatchScorer.score(night, WASM, ScoringAnnotations.of(null, null));
        assertFalse(ScoringAnnotations.of(null, null).respiratoryScored());
        for (ScoredMovement m : notScored) {
            assertFalse(m.respiratory());
            assertEquals(m.plm(), m.plmExcludingRespiratory());
        }
        List<ScoredMovement> scoredButNone = withRespiratory(night);
        assertTrue(ScoringAnnotations.of(new long[0], null).respiratoryScored());
        assertEquals(notScored, scoredButNone);
    }

    @Test
    void respiratoryMovementsAreTakenOutOfTheSequenceForPlmExcludingRespiratory() {
        // 0, 20, 25, 40, 60: the 5 s IMI breaks the run, so no PLM at all. The movement at 25 is
        // respiratory (event ending at 27 s); without it 0, 20, 40, 60 is a series.
        List<ScoredMovement> scored = withRespiratory(clmsAt(0, 20, 25, 40, 60), us(27));
        assertEquals(List.of(false, false, true, false, false), respiratoryFlags(scored), () -> describe(scored));
        assertEquals(repeat(false, 5), plmFlags(scored));
        assertEquals(List.of(true, true, false, true, true), plmX(scored), () -> describe(scored));
        // the IMI field still describes the full sequence
        assertEquals(List.of(-1L, us(20), us(5), us(15), us(20)), imis(scored));
    }

    @Test
    void aRespiratoryNonCandidateIsTakenOutToo() {
        // a non-CLM (11 s) at 50 breaks the series; it is respiratory, so without it 0, 20, 40, 70 is a series
        List<LegMovement> night = concat(clmsAt(0, 20, 40), List.of(l(50, 61)), clmsAt(70));
        List<ScoredMovement> scored = withRespiratory(night, us(55));
        assertEquals(List.of(false, false, false, true, false), respiratoryFlags(scored), () -> describe(scored));
        assertEquals(repeat(false, 5), plmFlags(scored));
        assertEquals(List.of(true, true, true, false, true), plmX(scored), () -> describe(scored));
    }

    @Test
    void aRespiratoryPlmIsNotAPlmExcludingRespiratory() {
        // 0..100 every 20 s is one series of 6; the movement at 40 is respiratory. Without it the
        // IMI 20 -> 60 is 40 s, still in range, so the other five remain a series.
        List<ScoredMovement> scored = withRespiratory(clmsAt(0, 20, 40, 60, 80, 100), us(42));
        assertEquals(repeat(true, 6), plmFlags(scored));
        assertEquals(List.of(true, true, false, true, true, true), plmX(scored), () -> describe(scored));
    }

    @Test
    void removingRespiratoryMovementsCanBreakASeries() {
        // 0, 20, 40, 60 with 20 and 40 respiratory: only 0 and 60 remain -> no series excluding respiratory
        List<ScoredMovement> scored = withRespiratory(clmsAt(0, 20, 40, 60), us(22), us(42));
        assertEquals(repeat(true, 4), plmFlags(scored));
        assertEquals(repeat(false, 4), plmX(scored), () -> describe(scored));
    }

    @Test
    void removingRespiratoryMovementsCanMakeAnImiTooLong() {
        // 0, 20, 60, 110, 130, 150, 170: 60 and 110 respiratory -> 20 -> 130 is 110 s, breaking the run
        List<ScoredMovement> scored = withRespiratory(clmsAt(0, 20, 60, 110, 130, 150, 170), us(62), us(112));
        assertEquals(List.of(false, false, true, true, false, false, false), respiratoryFlags(scored));
        assertEquals(repeat(true, 7), plmFlags(scored));
        assertEquals(repeat(false, 7), plmX(scored), () -> describe(scored));
    }

    @Test
    void respiratoryWindowAppliesToTheWholeBilateralMovement() {
        // bilateral movement 95-97.5 (right 95-96, left 96.2-97.5): ends 0.5 s after end - 2 s for an event at 99.5
        List<ScoredMovement> scored = withRespiratory(List.of(r(95, 96), l(96.2, 97.5)), us(99.5));
        assertEquals(1, scored.size());
        assertEquals(Leg.BILATERAL, scored.get(0).leg());
        assertTrue(scored.get(0).respiratory());
    }

    /** Movement [100, 101] s; arousal spans at its edges. */
    @ParameterizedTest(name = "arousal [{0}, {1}] us -> associated {2}")
    @CsvSource({
        "98000000, 99500000, true",
        "98000000, 99499999, false",
        "101500000, 103000000, true",
        "101500001, 103000000, false",
        "100200000, 100300000, true",
        "90000000, 120000000, true",
        "99500000, 99500000, true",
        "101500000, 101500000, true",
    })
    void arousalGapBounds(long startUs, long endUs, boolean associated) {
        List<ScoredMovement> scored = withArousals(List.of(r(100, 101)), new long[] {startUs, endUs});
        assertEquals(1, scored.size());
        assertEquals(associated, scored.get(0).arousal(), () -> describe(scored));
        assertFalse(scored.get(0).respiratory(), "arousals are not respiratory events");
    }

    @Test
    void arousalsMayBeGivenInAnyOrderAndLongOnesCoverLaterMovements() {
        List<LegMovement> night = clmsAt(10, 50, 100, 150, 200, 300);
        List<ScoredMovement> scored = withArousals(night,
                new long[] {us(302), us(305)},
                new long[] {us(45), us(160)},   // long: covers 50, 100 and 150
                new long[] {us(47), us(48)},
                new long[] {us(5), us(9.5)});   // ends exactly 0.5 s before 10
        assertEquals(List.of(true, true, true, true, false, false),
                scored.stream().map(ScoredMovement::arousal).toList(), () -> describe(scored));
    }

    @Test
    void arousalOnABilateralMovementUsesItsWholeSpan() {
        // bilateral movement 10-13.5; arousal at 13.9-14 is within 0.5 s of the left member's offset only
        List<ScoredMovement> scored = withArousals(List.of(r(10, 11), l(11.2, 13.5)), new long[] {us(13.9), us(14)});
        assertEquals(Leg.BILATERAL, scored.get(0).leg());
        assertTrue(scored.get(0).arousal());
    }

    @Test
    void arousalSpansMustEndAfterTheyStart() {
        assertThrows(IllegalArgumentException.class,
                () -> ScoringAnnotations.of(null, new long[][] {{us(5), us(4)}}));
    }

    @Test
    void withoutAnnotationsNothingIsMarked() {
        List<ScoredMovement> scored = BatchScorer.score(clmsAt(0, 20, 40, 60), WASM, ScoringAnnotations.NONE);
        assertTrue(scored.stream().noneMatch(m -> m.respiratory() || m.arousal()));
        assertFalse(ScoringAnnotations.NONE.respiratoryScored());
    }
}
