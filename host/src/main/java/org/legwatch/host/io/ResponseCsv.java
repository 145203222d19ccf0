package org.legwatch.host.io;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.legwatch.analysis.response.CohortSummary;
import org.legwatch.analysis.response.Confounder;
import org.legwatch.analysis.response.InfusionResponse;
import org.legwatch.analysis.response.InterruptedTimeSeries;
import org.legwatch.analysis.response.OutcomeComparison;
import org.legwatch.analysis.response.PatientNight;
import org.legwatch.analysis.response.PatientResponse;
import org.legwatch.analysis.response.PatientTimeline;
import org.legwatch.analysis.response.ResponseSettings;

/**
 * Tidy exports of {@code legwatch analyze} for statistics packages: one row per patient-night, one
 * row per infusion course, one row per cohort group. Empty cells are unknown or undefined; flags
 * are 1/0 (and empty for an undecided responder call). docs/formats.md lists the columns.
 */
public final class ResponseCsv {
    public static final String NIGHTS_HEADER = NightResultsCsv.HEADER
            + ",course,course_date,days_since_course,baseline_of,response_of";
    public static final String INFUSIONS_HEADER = "patient,course,date,product,formulation,total_dose_mg,doses,"
            + "baseline_nights,response_nights,baseline_median,response_median,change_pct,change,ci_low,ci_high,p_value,"
            + "responder,significant_fall,baseline_mean,response_mean,mean_change,mean_ci_low,mean_ci_high,autocorrelation,"
            + "its_level_change,its_level_p,its_slope_change_per_week,its_slope_p,"
            + "pi_baseline_median,pi_response_median,pi_change,pi_ci_low,pi_ci_high,pi_p_value,"
            + "time_to_response_days,loss_of_response_day,response_duration_days,duration_censored,review_date,"
            + "ferritin_before,ferritin_before_date,ferritin_before_unreliable,guideline_before,ferritin_decay_per_week,"
            + "oral_iron_courses,medication_changes,other_iv_courses,next_course,baseline_after_course";
    public static final String COHORT_HEADER = "group_by,group,courses,evaluable_courses,responders,responder_rate,ci_low,ci_high,"
            + "median_change_pct,median_time_to_response_days";

    private ResponseCsv() {
    }

    /** One patient's nights with the course each night follows and the windows it lies in. */
    public static void appendNights(Writer out, PatientTimeline timeline, PatientResponse response, ResponseSettings settings)
            throws IOException {
        List<InfusionResponse> courses = response.infusions();
        StringBuilder line = new StringBuilder(128);
        for (PatientNight night : timeline.nights()) {
            line.setLength(0);
            NightResultsCsv.append(line, timeline.patient(), night);
            InfusionResponse latest = null;
            InfusionResponse baselineOf = null;
            InfusionResponse responseOf = null;
            long day = night.date().toEpochDay();
            for (InfusionResponse course : courses) {
                long since = day - course.course().date().toEpochDay();
                if (since >= 0) {
                    latest = course;
                }
                if (since < 0 && since >= -settings.baselineDays()) {
                    baselineOf = course;
                }
                if (course.responseTo() != null && !night.date().isBefore(course.responseFrom()) && !night.date().isAfter(course.responseTo())) {
                    responseOf = course;
                }
            }
            line.append(',');
            if (latest != null) {
                line.append(latest.course().number()).append(',').append(latest.course().date()).append(',')
                        .append(day - latest.course().date().toEpochDay());
            } else {
                line.append(",,");
            }
            line.append(',').append(baselineOf == null ? "" : baselineOf.course().date().toString())
                    .append(',').append(responseOf == null ? "" : responseOf.course().date().toString()).append('\n');
            out.append(line);
        }
    }

    public static void writeInfusions(Path file, List<PatientResponse> patients) throws IOException {
        TextFiles.writeAtomically(file, w -> {
            w.write(INFUSIONS_HEADER + "\n");
            for (PatientResponse patient : patients) {
                for (InfusionResponse r : patient.infusions()) {
                    w.write(infusionRow(patient.patient(), r));
                }
            }
        });
    }

    private static String infusionRow(String patient, InfusionResponse r) {
        Row row = new Row();
        OutcomeComparison plmi = r.plmi();
        OutcomeComparison pi = r.periodicity();
        row.text(patient).integer(r.course().number()).date(r.course().date()).text(r.course().product())
                .text(r.course().formulation().code()).number(r.course().totalDoseMg()).integer(r.course().doses().size())
                .integer(plmi.baseline().size()).integer(plmi.response().size())
                .number(plmi.baselineMedian()).number(plmi.responseMedian()).number(plmi.changePercent());
        shift(row, plmi);
        row.flag(r.responder()).flag(r.significantFall())
                .number(plmi.baselineMean()).number(plmi.responseMean());
        if (plmi.comparable()) {
            row.number(plmi.meanChange().difference()).number(plmi.meanChange().ciLow()).number(plmi.meanChange().ciHigh())
                    .number(plmi.shift().rho());
        } else {
            row.empty(4);
        }
        InterruptedTimeSeries.Result its = plmi.timeSeries();
        if (its != null) {
            row.number(its.levelChange()).number(its.levelP()).number(its.slopeChangePerWeek()).number(its.slopeP());
        } else {
            row.empty(4);
        }
        row.number(pi.baselineMedian()).number(pi.responseMedian());
        shift(row, pi);
        row.integer(r.timing().onsetDay()).integer(r.timing().lossDay()).integer(r.timing().durationDays())
                .flag(r.timing().onsetDay() == null ? null : r.timing().durationCensored()).date(r.timing().reviewDate());
        if (r.ferritinBefore() != null) {
            row.number(r.ferritinBefore().ferritin()).date(r.ferritinBefore().date()).flag(r.ferritinBefore().unreliable())
                    .text(r.ferritinBefore().guideline().recommendation().code());
        } else {
            row.empty(4);
        }
        row.number(r.ferritinDecay() == null ? Double.NaN : r.ferritinDecay().ratePerWeek())
                .integer(count(r, Confounder.ORAL_IRON)).integer(count(r, Confounder.MEDICATION)).integer(count(r, Confounder.IV_IRON))
                .date(r.nextCourse()).date(r.baselineAfterCourse());
        return row.end();
    }

    /** change, ci_low, ci_high, p_value of an outcome, empty when not comparable. */
    private static void shift(Row row, OutcomeComparison c) {
        if (c.comparable()) {
            row.number(c.shift().shift()).number(c.shift().ciLow()).number(c.shift().ciHigh()).number(c.shift().pValue());
        } else {
            row.empty(4);
        }
    }

    private static int count(InfusionResponse r, String kind) {
        return (int) r.confounders().stream().filter(c -> c.kind().equals(kind)).count();
    }

    public static void writeCohort(Path file, CohortSummary cohort) throws IOException {
        TextFiles.writeAtomically(file, w -> {
            w.write(COHORT_HEADER + "\n");
            w.write(new Row().text("all").text("all").integer(cohort.courses()).integer(cohort.evaluable())
                    .integer(cohort.responders().successes()).number(cohort.responders().estimate())
                    .number(cohort.responders().ciLow()).number(cohort.responders().ciHigh())
                    .number(cohort.changePercent().median()).number(cohort.timeToResponse().median()).end());
            for (CohortSummary.Group g : cohort.byFormulation()) {
                w.write(group("formulation", g));
            }
            for (CohortSummary.Group g : cohort.byCourseNumber()) {
                w.write(group("course_number", g));
            }
        });
    }

    private static String group(String by, CohortSummary.Group g) {
        return new Row().text(by).text(g.name()).integer(g.courses()).integer(g.evaluable()).integer(g.responders().successes())
                .number(g.responders().estimate()).number(g.responders().ciLow()).number(g.responders().ciHigh())
                .number(g.medianChangePercent()).number(g.medianTimeToResponse()).end();
    }

    /** A CSV row built cell by cell. Text cells must not hold commas (the formats have no quoting). */
    private static final class Row {
        private final StringBuilder line = new StringBuilder(512);
        private boolean first = true;

        private Row cell(String text) {
            if (!first) {
                line.append(',');
            }
            first = false;
            line.append(text);
            return this;
        }

        Row text(String text) {
            return cell(text.replace(',', ';'));
        }

        Row number(double value) {
            return cell(Numbers.plain(value));
        }

        Row integer(Integer value) {
            return cell(value == null ? "" : value.toString());
        }

        Row date(LocalDate date) {
            return cell(date == null ? "" : date.toString());
        }

        Row flag(Boolean value) {
            return cell(value == null ? "" : value ? "1" : "0");
        }

        Row empty(int cells) {
            for (int i = 0; i < cells; i++) {
                cell("");
            }
            return this;
        }

        String end() {
            return line.append('\n').toString();
        }
    }
}
