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

/** WASM bilateral joining: onset before the running offset + 0.5 s (strictly). */
class BilateralJoiningTest {

    @Test
    void onsetJustBeforeOffsetPlusHalfSecondJoins() {
        ScoredMovement m = only(wasm(rUs(0, us(1)), lUs(us(1.5) - 1, us(2))));
        assertEquals(Leg.BILATERAL, m.leg());
        assertEquals(0, m.onsetUs());
        assertEquals(us(2), m.offsetUs());
        assertEquals(2, m.joinedCount());
        assertTrue(m.clm());
    }

    @Test
    void onsetExactlyAtOffsetPlusHalfSecondDoesNotJoin() {
        List<ScoredMovement> scored = wasm(r(0, 1), l(1.5, 2.5));
        assertEquals(2, scored.size(), () -> describe(scored));
        assertEquals(Leg.RIGHT, scored.get(0).leg());
        assertEquals(1, scored.get(0).joinedCount());
        assertEquals(Leg.LEFT, scored.get(1).leg());
        assertEquals(1, scored.get(1).joinedCount());
        assertEquals(us(1.5), scored.get(1).imiUs(), "two CLMs 1.5 s apart: IMI defined even though short");
    }

    @Test
    void onsetExactlyAtTheBoundDoesNotJoinWhileAShortMovementIsStillPending() {
        // L 1.1-1.2 (dropped later) keeps the right movement 0-1 open inside the engine when R 1.5 arrives;
        // 1.5 - 1.0 = 0.5 is still not < 0.5
        List<ScoredMovement> scored = wasm(r(0, 1), l(1.1, 1.2), r(1.5, 2.5));
        assertEquals(2, scored.size(), () -> describe(scored));
        assertEquals(us(1), scored.get(0).offsetUs());
        assertEquals(us(1.5), scored.get(1).onsetUs());
        // one microsecond earlier it joins (it is also a same-leg join then)
        assertEquals(1, wasm(rUs(0, us(1)), l(1.1, 1.2), rUs(us(1.5) - 1, us(2.5))).size());
    }

    @Test
    void leftFirstThenRightJoinsToo() {
        ScoredMovement m = only(wasm(l(3, 4), r(4.2, 5)));
        assertEquals(Leg.BILATERAL, m.leg());
        assertEquals(us(3), m.onsetUs());
        assertEquals(us(5), m.offsetUs());
    }

    @Test
    void overlappingAndSimultaneousOnsetsJoin() {
        ScoredMovement m = only(wasm(r(5, 6), l(5, 7)));
        assertEquals(Leg.BILATERAL, m.leg());
        assertEquals(us(5), m.onsetUs());
        assertEquals(us(7), m.offsetUs());
        assertEquals(2, m.joinedCount());
    }

    @Test
    void chainsJoinAcrossBothLegsUsingTheRunningOffset() {
        // R 0-1, L 1.4-3 (0.4 after 1), R 3.4-4 (0.4 after 3, but 2.4 after the first R's offset)
        ScoredMovement m = only(wasm(r(0, 1), l(1.4, 3), r(3.4, 4)));
        assertEquals(Leg.BILATERAL, m.leg());
        assertEquals(0, m.onsetUs());
        assertEquals(us(4), m.offsetUs());
        assertEquals(3, m.joinedCount());
    }

    @Test
    void runningOffsetIsTheLatestOffsetNotTheLastMembersOffset() {
        // L 1-2 lies inside R 0-5; L 5.4-6 joins because 5.4 < 5 + 0.5 (it would not against 2 + 0.5)
        ScoredMovement m = only(wasm(r(0, 5), l(1, 2), l(5.4, 6)));
        assertEquals(Leg.BILATERAL, m.leg());
        assertEquals(us(6), m.offsetUs());
        assertEquals(3, m.joinedCount());
    }

    @Test
    void aDroppedShortMovementCannotBridgeABilateralJoin() {
        // L 1.3-1.4 is 0.1 s: dropped. Without it R 1.6 is 0.6 s after R's offset 1.0: no join.
        List<ScoredMovement> scored = wasm(r(0, 1), l(1.3, 1.4), r(1.6, 2.6));
        assertEquals(2, scored.size(), () -> describe(scored));
        assertEquals(Leg.RIGHT, scored.get(0).leg());
        assertEquals(us(1), scored.get(0).offsetUs());
        assertEquals(Leg.RIGHT, scored.get(1).leg());
        assertEquals(us(1.6), scored.get(1).onsetUs());
    }

    @Test
    void aKeptHalfSecondMovementDoesBridge() {
        // the same, but the left movement lasts exactly 0.5 s and is kept: all three join
        ScoredMovement m = only(wasm(r(0, 1), l(1.3, 1.8), r(1.6, 2.6)));
        assertEquals(Leg.BILATERAL, m.leg());
        assertEquals(3, m.joinedCount());
        assertEquals(us(2.6), m.offsetUs());
    }

    @Test
    void membersAreCountedAfterSameLegJoining() {
        // R 0-1 and R 1.2-2 are one right movement; with L 2.2-3 the bilateral movement has 2 members
        ScoredMovement m = only(wasm(r(0, 1), r(1.2, 2), l(2.2, 3)));
        assertEquals(Leg.BILATERAL, m.leg());
        assertEquals(2, m.joinedCount());
        assertEquals(us(3), m.offsetUs());
    }

    @Test
    void movementsFarApartStaySeparate() {
        List<ScoredMovement> scored = wasm(r(0, 1), l(30, 31), r(60, 61));
        assertEquals(List.of(Leg.RIGHT, Leg.LEFT, Leg.RIGHT), scored.stream().map(ScoredMovement::leg).toList());
    }

    @Test
    void inputOrderOfTheListDoesNotMatter() {
        List<ScoredMovement> a = wasm(r(0, 1), l(1.4, 3), r(3.4, 4), l(40, 41));
        List<ScoredMovement> b = wasm(l(40, 41), r(3.4, 4), l(1.4, 3), r(0, 1));
        assertEquals(a, b);
    }
}
