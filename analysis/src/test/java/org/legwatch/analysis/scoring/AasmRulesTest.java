package org.legwatch.analysis.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.legwatch.analysis.scoring.Fixtures.aasm;
import static org.legwatch.analysis.scoring.Fixtures.clmsAt;
import static org.legwatch.analysis.scoring.Fixtures.clmsAtUs;
import static org.legwatch.analysis.scoring.Fixtures.describe;
import static org.legwatch.analysis.scoring.Fixtures.l;
import static org.legwatch.analysis.scoring.Fixtures.lUs;
import static org.legwatch.analysis.scoring.Fixtures.only;
import static org.legwatch.analysis.scoring.Fixtures.plmFlags;
import static org.legwatch.analysis.scoring.Fixtures.r;
import static org.legwatch.analysis.scoring.Fixtures.rUs;
import static org.legwatch.analysis.scoring.Fixtures.repeat;
import static org.legwatch.analysis.scoring.Fixtures.us;
import static org.legwatch.analysis.scoring.Fixtures.wasm;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The AASM variant: IMI 5-90 s, bilateral join when onsets on the two legs are < 5 s apart. */
class AasmRulesTest {

    @Test
    void namedRuleSetsAreFoundCaseInsensitively() {
        assertSame(ScoringRules.AASM, ScoringRules.named("AASM"));
        assertSame(ScoringRules.WASM_2016, ScoringRules.named("WASM2016"));
        assertThrows(IllegalArgumentException.class, () -> ScoringRules.named("wasm2007"));
    }

    @Test
    void fiveSecondImisMakeASeriesUnderAasmButNotUnderWasm() {
        List<LegMovement> night = clmsAt(0, 5, 10, 15);
        assertEquals(repeat(true, 4), plmFlags(aasm(night)), () -> describe(aasm(night)));
        assertEquals(repeat(false, 4), plmFlags(wasm(night)));
    }

    @ParameterizedTest(name = "AASM IMI {0} us -> series {1}")
    @CsvSource({
        "4999999, false",
        "5000000, true",
        "90000000, true",
        "90000001, false",
    })
    void imiBoundsUnderAasm(long imiUs, boolean series) {
        // onsets 0, 20, 20 + x, 40 + x
        List<ScoredMovement> scored = aasm(clmsAtUs(0, us(20), us(20) + imiUs, us(40) + imiUs));
        assertEquals(4, scored.size());
        assertEquals(repeat(series, 4), plmFlags(scored), () -> describe(scored));
    }

    @Test
    void onsetsJustUnderFiveSecondsApartOnTheTwoLegsJoin() {
        ScoredMovement m = only(aasm(r(0, 1), lUs(us(5) - 1, us(6))));
        assertEquals(Leg.BILATERAL, m.leg());
        assertEquals(0, m.onsetUs());
        assertEquals(us(6), m.offsetUs());
        assertEquals(2, m.joinedCount());
        // WASM keeps them apart: 3.999999 s after the right offset
        assertEquals(2, wasm(r(0, 1), lUs(us(5) - 1, us(6))).size());
    }

    @Test
    void onsetsExactlyFiveSecondsApartDoNotJoin() {
        List<ScoredMovement> scored = aasm(r(0, 1), l(5, 6));
        assertEquals(2, scored.size(), () -> describe(scored));
        assertEquals(Leg.RIGHT, scored.get(0).leg());
        assertEquals(Leg.LEFT, scored.get(1).leg());
        assertEquals(us(5), scored.get(1).imiUs());
    }

    @Test
    void onsetsExactlyFiveSecondsApartDoNotJoinWhileAShortMovementIsPending() {
        // R 4.6-4.7 (short, dropped later) is still open inside the engine when L 5 arrives
        List<ScoredMovement> scored = aasm(r(0, 1), r(4.6, 4.7), l(5, 6));
        assertEquals(2, scored.size(), () -> describe(scored));
        assertEquals(Leg.RIGHT, scored.get(0).leg());
        assertEquals(Leg.LEFT, scored.get(1).leg());
        ScoredMovement joined = only(aasm(r(0, 1), r(4.6, 4.7), lUs(us(5) - 1, us(6))));
        assertEquals(Leg.BILATERAL, joined.leg());
    }

    @Test
    void overlappingMovementsWithOnsetsFiveOrMoreSecondsApartDoNotJoin() {
        // WASM joins these (the left onset is before the right offset); AASM looks at onsets only
        List<ScoredMovement> scored = aasm(r(0, 8), l(6, 7));
        assertEquals(2, scored.size(), () -> describe(scored));
        assertEquals(Leg.BILATERAL, only(wasm(r(0, 8), l(6, 7))).leg());
    }

    @Test
    void twoMovementsOnOneLegAreNotJoinedByTheOnsetWindow() {
        List<ScoredMovement> scored = aasm(r(0, 1), r(2, 3));
        assertEquals(2, scored.size(), () -> describe(scored));
        assertTrue(scored.stream().allMatch(m -> m.leg() == Leg.RIGHT));
    }

    @Test
    void sameLegJoiningAndMinimumDurationAreAsInWasm() {
        assertEquals(us(2), only(aasm(rUs(0, us(1)), rUs(us(1.5) - 1, us(2)))).offsetUs());
        assertEquals(2, aasm(r(0, 1), r(1.5, 2)).size());
        assertEquals(List.of(), aasm(rUs(0, us(0.5) - 1)));
        assertEquals(1, aasm(r(0, 0.5)).size());
    }

    @Test
    void candidateLimitsAreAsInWasm() {
        assertTrue(only(aasm(r(0, 10))).clm());
        assertFalse(only(aasm(rUs(0, us(10) + 1))).clm());
        // members of at most 10 s with onsets < 5 s apart: the whole is under 15 s and a CLM
        ScoredMovement fourteen = only(aasm(r(0, 10), l(4, 14)));
        assertEquals(Leg.BILATERAL, fourteen.leg());
        assertTrue(fourteen.clm());
        // a one-leg member over 10 s makes the bilateral movement a non-CLM
        ScoredMovement longMember = only(aasm(r(0, 2), lUs(us(4), us(14) + 1)));
        assertEquals(Leg.BILATERAL, longMember.leg());
        assertFalse(longMember.clm());
        // four members is a CLM, five is not
        ScoredMovement four = only(aasm(r(0, 0.5), l(0.6, 1.1), r(1.2, 1.7), l(1.8, 2.3)));
        assertEquals(4, four.joinedCount());
        assertTrue(four.clm());
        ScoredMovement five = only(aasm(r(0, 0.5), l(0.6, 1.1), r(1.2, 1.7), l(1.8, 2.3), r(2.4, 2.9)));
        assertEquals(5, five.joinedCount());
        assertFalse(five.clm());
    }

    @Test
    void aasmSeriesAtTheBoundsOfBothRanges() {
        // IMIs 5, 90, 5: a series under AASM, not under WASM
        List<LegMovement> night = clmsAt(0, 5, 95, 100);
        assertEquals(repeat(true, 4), plmFlags(aasm(night)));
        assertEquals(repeat(false, 4), plmFlags(wasm(night)));
    }

    @Test
    void whenTheLeftMovementsComeFirstAllThreeJoin() {
        // L 0-1, L 4.9-5.5, R 4.9-5.5: R is 4.9 s after L 0, so it joins; L 4.9 then joins the two-leg movement
        ScoredMovement m = only(aasm(l(0, 1), l(4.9, 5.5), r(4.9, 5.5)));
        assertEquals(Leg.BILATERAL, m.leg());
        assertEquals(3, m.joinedCount());
        assertEquals(0, m.onsetUs());
        assertEquals(us(5.5), m.offsetUs());
    }

    @Test
    void simultaneousOnsetsJoinTheSameWayWhicheverLegIsCalledRight() {
        ScoredMovement m = only(aasm(r(0, 1), r(4.9, 5.5), l(4.9, 5.5)));
        assertEquals(Leg.BILATERAL, m.leg());
        assertEquals(3, m.joinedCount());
        assertEquals(0, m.onsetUs());
        assertEquals(us(5.5), m.offsetUs());
    }

    @Test
    void onsetsOnTheTwoLegsUnderFiveSecondsApartJoinEvenWithASameLegMovementBetween() {
        ScoredMovement m = only(aasm(r(0, 1), r(2, 3), l(4, 5)));
        assertEquals(Leg.BILATERAL, m.leg());
        assertEquals(0, m.onsetUs());
        assertEquals(us(5), m.offsetUs());
        assertEquals(3, m.joinedCount());
    }
}
