package org.legwatch.analysis.response;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

/** The per-patient analysis on hand-made timelines whose answer is known. */
class ResponseAnalysisTest {
    private static final LocalDate DAY0 = LocalDate.of(2024, 3, 4);
    private static final ResponseSettings SETTINGS = ResponseSettings.DEFAULT;

    /** Nights from {@code first} to {@code last} (days from DAY0) with PLMI = level(day) + small noise. */
    private static List<PatientNight> nights(int first, int last, IntToDoubleFunction level) {
        SplittableRandom r = new SplittableRandom(first * 31L + last);
        List<PatientNight> nights = new ArrayList<>();
        for (int day = first; day <= last; day++) {
            double plmi = Math.max(0, level.applyAsDouble(day) + 2 * r.nextGaussian());
            nights.add(new PatientNight(DAY0.plusDays(day), plmi, (int) Math.round(plmi * 7), 7, 0.5 + 0.02 * r.nextGaussian(), true));
        }
        return nights;
    }

    private static TherapyEvent iv(int day, double mg) {
        return new TherapyEvent(DAY0.plusDays(day), TherapyKind.IV_IRON, "ferric carboxymaltose", mg, "mg");
    }

    private static TherapyEvent ferritin(int day, double value) {
        return new TherapyEvent(DAY0.plusDays(day), TherapyKind.FERRITIN, "", value, "ug/L");
    }

    @Test
    void aClearResponseIsCalledTimedAndLost() {
        // 40/h before; falls to 10/h from day 20; back at 40/h from day 150.
        List<PatientNight> nights = nights(-40, 250, d -> d >= 20 && d < 150 ? 10 : 40);
        List<TherapyEvent> events = List.of(iv(0, 1000), ferritin(-7, 30));
        PatientResponse p = ResponseAnalysis.analyze(new PatientTimeline("A", nights, events), SETTINGS);
        InfusionResponse r = p.infusions().getFirst();
        assertEquals(28, r.plmi().baseline().size());
        assertEquals(56, r.plmi().response().size());
        assertEquals(40, r.plmi().baselineMedian(), 2);
        assertEquals(10, r.plmi().responseMedian(), 2);
        assertEquals(-75, r.plmi().changePercent(), 6);
        assertTrue(r.plmi().shift().ciLow() < -30 + 3 && r.plmi().shift().ciHigh() > -30 - 3 && r.plmi().shift().ciHigh() < 0);
        assertEquals(Boolean.TRUE, r.responder());
        assertTrue(r.significantFall());
        assertEquals(20, r.timing().onsetDay());
        assertEquals(DAY0.plusDays(20), r.timing().onsetDate());
        assertEquals(150, r.timing().lossDay());
        assertEquals(130, r.timing().durationDays());
        assertFalse(r.timing().durationCensored());
        assertEquals(DAY0.plusDays(150), r.timing().reviewDate());
        assertTrue(r.timing().reviewBasis().startsWith("response lost"), r.timing().reviewBasis());
        assertTrue(r.notes().isEmpty(), r.notes().toString());
        assertEquals(IronGuideline.Recommendation.ORAL_OR_IV, r.ferritinBefore().guideline().recommendation());
        assertEquals(SETTINGS.ruleText(), r.rule());
        assertEquals(28 + 84, r.plmi().timeSeries().nights());
    }

    @Test
    void anOngoingResponseIsReviewedAtTheEarliestOfUsualDurationAndFerritin() {
        List<PatientNight> nights = nights(-30, 120, d -> d >= 10 ? 12 : 36);
        // Ferritin 500 at 2 weeks (unreliable), then 300 at week 8 and 250 at week 16: -6.25/week from the reliable two,
        // F(w) = 350 - 6.25 w reaches 100 ug/L at week 40 = day 280 (after the usual 182 days).
        List<TherapyEvent> events = List.of(iv(0, 1000), ferritin(14, 500), ferritin(56, 300), ferritin(112, 250));
        InfusionResponse r = ResponseAnalysis.analyze(new PatientTimeline("B", nights, events), SETTINGS).infusions().getFirst();
        assertEquals(Boolean.TRUE, r.responder());
        assertEquals(10, r.timing().onsetDay());
        assertNull(r.timing().lossDay());
        assertTrue(r.timing().durationCensored());
        assertEquals(110, r.timing().durationDays());
        assertEquals(DAY0.plusDays(182), r.timing().reviewDate());
        FerritinDecay decay = r.ferritinDecay();
        assertEquals(-6.25, decay.ratePerWeek(), 1e-9);
        assertEquals(2, decay.readings());
        assertFalse(decay.usesUnreliable());
        assertEquals(DAY0.plusDays(280), decay.projectedBelowTarget());
        assertTrue(r.ferritinAfter().getFirst().unreliable());
        assertEquals(14, r.ferritinAfter().getFirst().daysSinceIv());
        assertFalse(r.ferritinAfter().get(1).unreliable());
    }

    @Test
    void aFastFerritinFallBringsTheReviewForward() {
        List<PatientNight> nights = nights(-30, 120, d -> d >= 10 ? 12 : 36);
        // Reliable readings 180 (week 6) and 140 (week 10): -10/week, 100 ug/L at week 14 = day 98.
        List<TherapyEvent> events = List.of(iv(0, 1000), ferritin(42, 180), ferritin(70, 140));
        InfusionResponse r = ResponseAnalysis.analyze(new PatientTimeline("C", nights, events), SETTINGS).infusions().getFirst();
        assertEquals(DAY0.plusDays(98), r.timing().reviewDate());
        assertTrue(r.timing().reviewBasis().contains("ferritin falling 10.0 ug/L per week"), r.timing().reviewBasis());
    }

    @Test
    void aSteadyReturnBringsTheReviewForwardBeforeItCountsAsALoss() {
        // Down from 40 to 10 /h at day 10, then back up by 0.15 /h a night: the responding mean to day 120 is
        // 18.25, half-way back is 29.1 /h, which the rising line reaches near day 137 (before the usual 182).
        List<PatientNight> nights = nights(-30, 120, d -> d < 10 ? 40 : 10 + 0.15 * (d - 10));
        InfusionResponse r = ResponseAnalysis.analyze(new PatientTimeline("T", nights, List.of(iv(0, 1000))), SETTINGS)
                .infusions().getFirst();
        assertEquals(10, r.timing().onsetDay());
        assertNull(r.timing().lossDay(), "not yet back up by half the fall");
        long reviewDay = r.timing().reviewDate().toEpochDay() - DAY0.toEpochDay();
        assertEquals(137, reviewDay, 6);
        assertTrue(r.timing().reviewBasis().contains("PLMI rising since onset"), r.timing().reviewBasis());
    }

    @Test
    void thinWindowsLeaveTheResponderUndecided() {
        List<PatientNight> nights = new ArrayList<>(nights(-5, 80, d -> d >= 10 ? 12 : 36));
        PatientResponse p = ResponseAnalysis.analyze(new PatientTimeline("D", nights, List.of(iv(0, 1000))), SETTINGS);
        InfusionResponse r = p.infusions().getFirst();
        assertEquals(5, r.plmi().baseline().size());
        assertFalse(r.plmi().comparable());
        assertNull(r.responder());
        assertNull(r.plmi().shift());
        assertFalse(r.significantFall());
        assertNull(r.timing().onsetDay());
        assertTrue(r.notes().getFirst().startsWith("too few valid nights: baseline 5, response 53"), r.notes().toString());
    }

    @Test
    void invalidNightsDoNotCount() {
        List<PatientNight> nights = new ArrayList<>();
        for (PatientNight n : nights(-28, 90, d -> d >= 10 ? 12 : 36)) {
            boolean valid = n.date().isAfter(DAY0.minusDays(3)) || n.date().isBefore(DAY0.minusDays(25));
            nights.add(new PatientNight(n.date(), n.plmi(), n.plmCount(), n.hoursInBed(), n.periodicityIndex(), valid));
        }
        InfusionResponse r = ResponseAnalysis.analyze(new PatientTimeline("E", nights, List.of(iv(0, 1000))), SETTINGS)
                .infusions().getFirst();
        assertEquals(5, r.plmi().baseline().size());
        assertNull(r.responder());
    }

    @Test
    void splitDosesFormOneCourseAndALaterCourseCutsTheResponseWindow() {
        List<PatientNight> nights = nights(-40, 200, d -> d >= 10 ? 12 : 36);
        List<TherapyEvent> events = List.of(iv(0, 500), iv(5, 500), iv(60, 1000));
        PatientResponse p = ResponseAnalysis.analyze(new PatientTimeline("F", nights, events), SETTINGS);
        assertEquals(2, p.infusions().size());
        InfusionResponse first = p.infusions().get(0);
        InfusionResponse second = p.infusions().get(1);
        assertEquals(2, first.course().doses().size());
        assertEquals(1000, first.course().totalDoseMg(), 0);
        assertEquals(DAY0.plusDays(60), first.nextCourse());
        assertEquals(32, first.plmi().response().size(), "days 28-59 only");
        assertEquals(DAY0.plusDays(59), first.responseTo());
        assertTrue(first.notes().contains("response window cut short by the next course on " + DAY0.plusDays(60)), first.notes().toString());
        assertTrue(first.confounders().stream().anyMatch(c -> c.kind().equals(Confounder.IV_IRON) && c.from().equals(DAY0.plusDays(60))));
        assertEquals(DAY0, second.baselineAfterCourse());
        assertTrue(second.notes().stream().anyMatch(n -> n.startsWith("baseline window lies in the response period of the course of " + DAY0)));
        assertEquals(2, second.course().number());
        // The second course adds nothing over the first's response: no responder.
        assertEquals(Boolean.FALSE, second.responder());
        // The first's follow-up ends at the second course: its duration is censored there.
        assertEquals(59 - 10, first.timing().durationDays());
    }

    @Test
    void aCourseThatBeginsBeforeTheResponseWindowLeavesNoWindow() {
        List<PatientNight> nights = nights(-40, 200, d -> 30);
        PatientResponse p = ResponseAnalysis.analyze(new PatientTimeline("G", nights, List.of(iv(0, 1000), iv(20, 1000))), SETTINGS);
        InfusionResponse first = p.infusions().get(0);
        assertEquals(0, first.plmi().response().size());
        assertNull(first.responseTo());
        assertNull(first.responder());
        assertTrue(first.notes().stream().anyMatch(n -> n.contains("began before this one's response window")));
    }

    @Test
    void confoundersAreListedWithTheWindowsTheyTouch() {
        List<PatientNight> nights = nights(-40, 120, d -> 30);
        List<TherapyEvent> events = List.of(iv(0, 1000),
                new TherapyEvent(DAY0.plusDays(-100), TherapyKind.ORAL_IRON_START, "ferrous sulfate", 65, "mg"),
                new TherapyEvent(DAY0.plusDays(-10), TherapyKind.ORAL_IRON_STOP, "ferrous sulfate", 65, "mg"),
                new TherapyEvent(DAY0.plusDays(40), TherapyKind.MEDICATION, "pramipexole stop", Double.NaN, ""),
                new TherapyEvent(DAY0.plusDays(200), TherapyKind.MEDICATION, "gabapentin start", Double.NaN, ""),
                new TherapyEvent(DAY0.plusDays(70), TherapyKind.ORAL_IRON_START, "ferrous bisglycinate", 25, "mg"));
        InfusionResponse r = ResponseAnalysis.analyze(new PatientTimeline("H", nights, events), SETTINGS).infusions().getFirst();
        List<Confounder> c = r.confounders();
        assertEquals(3, c.size(), c.toString());
        assertEquals(Confounder.ORAL_IRON, c.get(0).kind());
        assertEquals(List.of("baseline"), c.get(0).windows());
        assertEquals(DAY0.plusDays(-10), c.get(0).to());
        assertEquals(Confounder.MEDICATION, c.get(1).kind());
        assertEquals(List.of("response"), c.get(1).windows());
        assertEquals(Confounder.ORAL_IRON, c.get(2).kind());
        assertNull(c.get(2).to(), "still taking it");
        assertEquals(List.of("response"), c.get(2).windows());
    }

    @Test
    void noResponseMeansNoTimingAndAStatedRule() {
        List<PatientNight> nights = nights(-40, 120, d -> 30);
        InfusionResponse r = ResponseAnalysis.analyze(new PatientTimeline("I", nights, List.of(iv(0, 1000))), SETTINGS).infusions().getFirst();
        assertEquals(Boolean.FALSE, r.responder());
        assertNull(r.timing().onsetDay());
        assertNull(r.timing().reviewDate());
        assertTrue(r.rule().contains("at least 50 % below") && r.rule().contains("95 % confidence interval"), r.rule());
        assertNotNull(r.plmiVsDaysSince());
    }

    @Test
    void aSignificantFallBelowTheThresholdIsNotAResponderUnderTheDefaultRuleButIsUnderALowerOne() {
        List<PatientNight> nights = nights(-40, 120, d -> d >= 10 ? 24 : 36);
        PatientTimeline timeline = new PatientTimeline("J", nights, List.of(iv(0, 1000)));
        InfusionResponse strict = ResponseAnalysis.analyze(timeline, SETTINGS).infusions().getFirst();
        assertTrue(strict.significantFall());
        assertEquals(Boolean.FALSE, strict.responder());
        ResponseSettings lenient = SETTINGS.withResponderRule(new ResponderRule(25, true));
        InfusionResponse r = ResponseAnalysis.analyze(timeline, lenient).infusions().getFirst();
        assertEquals(Boolean.TRUE, r.responder());
        assertTrue(r.rule().contains("at least 25 % below"), r.rule());
    }

    @Test
    void patientLevelFerritinGuidelineAndCorrelation() {
        // PLMI falls as ferritin rises: a perfect negative rank correlation over four reliable draws.
        List<PatientNight> nights = nights(-60, 200, d -> d < 0 ? 40 : d < 80 ? 25 : 15);
        List<TherapyEvent> events = List.of(iv(0, 1000), ferritin(-50, 20), ferritin(-7, 25), ferritin(10, 700),
                ferritin(60, 300), ferritin(150, 400),
                new TherapyEvent(DAY0.plusDays(-7), TherapyKind.TSAT, "", 15, "%"));
        PatientResponse p = ResponseAnalysis.analyze(new PatientTimeline("K", nights, events), SETTINGS);
        assertEquals(5, p.ferritin().size());
        assertEquals(15, p.ferritin().get(1).tsat(), 0);
        assertTrue(p.ferritin().get(2).unreliable());
        assertEquals(IronGuideline.Recommendation.NOT_INDICATED, p.latestGuideline().recommendation());
        assertEquals(4, p.plmiVsFerritin().n());
        assertEquals(-1, p.plmiVsFerritin().rho(), 1e-12);
        assertEquals(261, p.nights());
    }

    @Test
    void aTimelineRejectsTwoNightsOnOneDate() {
        List<PatientNight> twice = List.of(new PatientNight(DAY0, 5, 35, 7, Double.NaN, true),
                new PatientNight(DAY0, 6, 42, 7, Double.NaN, true));
        assertThrows(IllegalArgumentException.class, () -> new PatientTimeline("L", twice, List.of()));
    }

    @Test
    void settingsAreChecked() {
        ResponderRule rule = ResponderRule.DEFAULT;
        assertThrows(IllegalArgumentException.class, () -> ResponseSettings.of(28, 50, 40, 7, 0.95, rule, 14));
        assertThrows(IllegalArgumentException.class, () -> ResponseSettings.of(28, 28, 84, 2, 0.95, rule, 14));
        assertThrows(IllegalArgumentException.class, () -> ResponseSettings.of(28, 28, 84, 7, 1, rule, 14));
        assertThrows(IllegalArgumentException.class, () -> ResponseSettings.of(28, 28, 84, 7, 0.95, rule, -1));
        assertEquals(ResponseSettings.DEFAULT, ResponseSettings.of(28, 28, 84, 7, 0.95, rule, 14));
        assertThrows(IllegalArgumentException.class, () -> new ResponderRule(0, false));
        assertThrows(IllegalArgumentException.class, () -> new ResponderRule(120, true));
    }
}
