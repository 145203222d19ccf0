package org.legwatch.analysis.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The engine against {@link ReferenceScorer}, a naive implementation written from the rule text. */
class RandomNightsAgainstReferenceTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"wasm2016", "aasm"})
    void engineMatchesTheReferenceOnRandomNights(String rulesName) {
        ScoringRules rules = ScoringRules.named(rulesName);
        SplittableRandom rnd = new SplittableRandom(0x5EED_2016L ^ rulesName.hashCode());
        int plms = 0;
        int bilateral = 0;
        int nonClm = 0;
        int plmX = 0;
        for (int night = 0; night < 400; night++) {
            List<LegMovement> movements = RandomNights.night(rnd);
            long[] ends = RandomNights.respiratoryEnds(rnd, movements);
            long[][] arousals = RandomNights.arousals(rnd, movements);
            List<ScoredMovement> expected = ReferenceScorer.score(movements, rules, ends, arousals);
            List<ScoredMovement> actual = BatchScorer.score(movements, rules, ScoringAnnotations.of(ends, arousals));
            final int n = night;
            assertEquals(expected.size(), actual.size(), () -> "night " + n + ": " + RandomNights.toJava(movements));
            for (int i = 0; i < expected.size(); i++) {
                final int k = i;
                assertEquals(expected.get(i), actual.get(i), () -> "night " + n + " movement " + k + ": "
                        + RandomNights.toJava(movements) + "\nexpected " + Fixtures.describe(expected)
                        + "\nactual   " + Fixtures.describe(actual));
            }
            for (ScoredMovement m : expected) {
                plms += m.plm() ? 1 : 0;
                bilateral += m.leg() == Leg.BILATERAL ? 1 : 0;
                nonClm += m.clm() ? 0 : 1;
                plmX += m.plmExcludingRespiratory() != m.plm() ? 1 : 0;
            }
        }
        // the random nights must actually exercise the rules
        assertTrue(plms > 200, "PLMs: " + plms);
        assertTrue(bilateral > 200, "bilateral: " + bilateral);
        assertTrue(nonClm > 200, "non-CLMs: " + nonClm);
        assertTrue(plmX > 20, "respiratory exclusion changed a PLM decision only " + plmX + " times");
    }

    private static Leg mirror(Leg leg) {
        return switch (leg) {
            case RIGHT -> Leg.LEFT;
            case LEFT -> Leg.RIGHT;
            case BILATERAL -> Leg.BILATERAL;
        };
    }

    private static void assertMirrorSymmetric(ScoringRules rules, long seed, int nights) {
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int night = 0; night < nights; night++) {
            List<LegMovement> movements = RandomNights.night(rnd);
            List<LegMovement> mirrored = new ArrayList<>();
            for (LegMovement m : movements) {
                mirrored.add(new LegMovement(m.onsetUs(), m.offsetUs(), mirror(m.leg())));
            }
            List<ScoredMovement> scored = BatchScorer.score(movements, rules);
            List<ScoredMovement> expected = new ArrayList<>();
            for (ScoredMovement m : scored) {
                expected.add(new ScoredMovement(m.onsetUs(), m.offsetUs(), mirror(m.leg()), m.joinedCount(), m.clm(),
                        m.plm(), m.series(), m.imiUs(), m.respiratory(), m.arousal(), m.plmExcludingRespiratory()));
            }
            List<ScoredMovement> actual = BatchScorer.score(mirrored, rules);
            final int n = night;
            assertTrue(expected.equals(actual), () -> "night " + n + " scored differently with the legs swapped: "
                    + RandomNights.toJava(movements) + "\nexpected " + Fixtures.describe(expected)
                    + "\nactual   " + Fixtures.describe(actual));
        }
    }

    @Test
    void swappingTheLegsSwapsOnlyTheLegsUnderWasm() {
        assertMirrorSymmetric(ScoringRules.WASM_2016, 11, 400);
    }

    @Test
    void swappingTheLegsSwapsOnlyTheLegsUnderAasm() {
        assertMirrorSymmetric(ScoringRules.AASM, 11, 400);
    }
}
