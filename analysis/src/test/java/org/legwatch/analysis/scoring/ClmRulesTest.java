package org.legwatch.analysis.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.legwatch.analysis.scoring.Fixtures.clmFlags;
import static org.legwatch.analysis.scoring.Fixtures.imis;
import static org.legwatch.analysis.scoring.Fixtures.l;
import static org.legwatch.analysis.scoring.Fixtures.lUs;
import static org.legwatch.analysis.scoring.Fixtures.only;
import static org.legwatch.analysis.scoring.Fixtures.r;
import static org.legwatch.analysis.scoring.Fixtures.rUs;
import static org.legwatch.analysis.scoring.Fixtures.us;
import static org.legwatch.analysis.scoring.Fixtures.wasm;

import java.util.List;
import org.junit.jupiter.api.Test;

/** CLM / non-CLM decisions and the IMI field. */
class ClmRulesTest {

    @Test
    void oneLegMovementOfExactlyTenSecondsIsACandidate() {
        assertTrue(only(wasm(r(0, 10))).clm());
        assertTrue(only(wasm(l(0, 10))).clm());
    }

    @Test
    void oneLegMovementJustOverTenSecondsIsNotACandidate() {
        ScoredMovement right = only(wasm(rUs(0, us(10) + 1)));
        assertFalse(right.clm());
        assertFalse(right.plm());
        ScoredMovement left = only(wasm(lUs(us(3), us(13) + 1)));
        assertFalse(left.clm());
    }

    @Test
    void bilateralMovementOfExactlyFifteenSecondsIsACandidate() {
        ScoredMovement m = only(wasm(r(0, 8), l(7, 15)));
        assertEquals(Leg.BILATERAL, m.leg());
        assertEquals(us(15), m.durationUs());
        assertTrue(m.clm());
    }

    @Test
    void bilateralMovementJustOverFifteenSecondsIsNotACandidate() {
        ScoredMovement m = only(wasm(r(0, 8), lUs(us(7), us(15) + 1)));
        assertEquals(Leg.BILATERAL, m.leg());
        assertEquals(us(15) + 1, m.durationUs());
        assertFalse(m.clm());
    }

    @Test
    void bilateralMovementOfFourMembersIsACandidate() {
        ScoredMovement m = only(wasm(r(0, 1), l(1.2, 2.2), r(2.4, 3.4), l(3.6, 4.6)));
        assertEquals(Leg.BILATERAL, m.leg());
        assertEquals(4, m.joinedCount());
        assertTrue(m.clm());
    }

    @Test
    void bilateralMovementOfFiveMembersIsNotACandidate() {
        ScoredMovement m = only(wasm(r(0, 1), l(1.2, 2.2), r(2.4, 3.4), l(3.6, 4.6), r(4.8, 5.8)));
        assertEquals(Leg.BILATERAL, m.leg());
        assertEquals(5, m.joinedCount());
        assertEquals(us(5.8), m.durationUs(), "short enough: only the member count makes it a non-CLM");
        assertFalse(m.clm());
    }

    @Test
    void bilateralMovementWithAOneLegMemberOverTenSecondsIsNotACandidate() {
        ScoredMovement m = only(wasm(rUs(0, us(10) + 1), l(1, 2)));
        assertEquals(Leg.BILATERAL, m.leg());
        assertTrue(m.durationUs() <= us(15));
        assertFalse(m.clm());
    }

    @Test
    void bilateralMovementWithALongMemberThatStartsLaterIsNotACandidate() {
        ScoredMovement m = only(wasm(l(0, 2), r(1, 11.5)));
        assertEquals(Leg.BILATERAL, m.leg());
        assertEquals(us(11.5), m.durationUs());
        assertFalse(m.clm());
    }

    @Test
    void bilateralMovementWithATenSecondMemberIsACandidate() {
        ScoredMovement m = only(wasm(r(0, 10), l(1, 2)));
        assertEquals(Leg.BILATERAL, m.leg());
        assertTrue(m.clm());
    }

    @Test
    void bilateralMovementLongerThanTenSecondsMadeOfShortMembersIsACandidate() {
        // each member is 6 s, the whole is 12.4 s: the 10 s one-leg limit does not apply to the whole
        ScoredMovement m = only(wasm(r(0, 6), l(5.9, 12.4)));
        assertEquals(us(12.4), m.durationUs());
        assertTrue(m.clm());
    }

    @Test
    void firstMovementHasNoImi() {
        List<ScoredMovement> scored = wasm(r(0, 1), r(20, 21));
        assertEquals(-1L, scored.get(0).imiUs());
        assertFalse(scored.get(0).hasImi());
        assertEquals(us(20), scored.get(1).imiUs());
        assertTrue(scored.get(1).hasImi());
    }

    @Test
    void imiIsDefinedOnlyBetweenTwoCandidates() {
        // CLM 0, non-CLM 20 (11 s), CLM 40, CLM 60
        List<ScoredMovement> scored = wasm(r(0, 1), l(20, 31), r(40, 41), r(60, 61));
        assertEquals(List.of(true, false, true, true), clmFlags(scored));
        assertEquals(List.of(-1L, -1L, -1L, us(20)), imis(scored));
    }

    @Test
    void imiIsOnsetToOnsetAndAlsoDefinedOutsideTheSeriesRange() {
        List<ScoredMovement> scored = wasm(r(0, 1), r(3, 7), r(200, 201));
        assertEquals(List.of(-1L, us(3), us(197)), imis(scored));
    }

    @Test
    void imiOfABilateralMovementIsFromItsFirstOnset() {
        // bilateral movement L 0.3-1, R 0.8-2 starts at 0.3; next CLM at 12.3
        List<ScoredMovement> scored = wasm(l(0.3, 1), r(0.8, 2), r(12.3, 13), l(30.3, 31));
        assertEquals(Leg.BILATERAL, scored.get(0).leg());
        assertEquals(List.of(-1L, us(12), us(18)), imis(scored));
    }

    @Test
    void droppedMovementsAreNotMovementsForTheImi() {
        List<ScoredMovement> scored = wasm(r(0, 1), l(5, 5.2), r(12, 13));
        assertEquals(2, scored.size());
        assertEquals(us(12), scored.get(1).imiUs());
    }
}
