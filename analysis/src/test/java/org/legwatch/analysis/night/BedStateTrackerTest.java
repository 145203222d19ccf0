package org.legwatch.analysis.night;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.legwatch.analysis.night.BedStateTracker.Posture;

class BedStateTrackerTest {
    private final BedStateTracker bed = new BedStateTracker(NightSettings.DEFAULT);
    private int second;

    /** Feeds {@code seconds} one-second epochs of a posture. */
    private void epochs(int seconds, Posture posture) {
        for (int i = 0; i < seconds; i++) {
            bed.epoch(second, second + 1, posture);
            second++;
        }
    }

    private static TimeSpan span(long startS, long endS) {
        return new TimeSpan(startS * 1_000_000, endS * 1_000_000);
    }

    @Test
    void lyingForAMinuteIsBedFromItsStartAndTwentySecondsUprightIsOut() {
        epochs(600, Posture.UPRIGHT);
        epochs(3600, Posture.LYING);
        epochs(20, Posture.UPRIGHT);
        epochs(600, Posture.UPRIGHT);
        bed.finish(second * 1_000_000L);
        assertEquals(List.of(span(600, 4200)), bed.spans());
    }

    @Test
    void briefChangesDoNotCount() {
        epochs(100, Posture.UPRIGHT);
        epochs(59, Posture.LYING); // 59 s lying: not in bed
        epochs(100, Posture.UPRIGHT);
        epochs(3600, Posture.LYING);
        epochs(19, Posture.UPRIGHT); // 19 s sitting up: still in bed
        epochs(3600, Posture.LYING);
        bed.finish(second * 1_000_000L);
        assertEquals(List.of(span(259, 7478)), bed.spans());
    }

    @Test
    void ambiguousEpochsKeepTheCurrentState() {
        epochs(100, Posture.AMBIGUOUS); // legs crossed on a sofa: not bed
        epochs(3600, Posture.LYING);
        epochs(600, Posture.AMBIGUOUS); // knee drawn up in bed: still bed
        epochs(100, Posture.UPRIGHT);
        bed.finish(second * 1_000_000L);
        assertEquals(List.of(span(100, 4300)), bed.spans());
    }

    @Test
    void aBathroomTripSplitsTheNightButKeepsItOneBlock() {
        epochs(60, Posture.UPRIGHT);
        epochs(1000, Posture.LYING);
        epochs(600, Posture.UPRIGHT); // 10 min out
        epochs(1000, Posture.LYING);
        epochs(60, Posture.UPRIGHT);
        bed.finish(second * 1_000_000L);
        assertEquals(List.of(span(60, 1060), span(1660, 2660)), bed.spans());
    }

    @Test
    void aShortRestFarFromTheNightIsNotTimeInBed() {
        epochs(60, Posture.UPRIGHT);
        epochs(1200, Posture.LYING); // 20 min on a sofa
        epochs(1800, Posture.UPRIGHT); // 30 min up
        epochs(7200, Posture.LYING); // the night
        epochs(60, Posture.UPRIGHT);
        bed.finish(second * 1_000_000L);
        assertEquals(List.of(span(3060, 10260)), bed.spans());
    }

    @Test
    void movementsWaitWhileABlockIsUnconfirmed() {
        epochs(60, Posture.UPRIGHT);
        epochs(600, Posture.LYING);
        assertEquals(60_000_000L, bed.decidedUntilUs(), "a 10 min block is not yet the night");
        epochs(1200, Posture.LYING);
        assertEquals(second * 1_000_000L, bed.decidedUntilUs(), "30 min in bed confirm it");
        assertTrue(bed.inBedAt(100_000_000L));
        assertFalse(bed.inBedAt(10_000_000L));
    }

    @Test
    void aPendingChangeHoldsTheDecisionAtItsStart() {
        epochs(60, Posture.UPRIGHT);
        epochs(3600, Posture.LYING);
        epochs(10, Posture.UPRIGHT);
        assertEquals(3660_000_000L, bed.decidedUntilUs());
    }
}
