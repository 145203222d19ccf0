package org.legwatch.analysis.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.legwatch.analysis.scoring.Fixtures.WASM;
import static org.legwatch.analysis.scoring.Fixtures.clmsAt;
import static org.legwatch.analysis.scoring.Fixtures.describe;
import static org.legwatch.analysis.scoring.Fixtures.plmFlags;
import static org.legwatch.analysis.scoring.Fixtures.r;
import static org.legwatch.analysis.scoring.Fixtures.repeat;
import static org.legwatch.analysis.scoring.Fixtures.seriesNumbers;
import static org.legwatch.analysis.scoring.Fixtures.us;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The streaming form: equality with batch, bounded delay, input checks, reuse. */
class StreamingBehaviourTest {

    private static final class Run {
        final List<ScoredMovement> out = new ArrayList<>();
        final StreamingScorer scorer;

        Run(ScoringRules rules, ScoringAnnotations annotations) {
            scorer = new StreamingScorer(rules, annotations, out::add);
        }

        Run() {
            this(WASM, ScoringAnnotations.NONE);
        }

        Run feed(List<LegMovement> movements) {
            movements.forEach(scorer::accept);
            return this;
        }

        List<ScoredMovement> finishAndGet() {
            scorer.finish();
            return List.copyOf(out);
        }
    }

    // ---- (a) streaming equals batch ------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"wasm2016", "aasm"})
    void streamingWithRandomAdvancesEqualsBatchOnRandomNights(String rulesName) {
        ScoringRules rules = ScoringRules.named(rulesName);
        SplittableRandom rnd = new SplittableRandom(20_160_526L + rulesName.hashCode());
        int quietChecks = 0;
        int midNightChecks = 0;
        for (int night = 0; night < 300; night++) {
            List<LegMovement> movements = RandomNights.night(rnd);
            ScoringAnnotations annotations = ScoringAnnotations.of(
                    RandomNights.respiratoryEnds(rnd, movements), RandomNights.arousals(rnd, movements));
            List<ScoredMovement> batch = BatchScorer.score(movements, rules, annotations);

            Run run = new Run(rules, annotations);
            long last = 0;
            for (int i = 0; i < movements.size(); i++) {
                LegMovement m = movements.get(i);
                if (rnd.nextDouble() < 0.4 && m.onsetUs() > last) {
                    long t = rnd.nextBoolean() ? m.onsetUs() : rnd.nextLong(last, m.onsetUs() + 1);
                    run.scorer.advanceTo(t);
                    quietChecks += checkQuietSpell(movements, batch, run.out, t, rules) ? 1 : 0;
                }
                run.scorer.accept(m);
                last = m.onsetUs();
                // whatever has come out so far is the start of the batch result
                assertEquals(batch.subList(0, run.out.size()), run.out);
                midNightChecks++;
            }
            run.scorer.finish();
            final int n = night;
            assertEquals(batch, run.out, () -> "night " + n + ": " + RandomNights.toJava(movements));
        }
        assertTrue(quietChecks > 20, "the quiet-spell property was checked only " + quietChecks + " times");
        assertTrue(midNightChecks > 1000);
    }

    /**
     * After {@code advanceTo(t)}: when every movement given so far has ended at least 0.5 s before
     * t and t is more than 90 s after the last final onset, nothing can still change, so every
     * final movement with an onset before t must have been emitted. Returns whether it applied.
     */
    private static boolean checkQuietSpell(List<LegMovement> input, List<ScoredMovement> batch,
                                           List<ScoredMovement> emitted, long t, ScoringRules rules) {
        long lastOnset = -1;
        for (LegMovement m : input) {
            if (m.onsetUs() < t) {
                if (m.offsetUs() + rules.sameLegJoinGapUs() > t || m.offsetUs() + rules.bilateralJoinUs() > t) {
                    return false;
                }
            }
        }
        int settled = 0;
        for (ScoredMovement m : batch) {
            if (m.onsetUs() < t) {
                settled++;
                lastOnset = m.onsetUs();
            }
        }
        if (settled == 0 || t - lastOnset <= rules.maxImiUs()) {
            return false;
        }
        assertEquals(settled, emitted.size(), "after a quiet spell up to " + t + " us");
        return true;
    }

    @Test
    void streamingEqualsBatchWithOnlyFinishAndWithAdvanceBeforeEveryMovement() {
        SplittableRandom rnd = new SplittableRandom(42);
        for (int night = 0; night < 200; night++) {
            List<LegMovement> movements = RandomNights.night(rnd);
            List<ScoredMovement> batch = BatchScorer.score(movements, WASM);
            assertEquals(batch, new Run().feed(movements).finishAndGet());

            Run eager = new Run();
            for (LegMovement m : movements) {
                eager.scorer.advanceTo(m.onsetUs());
                eager.scorer.accept(m);
            }
            eager.scorer.finish();
            assertEquals(batch, eager.out);
        }
    }

    @Test
    void outputComesInOnsetOrderAndEveryFinalMovementOnce() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int night = 0; night < 100; night++) {
            List<LegMovement> movements = RandomNights.night(rnd);
            List<ScoredMovement> out = new Run().feed(movements).finishAndGet();
            for (int i = 1; i < out.size(); i++) {
                assertTrue(out.get(i - 1).onsetUs() <= out.get(i).onsetUs(), describe(out));
            }
            assertEquals(ReferenceScorer.score(movements, WASM).size(), out.size());
        }
    }

    @Test
    void manyMovementsQueuedBehindALongOneOnTheOtherLeg() {
        List<LegMovement> night = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            night.add(Fixtures.l(2.0 * i, 2.0 * i + 0.5)); // traffic first, so queues have moved on
        }
        night.add(r(50, 150));
        for (double t = 50.2; t < 149; t += 1.5) {
            night.add(Fixtures.l(t, t + 0.5));
        }
        for (int i = 0; i < 6; i++) {
            night.add(Fixtures.l(170 + 20.0 * i, 171 + 20.0 * i));
        }
        night.sort((a, b) -> Long.compare(a.onsetUs(), b.onsetUs()));
        List<ScoredMovement> expected = ReferenceScorer.score(night, WASM);
        assertEquals(expected, BatchScorer.score(night, WASM));
        ScoredMovement big = expected.get(20);
        assertEquals(Leg.BILATERAL, big.leg());
        assertTrue(big.joinedCount() > 60);
        assertFalse(big.clm());
        assertEquals(expected, streamWithAdvances(night, WASM, ScoringAnnotations.NONE, new SplittableRandom(3)));
    }

    @Test
    void manyMovementsQueuedBehindALongOneAreReleasedInOrderUnderAasm() {
        // under the onset window the queued left movements do not all join the long right one, so
        // their order after the queue has grown (and wrapped) is visible in the output
        List<LegMovement> night = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            night.add(Fixtures.l(2.0 * i, 2.0 * i + 0.5));
        }
        night.add(r(50, 150));
        for (double t = 50.2; t < 149; t += 1.5) {
            night.add(Fixtures.l(t, t + 0.5));
        }
        night.sort((a, b) -> Long.compare(a.onsetUs(), b.onsetUs()));
        List<ScoredMovement> expected = ReferenceScorer.score(night, ScoringRules.AASM);
        List<ScoredMovement> batch = BatchScorer.score(night, ScoringRules.AASM);
        assertEquals(expected, batch);
        assertTrue(batch.size() > 80, () -> describe(batch));
        assertEquals(expected,
                streamWithAdvances(night, ScoringRules.AASM, ScoringAnnotations.NONE, new SplittableRandom(4)));
    }

    @Test
    void manyRespiratoryMovementsWaitingForAnExcludingRespiratoryDecision() {
        double[] bases = {30, 70, 140, 230, 320};
        List<LegMovement> night = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            night.add(r(1.5 * i, 1.5 * i + 0.5)); // emitted at once, so the waiting queue has moved on
        }
        List<Long> ends = new ArrayList<>();
        for (int k = 0; k < bases.length; k++) {
            double base = bases[k];
            night.add(r(base, base + 0.5));
            if (k + 1 < bases.length) {
                double next = bases[k + 1];
                for (double t = base + 5; t <= next - 11; t += 1.5) {
                    night.add(r(t, t + 0.5));
                }
                for (double e = base + 7; e < next - 10.5; e += 10) {
                    ends.add(us(e));
                }
            }
        }
        long[] endArray = ends.stream().mapToLong(Long::longValue).toArray();
        ScoringAnnotations annotations = ScoringAnnotations.of(endArray, null);
        List<ScoredMovement> expected = ReferenceScorer.score(night, WASM, endArray, null);
        List<ScoredMovement> batch = BatchScorer.score(night, WASM, annotations);
        assertEquals(expected, batch);
        List<ScoredMovement> bases5 = batch.stream().filter(m -> !m.respiratory() && m.onsetUs() >= us(30)).toList();
        assertEquals(5, bases5.size(), () -> describe(batch));
        assertTrue(bases5.stream().allMatch(ScoredMovement::plmExcludingRespiratory));
        assertTrue(batch.stream().noneMatch(ScoredMovement::plm));
        assertTrue(batch.size() > 120);
        assertEquals(expected, streamWithAdvances(night, WASM, annotations, new SplittableRandom(5)));
    }

    private static List<ScoredMovement> streamWithAdvances(List<LegMovement> sorted, ScoringRules rules,
                                                           ScoringAnnotations annotations, SplittableRandom rnd) {
        Run run = new Run(rules, annotations);
        long last = 0;
        for (LegMovement m : sorted) {
            if (rnd.nextBoolean() && m.onsetUs() > last) {
                run.scorer.advanceTo(rnd.nextLong(last, m.onsetUs() + 1));
            }
            run.scorer.accept(m);
            last = m.onsetUs();
        }
        return run.finishAndGet();
    }

    // ---- (b) bounded delay ---------------------------------------------------------------------

    @Test
    void firstThreeMembersAreOutOnceTheFourthMemberIsFinal() {
        Run run = new Run().feed(clmsAt(0, 20, 40, 60));
        run.scorer.advanceTo(us(61.5)); // the fourth movement's offset + 0.5 s: nothing can join it now
        assertEquals(4, run.out.size(), () -> describe(run.out));
        assertEquals(repeat(true, 4), plmFlags(run.out));
        assertEquals(List.of(1, 1, 1, 1), seriesNumbers(run.out));
        assertEquals(1, run.scorer.seriesCount());
    }

    @Test
    void firstFourMembersAreOutOnceTheNextMovementArrives() {
        Run run = new Run().feed(clmsAt(0, 20, 40, 60, 80));
        // the fifth (80-81) may still grow, so it is not out yet; the first four are decided
        assertEquals(4, run.out.size(), () -> describe(run.out));
        assertEquals(repeat(true, 4), plmFlags(run.out));
        run.scorer.advanceTo(us(81.5));
        assertEquals(5, run.out.size(), "a member of a confirmed series is out as soon as it is final");
        assertTrue(run.out.get(4).plm());
    }

    @Test
    void decisionsWaitWhileTheFourthMemberCanStillGrow() {
        Run run = new Run().feed(clmsAt(0, 20, 40, 60));
        assertEquals(List.of(), run.out, "the fourth movement may still grow into a non-CLM");
        // ... and it does: joined with 61.4-75 it lasts 15 s, so there is no series
        run.scorer.accept(r(61.4, 75));
        run.scorer.advanceTo(us(75.5));
        assertEquals(4, run.out.size(), () -> describe(run.out));
        assertFalse(run.out.get(3).clm());
        assertEquals(repeat(false, 4), plmFlags(run.out));
    }

    @Test
    void threeCandidatesAreOutAsNonPlmsJustAfterTheLongestImi() {
        Run run = new Run().feed(clmsAt(0, 20, 40));
        run.scorer.advanceTo(us(40 + 90) + 1);
        assertEquals(3, run.out.size(), () -> describe(run.out));
        assertEquals(repeat(false, 3), plmFlags(run.out));
        assertEquals(0, run.scorer.seriesCount());
    }

    @Test
    void threeCandidatesWaitUntilTheLongestImiHasPassed() {
        Run run = new Run().feed(clmsAt(0, 20, 40));
        run.scorer.advanceTo(us(40 + 90)); // a fourth CLM exactly 90 s later would still make a series
        assertEquals(List.of(), run.out, () -> describe(run.out));
        run.scorer.accept(r(130, 131));
        run.scorer.finish();
        assertEquals(repeat(true, 4), plmFlags(run.out), () -> describe(run.out));
    }

    @Test
    void aNonCandidateSettlesAPendingRunAtOnce() {
        Run run = new Run().feed(clmsAt(0, 20, 40));
        run.scorer.accept(r(50, 61)); // 11 s: a non-CLM
        run.scorer.advanceTo(us(61.5));
        assertEquals(4, run.out.size(), () -> describe(run.out));
        assertEquals(repeat(false, 4), plmFlags(run.out));
    }

    @Test
    void aQuietSpellWithoutAdvanceHoldsDecisionsUntilFinish() {
        Run run = new Run().feed(clmsAt(0, 20, 40));
        assertTrue(run.out.isEmpty());
        run.scorer.finish();
        assertEquals(3, run.out.size());
        assertEquals(repeat(false, 3), plmFlags(run.out));
    }

    // ---- (c) input checks ----------------------------------------------------------------------

    @Test
    void outOfOrderOnsetsAreRejected() {
        StreamingScorer scorer = new StreamingScorer(WASM, ScoringAnnotations.NONE, m -> { });
        scorer.accept(us(10), us(11), Leg.RIGHT);
        scorer.accept(us(10), us(12), Leg.LEFT); // equal onsets are in order
        assertThrows(IllegalArgumentException.class, () -> scorer.accept(us(10) - 1, us(11), Leg.LEFT));
        assertThrows(IllegalArgumentException.class, () -> scorer.accept(new LegMovement(us(9), us(20), Leg.RIGHT)));
    }

    @Test
    void onsetsBeforeTheAdvancedTimeAreRejected() {
        StreamingScorer scorer = new StreamingScorer(WASM, ScoringAnnotations.NONE, m -> { });
        scorer.accept(us(10), us(11), Leg.RIGHT);
        scorer.advanceTo(us(20));
        assertThrows(IllegalArgumentException.class, () -> scorer.accept(us(20) - 1, us(21), Leg.LEFT));
        scorer.accept(us(20), us(21), Leg.LEFT); // exactly at the advanced time is fine
    }

    @Test
    void advancingToAPastTimeChangesNothing() {
        List<ScoredMovement> plain = new ArrayList<>();
        StreamingScorer reference = new StreamingScorer(WASM, ScoringAnnotations.NONE, plain::add);
        List<ScoredMovement> withPast = new ArrayList<>();
        StreamingScorer scorer = new StreamingScorer(WASM, ScoringAnnotations.NONE, withPast::add);
        for (StreamingScorer s : List.of(reference, scorer)) {
            s.accept(us(10), us(11), Leg.RIGHT);
            if (s == scorer) {
                s.advanceTo(us(10) - 1); // before the last onset: a promise already implied
                s.advanceTo(us(5));
            }
            s.accept(us(10), us(12), Leg.LEFT); // an onset equal to the last one is still allowed
            s.accept(us(30), us(31), Leg.RIGHT);
            s.finish();
        }
        assertEquals(plain, withPast);
        assertEquals(2, withPast.size());
        assertEquals(Leg.BILATERAL, withPast.get(0).leg());
    }

    @Test
    void malformedMovementsAreRejected() {
        StreamingScorer scorer = new StreamingScorer(WASM, ScoringAnnotations.NONE, m -> { });
        assertThrows(IllegalArgumentException.class, () -> scorer.accept(us(1), us(2), Leg.BILATERAL));
        assertThrows(IllegalArgumentException.class, () -> scorer.accept(us(2), us(1), Leg.RIGHT));
        assertThrows(IllegalArgumentException.class, () -> scorer.accept(-1, us(1), Leg.RIGHT));
        assertThrows(IllegalArgumentException.class, () -> scorer.accept(us(1), us(2), null));
        assertThrows(IllegalArgumentException.class, () -> new LegMovement(us(1), us(2), Leg.BILATERAL));
    }

    @Test
    void noMovementsAfterFinish() {
        StreamingScorer scorer = new StreamingScorer(WASM, ScoringAnnotations.NONE, m -> { });
        scorer.accept(us(1), us(2), Leg.RIGHT);
        scorer.finish();
        assertThrows(IllegalStateException.class, () -> scorer.accept(us(30), us(31), Leg.RIGHT));
    }

    // ---- (d) reset -----------------------------------------------------------------------------

    @Test
    void resetAllowsReuseWithIdenticalResults() {
        SplittableRandom rnd = new SplittableRandom(99);
        List<LegMovement> nightA = RandomNights.night(rnd);
        List<LegMovement> nightB = clmsAt(0, 20, 40, 60, 80);
        long[] ends = {us(42)};
        ScoringAnnotations annotations = ScoringAnnotations.of(ends, new long[][] {{us(19), us(20)}});

        Run run = new Run(WASM, annotations);
        List<ScoredMovement> first = run.feed(nightB).finishAndGet();
        assertEquals(1, run.scorer.seriesCount());
        run.out.clear();
        run.scorer.reset();
        assertEquals(0, run.scorer.seriesCount());
        List<ScoredMovement> second = run.feed(nightB).finishAndGet();
        assertEquals(first, second);
        assertEquals(BatchScorer.score(nightB, WASM, annotations), second);
        assertTrue(second.stream().anyMatch(ScoredMovement::respiratory), "annotations apply again after reset");
        assertTrue(second.stream().anyMatch(ScoredMovement::arousal));
        assertEquals(1, second.get(0).series());

        // a reset in the middle of a night (not finished) leaves nothing behind
        run.out.clear();
        run.scorer.reset();
        run.feed(nightA);
        run.scorer.advanceTo(nightA.get(nightA.size() - 1).onsetUs() + 1);
        run.out.clear();
        run.scorer.reset();
        List<ScoredMovement> afterMidReset = run.feed(nightB).finishAndGet();
        assertEquals(first, afterMidReset);
    }

    @Test
    void resetMidSeriesRestartsNumbering() {
        Run run = new Run().feed(clmsAt(0, 20, 40, 60, 80, 100, 300, 320));
        run.scorer.reset();
        run.out.clear();
        List<ScoredMovement> again = run.feed(clmsAt(0, 20, 40, 60)).finishAndGet();
        assertEquals(List.of(1, 1, 1, 1), seriesNumbers(again), () -> describe(again));
    }
}
