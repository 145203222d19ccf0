package org.legwatch.analysis.sim;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.legwatch.analysis.response.PatientNight;
import org.legwatch.analysis.response.PatientTimeline;
import org.legwatch.analysis.response.TherapyEvent;
import org.legwatch.analysis.response.TherapyKind;

/**
 * A generated patient: nightly results and a therapy record around an IV iron infusion, with the
 * truth they were made from.
 *
 * <p>The PLMI of a night is the true level times {@code (1 - fall x effect(day))} plus AR(1) noise on
 * calendar days (SD {@code nightSd}, correlation rho between consecutive days, so a missing night
 * still carries the correlation across it), cut at 0, turned into a PLM count over 6-8.5 h in bed.
 * The periodicity index follows the PLMI's effect at half its relative size, with its own smaller
 * noise. Ferritin is drawn a week before the infusion, at 2 weeks (falsely high, as after any IV
 * iron) and every 8 weeks from week 8, falling linearly after the first month at the patient's
 * rate; TSAT with each draw. One patient in ten has an oral iron course ending inside the baseline
 * window, one in twenty an RLS medication change inside the windows; neither moves the simulated
 * PLMI (they exercise the confounder listing).
 */
public record SimulatedPatient(PatientTimeline timeline, ResponseTruth truth, LocalDate infusionDate) {
    /** The infusion date of every simulated patient (a Monday). */
    public static final LocalDate INFUSION = LocalDate.of(2024, 3, 4);
    private static final int RESPONSE_START = 28;
    private static final int RESPONSE_END = 84;

    public static SimulatedPatient generate(ResponseScenario scenario, long seed, int index) {
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
        double baseline = Draw.uniform(r, scenario.baselinePlmi()[0], scenario.baselinePlmi()[1]);
        double rho = Draw.uniform(r, scenario.rho()[0], scenario.rho()[1]);
        double fall = Draw.uniform(r, scenario.fall()[0], scenario.fall()[1]);
        double lag = Draw.uniform(r, scenario.lagDays()[0], scenario.lagDays()[1]);
        double ramp = Draw.uniform(r, scenario.rampDays()[0], scenario.rampDays()[1]);
        double plateau = scenario.plateauDays()[0] >= scenario.plateauDays()[1] ? scenario.plateauDays()[0]
                : Draw.logUniform(r, scenario.plateauDays()[0], scenario.plateauDays()[1]);
        double back = Draw.uniform(r, scenario.returnDays()[0], scenario.returnDays()[1]);
        double decay = Draw.uniform(r, 4, 9);
        ResponseTruth shape = new ResponseTruth(baseline, rho, fall, lag, ramp, plateau, back, 0, 0, 0, false, decay);
        double windowChange = 0;
        for (int d = RESPONSE_START; d < RESPONSE_END; d++) {
            windowChange += shape.plmi(d) - baseline;
        }
        windowChange /= RESPONSE_END - RESPONSE_START;
        boolean effect = fall > 0;
        double onset = effect ? lag + ramp / 2 : Double.NaN;
        double loss = effect ? lag + ramp + plateau + back / 2 : Double.NaN;
        if (loss >= scenario.daysAfter() || (scenario.secondCourseDay() > 0 && loss >= scenario.secondCourseDay())) {
            loss = Double.NaN;
        }
        boolean steady = !effect || (lag + ramp <= RESPONSE_START && lag + ramp + plateau >= RESPONSE_END);
        ResponseTruth truth = new ResponseTruth(baseline, rho, fall, lag, ramp, plateau, back, onset, loss, windowChange, steady, decay);

        String patient = String.format(Locale.ROOT, "%s-%05d", scenario.name(), index);
        List<PatientNight> nights = nights(scenario, truth, r);
        List<TherapyEvent> events = therapy(scenario, truth, r);
        return new SimulatedPatient(new PatientTimeline(patient, nights, events), truth, INFUSION);
    }

    private static List<PatientNight> nights(ResponseScenario scenario, ResponseTruth truth, SplittableRandom r) {
        int first = -scenario.daysBefore();
        int last = scenario.daysAfter();
        int gapStart = Integer.MAX_VALUE;
        int gapEnd = Integer.MIN_VALUE;
        if (Draw.chance(r, scenario.gapChance())) {
            gapStart = first + r.nextInt(last - first);
            gapEnd = gapStart + 3 + r.nextInt(12);
        }
        double rho = truth.rho();
        double innovation = Math.sqrt(1 - rho * rho);
        double noise = scenario.nightSd() * r.nextGaussian();
        double piNoise = 0.06 * r.nextGaussian();
        double periodicity = Draw.uniform(r, 0.35, 0.75);
        int second = scenario.secondCourseDay();
        List<PatientNight> nights = new ArrayList<>();
        for (int day = first; day < last; day++) {
            if (day > first) {
                noise = rho * noise + innovation * scenario.nightSd() * r.nextGaussian();
                piNoise = rho * piNoise + innovation * 0.06 * r.nextGaussian();
            }
            boolean missing = Draw.chance(r, scenario.missingNight()) || (day >= gapStart && day < gapEnd);
            double hours = Draw.uniform(r, 6, 8.5);
            boolean valid = !Draw.chance(r, scenario.invalidNight());
            if (missing) {
                continue;
            }
            double effect = truth.effect(day);
            if (second > 0) {
                effect = Math.max(effect, truth.effect(day - second));
            }
            double plmi = Math.max(0, truth.baselinePlmi() * (1 - truth.fall() * effect) + noise);
            int count = (int) Math.round(plmi * hours);
            double pi = count == 0 ? Double.NaN
                    : Draw.clamp(periodicity * (1 - 0.5 * truth.fall() * effect) + piNoise, 0, 1);
            nights.add(new PatientNight(SimulatedPatient.INFUSION.plusDays(day), count / hours, count, hours, pi, valid));
        }
        return nights;
    }

    private static List<TherapyEvent> therapy(ResponseScenario scenario, ResponseTruth truth, SplittableRandom r) {
        List<TherapyEvent> events = new ArrayList<>();
        LocalDate day0 = SimulatedPatient.INFUSION;
        String product = Draw.chance(r, 0.7) ? "ferric carboxymaltose" : "ferumoxytol";
        double dose = product.startsWith("ferric") ? 1000 : 1020;
        double before = Draw.uniform(r, 15, 90);
        double peak = before + Draw.uniform(r, 250, 450);
        events.add(new TherapyEvent(day0, TherapyKind.IV_IRON, product, dose, "mg"));
        if (scenario.secondCourseDay() > 0) {
            events.add(new TherapyEvent(day0.plusDays(scenario.secondCourseDay()), TherapyKind.IV_IRON, product, dose, "mg"));
        }
        addBlood(events, day0.plusDays(-7), before, Draw.uniform(r, 10, 35));
        int end = scenario.secondCourseDay() > 0 ? scenario.secondCourseDay() : scenario.daysAfter();
        for (int day = 14; day < end; day = day == 14 ? 56 : day + 56) {
            double ferritin = day < 28 ? peak : Math.max(before, peak - truth.ferritinDecayPerWeek() * (day - 28) / 7.0);
            addBlood(events, day0.plusDays(day), Math.max(1, ferritin + 5 * r.nextGaussian()), Draw.uniform(r, 20, 45));
        }
        if (Draw.chance(r, 0.1)) {
            events.add(new TherapyEvent(day0.plusDays(-120), TherapyKind.ORAL_IRON_START, "ferrous sulfate 325 mg", 65, "mg"));
            events.add(new TherapyEvent(day0.plusDays(-14), TherapyKind.ORAL_IRON_STOP, "ferrous sulfate 325 mg", 65, "mg"));
        }
        if (Draw.chance(r, 0.05)) {
            events.add(new TherapyEvent(day0.plusDays(-28 + r.nextInt(112)), TherapyKind.MEDICATION, "pramipexole dose reduced",
                    Double.NaN, ""));
        }
        return events;
    }

    private static void addBlood(List<TherapyEvent> events, LocalDate date, double ferritin, double tsat) {
        events.add(new TherapyEvent(date, TherapyKind.FERRITIN, "", Math.round(ferritin), "ug/L"));
        events.add(new TherapyEvent(date, TherapyKind.TSAT, "", Math.round(tsat), "%"));
    }
}
