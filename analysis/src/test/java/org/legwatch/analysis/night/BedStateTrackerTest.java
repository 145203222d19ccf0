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
    /** The end of the last epoch with motion; a band that moves has it at the end of each epoch. */
    private double stillSince;

    /** Feeds {@code seconds} one-second epochs of a posture, the band moving now and then. */
    private void epochs(int seconds, Posture posture) {
        for (int i = 0; i < seconds; i++) {
            stillSince = second + 1;
            bed.epoch(second, second + 1, posture, stillSince);
            second++;
        }
    }

    /** ... the band lying perfectly still. */
    private void stillEpochs(int seconds, Posture posture) {
        for (int i = 0; i < seconds; i++) {
            bed.epoch(second, second + 1, posture, stillSince);
            second++;
        }
    }

    private void finish() {
        bed.finish(second * 1_000_000L);
    }

    private static TimeSpan span(long startS, long endS) {
        return new TimeSpan(startS * 1_000_000, endS * 1_000_000);
    }

    @Test
    void aMinuteFlatIsBedFromItsStartAndTwentySecondsUprightIsOut() {
        epochs(600, Posture.UPRIGHT);
        epochs(3600, Posture.FLAT);
        epochs(20, Posture.UPRIGHT);
        epochs(600, Posture.UPRIGHT);
        finish();
        assertEquals(List.of(span(600, 4200)), bed.spans());
    }

    @Test
    void briefChangesDoNotCount() {
        epochs(100, Posture.UPRIGHT);
        epochs(59, Posture.FLAT); // 59 s flat: not in bed
        epochs(100, Posture.UPRIGHT);
        epochs(3600, Posture.FLAT);
        epochs(19, Posture.UPRIGHT); // 19 s sitting up: still in bed
        epochs(3600, Posture.FLAT);
        finish();
        assertEquals(List.of(span(259, 7478)), bed.spans());
    }

    @Test
    void ambiguousEpochsKeepTheCurrentState() {
        epochs(100, Posture.AMBIGUOUS); // legs crossed on a sofa: not bed
        epochs(3600, Posture.FLAT);
        epochs(600, Posture.AMBIGUOUS); // knee drawn up in bed: still bed
        epochs(100, Posture.UPRIGHT);
        finish();
        assertEquals(List.of(span(100, 4300)), bed.spans());
    }

    @Test
    void aShankLowButNotFlatIsBedOnlyOnceItHasLasted() {
        epochs(60, Posture.UPRIGHT);
        epochs(900, Posture.LYING); // 15 min with a shank stretched out on a sofa
        epochs(60, Posture.UPRIGHT);
        epochs(3000, Posture.UPRIGHT); // far from the night
        epochs(1500, Posture.LYING); // 25 min with the shank at 25 degrees: lying after all
        epochs(3600, Posture.FLAT);
        epochs(60, Posture.UPRIGHT);
        finish();
        assertEquals(List.of(span(4020, 9120)), bed.spans());
    }

    @Test
    void flatTimeCountsOnlyWhenItIsHeld() {
        epochs(60, Posture.UPRIGHT);
        // a shank low in a chair that passes through the flat in its fidgets, 3 s every half minute
        for (int i = 0; i < 30; i++) {
            epochs(27, Posture.LYING);
            epochs(3, Posture.FLAT);
        }
        assertEquals(60_000_000L, bed.decidedUntilUs(), "not decided: the run of lying epochs goes on");
        epochs(60, Posture.UPRIGHT);
        finish();
        assertEquals(List.of(), bed.spans(), "90 s of flat in 15 min, never a minute held, is not bed");
    }

    @Test
    void aMovementsBriefTransientDoesNotRestartTheRun() {
        epochs(60, Posture.UPRIGHT);
        epochs(40, Posture.FLAT);
        epochs(10, Posture.AMBIGUOUS); // a leg raised in a movement
        epochs(20, Posture.FLAT);
        assertTrue(bed.inBedAt(61_000_000L), "a minute flat in all: in bed");
        epochs(3600, Posture.FLAT);
        epochs(60, Posture.UPRIGHT);
        finish();
        assertEquals(List.of(span(60, 3730)), bed.spans());
    }

    @Test
    void aLongerInterruptionRestartsTheFlatCount() {
        epochs(60, Posture.UPRIGHT);
        epochs(40, Posture.FLAT);
        epochs(25, Posture.AMBIGUOUS);
        epochs(20, Posture.FLAT);
        assertFalse(bed.inBedAt(61_000_000L), "40 s and 20 s flat, 25 s apart, are not a minute held");
        epochs(40, Posture.FLAT);
        assertTrue(bed.inBedAt(61_000_000L), "a minute held; lying down was where the shank came down");
    }

    @Test
    void lyingDownBeginsWhereTheShankCameDownEvenIfAKneeWasDrawnUpBeforeItLayFlat() {
        epochs(60, Posture.UPRIGHT);
        epochs(30, Posture.LYING); // lying down, the shank at 25 degrees
        epochs(300, Posture.AMBIGUOUS); // a knee drawn up while falling asleep
        epochs(3600, Posture.FLAT);
        epochs(60, Posture.UPRIGHT);
        finish();
        assertEquals(List.of(span(60, 3990)), bed.spans());
    }

    @Test
    void standingUpInBetweenMovesTheMomentOfLyingDown() {
        epochs(60, Posture.UPRIGHT);
        epochs(30, Posture.LYING); // a low shank in a chair
        epochs(300, Posture.AMBIGUOUS);
        epochs(25, Posture.UPRIGHT); // stood up and walked to bed
        epochs(3600, Posture.FLAT);
        epochs(60, Posture.UPRIGHT);
        finish();
        assertEquals(List.of(span(415, 4015)), bed.spans());
    }

    @Test
    void sittingOnTheEdgeOfTheBedBeforeStandingUpIsOutOfBed() {
        epochs(60, Posture.UPRIGHT);
        epochs(3600, Posture.FLAT);
        epochs(90, Posture.AMBIGUOUS); // sitting up, feet dangling at 45 degrees
        epochs(60, Posture.UPRIGHT);
        finish();
        assertEquals(List.of(span(60, 3660)), bed.spans());
    }

    @Test
    void aKneeDrawnUpLongBeforeGettingUpIsStillBed() {
        epochs(60, Posture.UPRIGHT);
        epochs(3600, Posture.FLAT);
        epochs(600, Posture.AMBIGUOUS); // 10 min with a knee drawn up: longer than sitting up
        epochs(60, Posture.UPRIGHT);
        finish();
        assertEquals(List.of(span(60, 4260)), bed.spans());
    }

    @Test
    void aPossibleSitUpHoldsTheDecisionAtItsStart() {
        epochs(60, Posture.UPRIGHT);
        epochs(3600, Posture.FLAT);
        epochs(30, Posture.AMBIGUOUS);
        assertEquals(3660_000_000L, bed.decidedUntilUs(), "may be sitting up on the edge of the bed");
        epochs(200, Posture.AMBIGUOUS);
        assertEquals(3890_000_000L, bed.decidedUntilUs(), "too long to be sitting up");
    }

    @Test
    void aBathroomTripSplitsTheNightButKeepsItOneBlock() {
        epochs(60, Posture.UPRIGHT);
        epochs(1000, Posture.FLAT);
        epochs(600, Posture.UPRIGHT); // 10 min out
        epochs(1000, Posture.FLAT);
        epochs(60, Posture.UPRIGHT);
        finish();
        assertEquals(List.of(span(60, 1060), span(1660, 2660)), bed.spans());
    }

    @Test
    void aShortRestFarFromTheNightIsNotTimeInBed() {
        epochs(60, Posture.UPRIGHT);
        epochs(1200, Posture.FLAT); // 20 min on a sofa
        epochs(1800, Posture.UPRIGHT); // 30 min up
        epochs(7200, Posture.FLAT); // the night
        epochs(60, Posture.UPRIGHT);
        finish();
        assertEquals(List.of(span(3060, 10260)), bed.spans());
    }

    @Test
    void movementsWaitWhileABlockIsUnconfirmed() {
        epochs(60, Posture.UPRIGHT);
        epochs(600, Posture.FLAT);
        assertEquals(60_000_000L, bed.decidedUntilUs(), "a 10 min block is not yet the night");
        epochs(1200, Posture.FLAT);
        assertEquals(second * 1_000_000L, bed.decidedUntilUs(), "30 min in bed confirm it");
        assertTrue(bed.inBedAt(100_000_000L));
        assertFalse(bed.inBedAt(10_000_000L));
    }

    @Test
    void aPendingChangeHoldsTheDecisionAtItsStart() {
        epochs(60, Posture.UPRIGHT);
        epochs(3600, Posture.FLAT);
        epochs(10, Posture.UPRIGHT);
        assertEquals(3660_000_000L, bed.decidedUntilUs());
    }

    @Test
    void aBandFlatOnTheTableBeforeItIsPutOnIsNeitherBedNorAStateToKeep() {
        stillSince = 0;
        stillEpochs(600, Posture.FLAT); // on the table: flat, perfectly still
        assertEquals(0, bed.decidedUntilUs(), "flat only while still: may be a table");
        bed.notWornUntilNow(0);
        epochs(1200, Posture.AMBIGUOUS); // put on, sitting with legs crossed
        epochs(60, Posture.UPRIGHT);
        finish();
        assertEquals(List.of(), bed.spans(), "the table's flat does not carry into the sitting");
    }

    @Test
    void aBandLaidFlatOnTheTableAfterTheNightIsNotTimeInBed() {
        epochs(60, Posture.UPRIGHT);
        epochs(7200, Posture.FLAT);
        epochs(300, Posture.UPRIGHT); // got up
        epochs(200, Posture.LYING); // sitting, a shank stretched out, then the band taken off
        stillEpochs(2400, Posture.FLAT); // on the table, 40 min
        assertEquals(7560_000_000L, bed.decidedUntilUs(), "the table's time in bed is not settled");
        bed.notWornUntilNow(7760);
        finish();
        assertEquals(List.of(span(60, 7260)), bed.spans());
    }

    @Test
    void timeInBedShownWhileStillCountsOnceTheBandMovesAgain() {
        epochs(60, Posture.UPRIGHT);
        epochs(5, Posture.FLAT);
        stillEpochs(1800, Posture.FLAT); // lay down and fell asleep without moving for 30 min
        assertEquals(60_000_000L, bed.decidedUntilUs());
        epochs(1, Posture.FLAT); // a movement
        assertEquals(second * 1_000_000L, bed.decidedUntilUs(), "worn after all: a block of 30 min");
        epochs(60, Posture.UPRIGHT);
        finish();
        assertEquals(List.of(span(60, 1866)), bed.spans());
    }
}
