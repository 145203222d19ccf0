package org.legwatch.analysis.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.legwatch.analysis.scoring.Fixtures.describe;
import static org.legwatch.analysis.scoring.Fixtures.l;
import static org.legwatch.analysis.scoring.Fixtures.lUs;
import static org.legwatch.analysis.scoring.Fixtures.only;
import static org.legwatch.analysis.scoring.Fixtures.r;
import static org.legwatch.analysis.scoring.Fixtures.rUs;
import static org.legwatch.analysis.scoring.Fixtures.us;
import static org.legwatch.analysis.scoring.Fixtures.wasm;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Same-leg joining (gap < 0.5 s, running offset) and the minimum duration (0.5 s). */
class SameLegJoiningTest {

    @Test
    void gapJustBelowHalfSecondJoins() {
        ScoredMovement m = only(wasm(rUs(0, us(1)), rUs(us(1) + 499_999, us(2))));
        assertEquals(Leg.RIGHT, m.leg());
        assertEquals(0, m.onsetUs());
        assertEquals(us(2), m.offsetUs());
        assertEquals(1, m.joinedCount(), "same-leg pieces make one single-leg movement");
        assertTrue(m.clm());
    }

    @Test
    void gapOfExactlyHalfSecondDoesNotJoin() {
        List<ScoredMovement> scored = wasm(r(0, 1), r(1.5, 2.5));
        assertEquals(2, scored.size(), () -> describe(scored));
        assertEquals(us(1), scored.get(0).offsetUs());
        assertEquals(us(1.5), scored.get(1).onsetUs());
        assertEquals(Leg.RIGHT, scored.get(1).leg());
    }

    @Test
    void gapJustBelowHalfSecondJoinsOnLeftLegToo() {
        ScoredMovement m = only(wasm(lUs(0, us(1)), lUs(us(1.5) - 1, us(3))));
        assertEquals(Leg.LEFT, m.leg());
        assertEquals(us(3), m.offsetUs());
        assertEquals(2, wasm(l(0, 1), l(1.5, 3)).size());
    }

    @Test
    void overlappingMovementsOnOneLegJoin() {
        ScoredMovement m = only(wasm(r(0, 3), r(2, 4)));
        assertEquals(0, m.onsetUs());
        assertEquals(us(4), m.offsetUs());
        assertEquals(1, m.joinedCount());
    }

    @Test
    void chainsJoinUsingTheRunningOffset() {
        // 1.4 - 1.0 = 0.4 joins; then 2.0 - 1.6 = 0.4 joins (but 2.0 - 1.0 = 1.0 would not)
        ScoredMovement m = only(wasm(r(0, 1), r(1.4, 1.6), r(2.0, 3)));
        assertEquals(0, m.onsetUs());
        assertEquals(us(3), m.offsetUs());
        assertEquals(1, m.joinedCount());
    }

    @Test
    void chainBreaksAtExactlyHalfSecondFromTheRunningOffset() {
        List<ScoredMovement> scored = wasm(r(0, 1), r(1.4, 1.6), r(2.1, 3));
        assertEquals(2, scored.size(), () -> describe(scored));
        assertEquals(us(1.6), scored.get(0).offsetUs());
        assertEquals(us(2.1), scored.get(1).onsetUs());
    }

    @Test
    void aContainedMovementDoesNotShortenTheRunningOffset() {
        // [1, 2] lies inside [0, 5]; the running offset stays 5, so 5.4 joins (5.4 - 2 would not).
        ScoredMovement m = only(wasm(r(0, 5), r(1, 2), r(5.4, 6)));
        assertEquals(us(6), m.offsetUs());
        assertEquals(1, m.joinedCount());
    }

    @Test
    void aMovementOnTheOtherLegInBetweenDoesNotStopSameLegJoining() {
        // the left movement is too short and is dropped; the right pieces are 0.3 s apart
        ScoredMovement m = only(wasm(r(0, 1), l(1.1, 1.2), r(1.3, 2)));
        assertEquals(Leg.RIGHT, m.leg());
        assertEquals(us(2), m.offsetUs());
        assertEquals(1, m.joinedCount());
    }

    @Test
    void movementOfExactlyHalfSecondIsKept() {
        ScoredMovement m = only(wasm(r(10, 10.5)));
        assertEquals(us(0.5), m.durationUs());
        assertTrue(m.clm());
    }

    @Test
    void movementJustUnderHalfSecondIsDropped() {
        assertEquals(List.of(), wasm(rUs(us(10), us(10.5) - 1)));
        List<ScoredMovement> scored = wasm(r(0, 0.5), rUs(us(100), us(100.5) - 1), l(200, 200.499999));
        assertEquals(1, scored.size(), () -> describe(scored));
        assertEquals(0, scored.get(0).onsetUs());
    }

    @Test
    void zeroLengthMovementIsDropped() {
        assertEquals(List.of(), wasm(r(5, 5)));
    }

    @Test
    void joiningHappensBeforeTheMinimumDuration() {
        // two 0.3 s pieces 0.4 s apart make one 1.0 s movement, which is kept
        ScoredMovement m = only(wasm(r(0, 0.3), r(0.7, 1.0)));
        assertEquals(0, m.onsetUs());
        assertEquals(us(1.0), m.durationUs());
    }

    @Test
    void shortPiecesThatDoNotJoinAreAllDropped() {
        assertEquals(List.of(), wasm(r(0, 0.3), r(0.8, 1.1), r(1.6, 1.9)));
    }

    @Test
    void joinedMovementLongerThanTenSecondsIsNotACandidate() {
        ScoredMovement m = only(wasm(r(0, 6), r(6.4, 10.5)));
        assertEquals(us(10.5), m.durationUs());
        assertEquals(false, m.clm());
    }
}
