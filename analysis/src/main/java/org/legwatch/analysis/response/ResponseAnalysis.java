package org.legwatch.analysis.response;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The per-patient iron-response analysis: groups IV doses into courses and, for each course,
 * compares the baseline and response windows, times the response, reads the ferritin and lists the
 * confounders.
 *
 * <p>Overlapping courses: nights from the next course's first dose on belong to the next course, so
 * a course whose successor starts inside its response window is judged on the nights before the
 * successor only (and says so); the successor's baseline window then lies in the earlier course's
 * response period, which is flagged, because it measures the added effect of the new course over a
 * treated state, not the effect over an untreated one.
 */
public final class ResponseAnalysis {
    private ResponseAnalysis() {
    }

    public static PatientResponse analyze(PatientTimeline timeline, ResponseSettings settings) {
        List<PatientNight> nights = timeline.nights();
        DaySeries plmi = validSeries(nights, false);
        DaySeries periodicity = validSeries(nights, true);
        List<TherapyEvent> ivDoses = timeline.events(TherapyKind.IV_IRON);
        List<InfusionCourse> courses = InfusionCourse.group(ivDoses, settings.courseGapDays());
        List<FerritinReading> ferritin = readFerritin(timeline, ivDoses, settings);
        List<OralIronCourse> oral = OralIronCourse.from(timeline.events());
        int lastNight = nights.isEmpty() ? Integer.MIN_VALUE : (int) nights.getLast().date().toEpochDay();

        List<InfusionResponse> infusions = new ArrayList<>();
        for (int i = 0; i < courses.size(); i++) {
            InfusionCourse course = courses.get(i);
            InfusionCourse next = i + 1 < courses.size() ? courses.get(i + 1) : null;
            InfusionCourse previous = i > 0 ? courses.get(i - 1) : null;
            infusions.add(analyzeCourse(course, previous, next, courses, plmi, periodicity, ferritin, oral,
                    timeline.events(TherapyKind.MEDICATION), lastNight, settings));
        }

        IronGuideline.Check latest = null;
        for (FerritinReading reading : ferritin) {
            if (!reading.unreliable()) {
                latest = reading.guideline();
            }
        }
        int valid = (int) nights.stream().filter(PatientNight::valid).count();
        return new PatientResponse(timeline.patient(), nights.size(), valid,
                nights.isEmpty() ? null : nights.getFirst().date(), nights.isEmpty() ? null : nights.getLast().date(),
                List.copyOf(infusions), ferritin, latest, plmiVsFerritin(plmi, ferritin, settings));
    }

    private static InfusionResponse analyzeCourse(InfusionCourse course, InfusionCourse previous, InfusionCourse next,
                                                  List<InfusionCourse> courses, DaySeries plmiAbsolute, DaySeries piAbsolute,
                                                  List<FerritinReading> ferritin, List<OralIronCourse> oral,
                                                  List<TherapyEvent> medication, int lastNight, ResponseSettings settings) {
        LocalDate date = course.date();
        int day0 = (int) date.toEpochDay();
        int nextDay = next == null ? Integer.MAX_VALUE : (int) next.date().toEpochDay() - day0;
        int responseEnd = Math.min(settings.responseEndDay(), nextDay);
        DaySeries plmi = plmiAbsolute.shifted(-day0);
        DaySeries pi = piAbsolute.shifted(-day0);
        List<String> notes = new ArrayList<>();

        DaySeries plmiBaseline = plmi.between(-settings.baselineDays(), 0);
        DaySeries plmiResponse = plmi.between(settings.responseStartDay(), responseEnd);
        OutcomeComparison plmiComparison = OutcomeComparison.of(plmiBaseline, plmiResponse,
                plmi.between(-settings.baselineDays(), responseEnd), settings);
        OutcomeComparison piComparison = OutcomeComparison.of(pi.between(-settings.baselineDays(), 0),
                pi.between(settings.responseStartDay(), responseEnd), pi.between(-settings.baselineDays(), responseEnd), settings);
        Boolean responder = settings.responderRule().decide(plmiComparison);
        if (!plmiComparison.comparable()) {
            notes.add(String.format(Locale.ROOT, "too few valid nights: baseline %d, response %d (at least %d each needed)",
                    plmiBaseline.size(), plmiResponse.size(), settings.minValidNights()));
        }
        LocalDate nextCourse = null;
        if (nextDay < settings.responseEndDay()) {
            nextCourse = next.date();
            notes.add(nextDay <= settings.responseStartDay()
                    ? "the next course (" + next.date() + ") began before this one's response window: no response window"
                    : "response window cut short by the next course on " + next.date());
        }
        LocalDate baselineAfter = null;
        if (previous != null) {
            long previousEnd = previous.date().toEpochDay() + settings.responseEndDay();
            if (previousEnd > day0 - settings.baselineDays()) {
                baselineAfter = previous.date();
                notes.add("baseline window lies in the response period of the course of " + previous.date()
                        + ": the comparison measures the added effect over a treated state");
            }
        }

        List<FerritinReading> after = new ArrayList<>();
        FerritinReading before = null;
        for (FerritinReading reading : ferritin) {
            int day = (int) reading.date().toEpochDay() - day0;
            if (day <= 0) {
                before = reading;
            } else if (day < nextDay) {
                after.add(reading);
            }
        }
        FerritinDecay decay = FerritinDecay.of(date, after, settings.ferritinTarget());

        int followUpEnd = Math.min(nextDay, lastNight == Integer.MIN_VALUE ? 0 : lastNight - day0 + 1);
        DaySeries followUp = plmi.between(0, followUpEnd);
        ResponseTiming timing = ResponseTiming.of(date, plmiComparison, plmiBaseline, followUp, decay, settings);
        RankCorrelation daysSince = RankCorrelation.spearman(toDoubles(followUp.days()), followUp.values());

        return new InfusionResponse(course,
                date.minusDays(settings.baselineDays()), date.minusDays(1),
                date.plusDays(settings.responseStartDay()), responseEnd > settings.responseStartDay() ? date.plusDays(responseEnd - 1L) : null,
                nextCourse, baselineAfter, plmiComparison, piComparison, responder, plmiComparison.significantFall(),
                settings.ruleText(), timing, before, List.copyOf(after), decay, daysSince,
                confounders(course, courses, oral, medication, settings), List.copyOf(notes));
    }

    private static List<Confounder> confounders(InfusionCourse course, List<InfusionCourse> courses, List<OralIronCourse> oral,
                                                List<TherapyEvent> medication, ResponseSettings settings) {
        long day0 = course.date().toEpochDay();
        long from = day0 - settings.baselineDays();
        long to = day0 + settings.responseEndDay() - 1;
        List<Confounder> found = new ArrayList<>();
        for (OralIronCourse o : oral) {
            long start = o.start() == null ? Long.MIN_VALUE : o.start().toEpochDay();
            long stop = o.stop() == null ? Long.MAX_VALUE : o.stop().toEpochDay();
            if (start <= to && stop >= from) {
                found.add(new Confounder(Confounder.ORAL_IRON, o.start(), o.stop(), o.product(), o.dailyMg(), o.unit(),
                        windows(Math.max(start, from) - day0, Math.min(stop, to) - day0, settings)));
            }
        }
        for (TherapyEvent change : medication) {
            long day = change.date().toEpochDay();
            if (day >= from && day <= to) {
                found.add(new Confounder(Confounder.MEDICATION, change.date(), change.date(), change.detail(), change.value(),
                        change.unit(), windows(day - day0, day - day0, settings)));
            }
        }
        for (InfusionCourse other : courses) {
            if (other == course) {
                continue;
            }
            long first = other.date().toEpochDay();
            long last = other.lastDoseDate().toEpochDay();
            if (first <= to && last >= from) {
                found.add(new Confounder(Confounder.IV_IRON, other.date(), other.lastDoseDate(), other.product(),
                        other.totalDoseMg(), "mg", windows(Math.max(first, from) - day0, Math.min(last, to) - day0, settings)));
            }
        }
        found.sort((a, b) -> {
            long x = a.from() == null ? Long.MIN_VALUE : a.from().toEpochDay();
            long y = b.from() == null ? Long.MIN_VALUE : b.from().toEpochDay();
            return Long.compare(x, y);
        });
        return List.copyOf(found);
    }

    /** The windows that days {@code first..last} (from the infusion) touch. */
    private static List<String> windows(long first, long last, ResponseSettings settings) {
        List<String> touched = new ArrayList<>();
        if (first < 0) {
            touched.add("baseline");
        }
        if (first < settings.responseStartDay() && last >= 0) {
            touched.add("before_response");
        }
        if (last >= settings.responseStartDay()) {
            touched.add("response");
        }
        return List.copyOf(touched);
    }

    private static List<FerritinReading> readFerritin(PatientTimeline timeline, List<TherapyEvent> ivDoses, ResponseSettings settings) {
        List<TherapyEvent> tsat = timeline.events(TherapyKind.TSAT);
        List<FerritinReading> readings = new ArrayList<>();
        for (TherapyEvent f : timeline.events(TherapyKind.FERRITIN)) {
            long day = f.date().toEpochDay();
            int sinceIv = -1;
            for (TherapyEvent dose : ivDoses) {
                long doseDay = dose.date().toEpochDay();
                if (doseDay < day) {
                    sinceIv = (int) (day - doseDay);
                }
            }
            boolean unreliable = sinceIv >= 0 && sinceIv < settings.unreliableFerritinDays();
            double paired = nearestTsat(tsat, day);
            readings.add(new FerritinReading(f.date(), f.value(), paired, sinceIv, unreliable,
                    IronGuideline.check(f.value(), paired, unreliable)));
        }
        return List.copyOf(readings);
    }

    /** The TSAT drawn nearest a ferritin, within a week (the earlier on a tie), or {@code NaN}. */
    private static double nearestTsat(List<TherapyEvent> tsat, long day) {
        double best = Double.NaN;
        long bestDistance = 8;
        for (TherapyEvent t : tsat) {
            long distance = Math.abs(t.date().toEpochDay() - day);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = t.value();
            }
        }
        return best;
    }

    private static RankCorrelation plmiVsFerritin(DaySeries plmi, List<FerritinReading> ferritin, ResponseSettings settings) {
        List<double[]> pairs = new ArrayList<>();
        for (FerritinReading reading : ferritin) {
            if (reading.unreliable()) {
                continue;
            }
            int day = (int) reading.date().toEpochDay();
            DaySeries around = plmi.between(day - settings.ferritinNightDays(), day + settings.ferritinNightDays() + 1);
            if (around.size() >= 3) {
                pairs.add(new double[] {reading.ferritin(), around.median()});
            }
        }
        return RankCorrelation.spearman(pairs.stream().mapToDouble(p -> p[0]).toArray(), pairs.stream().mapToDouble(p -> p[1]).toArray());
    }

    private static DaySeries validSeries(List<PatientNight> nights, boolean periodicity) {
        int[] days = new int[nights.size()];
        double[] values = new double[nights.size()];
        int n = 0;
        for (PatientNight night : nights) {
            if (night.valid() && (!periodicity || night.hasPeriodicityIndex())) {
                days[n] = (int) night.date().toEpochDay();
                values[n++] = periodicity ? night.periodicityIndex() : night.plmi();
            }
        }
        return new DaySeries(Arrays.copyOf(days, n), Arrays.copyOf(values, n));
    }

    private static double[] toDoubles(int[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}
