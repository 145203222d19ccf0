package org.legwatch.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.SplittableRandom;
import org.legwatch.analysis.sim.NightScenario;
import org.legwatch.analysis.sim.PatientProfile;
import org.legwatch.analysis.sim.ResponseTruth;
import org.legwatch.device.sim.DeviceSimulation;
import org.legwatch.host.store.TherapyEvent;
import org.legwatch.host.store.TherapyKind;

/**
 * What really happens to the demo's patient, night by night: the PLM index the patient's legs make
 * (a baseline level, lowered by each infusion after a delay, for a while, then drifting back up;
 * with night-to-night variation correlated from one night to the next), the nights the band is not
 * worn or the night is too short, and the therapy record a clinician would enter (infusions,
 * ferritin, an oral iron course, a medication change). Days count from the first evening (day 0).
 *
 * @param nights          evenings simulated
 * @param patient         the patient's habits at their baseline severity
 * @param baselinePlmi    the PLMI before any infusion (/h), as the bands measure it
 * @param nightSd         SD of the night-to-night variation added to the level (/h)
 * @param rho             correlation of that variation from one night to the next
 * @param infusions       the IV iron infusions and what each does
 * @param notWornNights   nights the band stays on the bedside table
 * @param shortNights     nights too short to count (under the 4 h of valid time in bed)
 * @param otherEvents     the rest of the therapy record: blood results, oral iron, medication changes
 */
public record PatientStory(int nights, PatientProfile patient, double baselinePlmi, double nightSd, double rho,
                           List<Infusion> infusions, Set<Integer> notWornNights, Set<Integer> shortNights,
                           List<Entry> otherEvents) {

    /**
     * One IV iron infusion and its true effect: the PLMI falls by {@code fall} (a fraction of the
     * baseline) starting {@code lagDays} after it, reaches the full fall over {@code rampDays}, keeps
     * it {@code plateauDays} and returns to baseline over {@code returnDays}.
     */
    public record Infusion(int day, String product, double doseMg, double fall, double lagDays, double rampDays,
                           double plateauDays, double returnDays) {
        /** The fraction of the full fall present on day {@code day} of the story. */
        double effect(int storyDay) {
            return shape().effect(storyDay - day);
        }

        /** Days after the infusion until half the fall is reached: the true time to response. */
        public double onsetDays() {
            return lagDays + rampDays / 2;
        }

        /** Days after the infusion until half the fall is regained: the true loss of response. */
        public double lossDays() {
            return lagDays + rampDays + plateauDays + returnDays / 2;
        }

        private ResponseTruth shape() {
            return new ResponseTruth(1, 0, fall, lagDays, rampDays, plateauDays, returnDays, onsetDays(), lossDays(), 0,
                    false, 0);
        }
    }

    /** A therapy-record entry on a day of the story (value {@code NaN} when the kind has none). */
    public record Entry(int day, TherapyKind kind, String detail, double value, String unit) {}

    public PatientStory {
        if (nights < 1) {
            throw new IllegalArgumentException("at least one night");
        }
        infusions = List.copyOf(infusions);
        notWornNights = Set.copyOf(notWornNights);
        shortNights = Set.copyOf(shortNights);
        otherEvents = List.copyOf(otherEvents);
    }

    /**
     * The demo's patient over 164 nights (23 weeks and a half): severe RLS (PLMI about 52/h) for 12
     * nights; ferric carboxymaltose 1000 mg on day 12, which starts to work after 4 days, reaches a
     * 65 % fall within another 6, holds it to the end of the analysis' response window (day 84 after
     * the infusion) and wears off over 4 days (ferritin falls fast); four weeks later, on day 126,
     * ferric derisomaltose 1000 mg, working after 4 days with a 65 % fall to the end. The length is
     * what the analysis' default windows need to see all of it: 28-84 days after each infusion for
     * the response, and two weeks of nights back up to call the loss. An oral iron course (begun
     * three months before) stops in the first week; pramipexole is reduced on day 60. The band is not
     * worn on day 40 and the night of day 110 is too short.
     */
    public static PatientStory twoInfusions() {
        List<Infusion> infusions = List.of(
                new Infusion(12, "ferric carboxymaltose", 1000, 0.65, 4, 6, 74, 4),
                new Infusion(126, "ferric derisomaltose", 1000, 0.65, 4, 6, 365, 4));
        List<Entry> other = List.of(
                new Entry(-90, TherapyKind.ORAL_IRON_START, "ferrous sulfate 325 mg", 65, "mg"),
                new Entry(3, TherapyKind.ORAL_IRON_STOP, "ferrous sulfate 325 mg", 65, "mg"),
                new Entry(5, TherapyKind.FERRITIN, "", 38, "ug/L"),
                new Entry(5, TherapyKind.TSAT, "", 16, "%"),
                new Entry(26, TherapyKind.FERRITIN, "", 512, "ug/L"),
                new Entry(47, TherapyKind.FERRITIN, "", 380, "ug/L"),
                new Entry(47, TherapyKind.TSAT, "", 31, "%"),
                new Entry(60, TherapyKind.MEDICATION, "pramipexole reduced to 0.125 mg", Double.NaN, ""),
                new Entry(75, TherapyKind.FERRITIN, "", 250, "ug/L"),
                new Entry(103, TherapyKind.FERRITIN, "", 118, "ug/L"),
                new Entry(103, TherapyKind.TSAT, "", 22, "%"),
                new Entry(154, TherapyKind.FERRITIN, "", 455, "ug/L"),
                new Entry(154, TherapyKind.TSAT, "", 34, "%"));
        return new PatientStory(164, PatientProfile.SEVERE, 52, 3, 0.5, infusions, Set.of(40), Set.of(110), other);
    }

    /**
     * A short story for quick checks: nine days of baseline, ferric carboxymaltose on day 9 that
     * halves the PLMI from day 12 on, followed to day 48 (the analysis' response window starts on day
     * 28 after the infusion); the band is off on day 3.
     */
    public static PatientStory oneInfusion() {
        return new PatientStory(48, PatientProfile.SEVERE, 52, 3, 0.5,
                List.of(new Infusion(9, "ferric carboxymaltose", 1000, 0.65, 2, 2, 365, 10)), Set.of(3), Set.of(),
                List.of(new Entry(2, TherapyKind.FERRITIN, "", 41, "ug/L")));
    }

    /** The PLMI the patient's legs are set to make on each night (level plus correlated variation), one per night. */
    public double[] targetPlmi(long seed) {
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        double[] out = new double[nights];
        double innovation = Math.sqrt(1 - rho * rho);
        double noise = nightSd * random.nextGaussian();
        for (int day = 0; day < nights; day++) {
            if (day > 0) {
                noise = rho * noise + innovation * nightSd * random.nextGaussian();
            }
            out[day] = Math.max(0, level(day) + noise);
        }
        return out;
    }

    /** The PLMI level on a day before night-to-night variation: the baseline lowered by the strongest infusion effect present. */
    public double level(int day) {
        double effect = 0;
        for (Infusion infusion : infusions) {
            effect = Math.max(effect, infusion.fall() * infusion.effect(day));
        }
        return baselinePlmi * (1 - effect);
    }

    /**
     * How each night of the device simulation differs from the patient's typical night. The story's
     * PLMI is the one the bands measure: with a band on the right ankle only, which sees a share of
     * the movements, the patient makes correspondingly more.
     */
    public DeviceSimulation.NightVariation variation(long seed) {
        double[] target = targetPlmi(seed);
        return (night, typical) -> {
            double seen = typical.legCount() == 2 ? 1 : patient.rightBandShare();
            NightScenario scenario = typical.withPatient(patient.withPlmi(target[night] / seen));
            if (notWornNights.contains(night)) {
                scenario = scenario.withNotWornAllNight(true);
            }
            if (shortNights.contains(night)) {
                scenario = scenario.withTimes(typical.notWornBeforeMinutes(), typical.eveningMinutes(), 2.5,
                        typical.morningMinutes(), typical.notWornAfterMinutes());
            }
            return scenario;
        };
    }

    /** The therapy record as a clinician enters it, with dates counted from {@code firstEvening}. */
    public List<TherapyEvent> therapy(String patientId, LocalDate firstEvening) {
        List<TherapyEvent> events = new ArrayList<>();
        for (Infusion infusion : infusions) {
            events.add(event(patientId, firstEvening, new Entry(infusion.day(), TherapyKind.IV_IRON, infusion.product(),
                    infusion.doseMg(), "mg")));
        }
        for (Entry entry : otherEvents) {
            events.add(event(patientId, firstEvening, entry));
        }
        events.sort(TherapyEvent.ORDER);
        return events;
    }

    private static TherapyEvent event(String patientId, LocalDate firstEvening, Entry e) {
        return new TherapyEvent(patientId, firstEvening.plusDays(e.day()), e.kind(), e.detail(),
                Double.isNaN(e.value()) ? OptionalDouble.empty() : OptionalDouble.of(e.value()), e.unit());
    }
}
