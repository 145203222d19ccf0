package org.legwatch.analysis.response;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

class CohortSummaryTest {
    private static final LocalDate DAY0 = LocalDate.of(2024, 3, 4);

    private static PatientResponse patient(String id, int first, int last, IntToDoubleFunction level, TherapyEvent... events) {
        SplittableRandom r = new SplittableRandom(id.hashCode());
        List<PatientNight> nights = new ArrayList<>();
        for (int day = first; day <= last; day++) {
            double plmi = Math.max(0, level.applyAsDouble(day) + 2 * r.nextGaussian());
            nights.add(new PatientNight(DAY0.plusDays(day), plmi, (int) Math.round(plmi * 7), 7, 0.5, true));
        }
        return ResponseAnalysis.analyze(new PatientTimeline(id, nights, List.of(events)), ResponseSettings.DEFAULT);
    }

    private static TherapyEvent iv(int day, String product) {
        return new TherapyEvent(DAY0.plusDays(day), TherapyKind.IV_IRON, product, 1000, "mg");
    }

    @Test
    void summarisesRatesDistributionsDurabilityAndGroups() {
        List<PatientResponse> cohort = List.of(
                // Responds to the first course (onset day 15, lost at day 120), not to the second (day 200).
                patient("P1", -40, 320, d -> d >= 15 && d < 120 ? 10 : 40, iv(0, "Ferinject"), iv(200, "Ferinject")),
                patient("P2", -40, 120, d -> 30, iv(0, "Feraheme")),
                patient("P3", -3, 120, d -> d >= 10 ? 10 : 30, iv(0, "Ferinject")));
        CohortSummary s = CohortSummary.of(cohort, 0.95);
        assertEquals(3, s.patients());
        assertEquals(4, s.courses());
        assertEquals(3, s.evaluable());
        assertEquals(Proportion.wilson(1, 3, 0.95), s.responders());
        assertEquals(1, s.significantFalls().successes());
        assertEquals(3, s.changePercent().n());
        assertEquals(1, s.timeToResponse().n());
        assertEquals(15, s.timeToResponse().median(), 0);
        assertEquals(1, s.durability().responses());
        assertEquals(1, s.durability().lossesObserved());
        assertEquals(105, s.durability().medianDays(), 0);
        assertEquals(0, s.durability().lasting180(), 0);
        Map<Integer, Integer> perPatient = new TreeMap<>(Map.of(1, 2, 2, 1));
        assertEquals(perPatient, s.coursesPerPatient());
        assertEquals(new CohortSummary.RepeatedCourses(1, 0, 1, 0, 0), s.repeated());
        assertEquals(2, s.byFormulation().size());
        CohortSummary.Group fcm = s.byFormulation().getFirst();
        assertEquals("ferric_carboxymaltose", fcm.name());
        assertEquals(3, fcm.courses());
        assertEquals(2, fcm.evaluable());
        assertEquals(1, fcm.responders().successes());
        CohortSummary.Group firstCourses = s.byCourseNumber().getFirst();
        assertEquals("1", firstCourses.name());
        assertEquals(3, firstCourses.courses());
        int histogramTotal = s.histogram().stream().mapToInt(CohortSummary.Bin::count).sum();
        assertEquals(3, histogramTotal);
        assertEquals(21, s.histogram().size());
    }

    @Test
    void anEmptyCohortHasUndefinedRates() {
        CohortSummary s = CohortSummary.of(List.of(), 0.95);
        assertEquals(0, s.courses());
        assertEquals(Double.NaN, s.responders().estimate());
        assertEquals(Double.NaN, s.durability().medianDays());
        assertEquals(0, s.changePercent().n());
    }
}
