package org.legwatch.host.report.html;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.legwatch.analysis.night.NightSummary;
import org.legwatch.analysis.night.SignalQuality;
import org.legwatch.analysis.response.Confounder;
import org.legwatch.analysis.response.FerritinReading;
import org.legwatch.analysis.response.InfusionResponse;
import org.legwatch.analysis.response.InterruptedTimeSeries;
import org.legwatch.analysis.response.IronGuideline;
import org.legwatch.analysis.response.OutcomeComparison;
import org.legwatch.analysis.response.PatientResponse;
import org.legwatch.analysis.response.ResponseTiming;
import org.legwatch.analysis.response.TherapyEvent;
import org.legwatch.analysis.response.TherapyKind;
import org.legwatch.analysis.scoring.NightStatistics;
import org.legwatch.analysis.scoring.ScoringRules;
import org.legwatch.host.report.NightDetail;
import org.legwatch.host.report.PatientReport;
import org.legwatch.host.report.ReportCharts;
import org.legwatch.host.report.ReportText;
import org.legwatch.host.store.NightRow;

/**
 * The report's sections, each an HTML fragment ({@code <section>}) drawn from a
 * {@link PatientReport} without I/O. {@link ReportPage} puts them together into the report file;
 * the dashboard shows the same fragments on its pages (with {@link ReportStyle#CSS}). Element ids
 * are stable: {@code summary}, {@code trend}, {@code infusions} (table {@code infusion-table}),
 * {@code iron} ({@code ferritin-table}), {@code therapy} ({@code therapy-table}), {@code quality}
 * ({@code quality-table}), {@code about}, and one {@code night-...} per detailed night.
 */
public final class ReportSections {
    /** Evenings over which the summary's recent level is taken. */
    public static final int RECENT_DAYS = 28;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm z", Locale.ENGLISH);

    private ReportSections() {
    }

    /** The title block and the key figures, with the few sentences a reader needs first. */
    public static String summary(PatientReport report) {
        PatientResponse response = report.response();
        Html h = new Html().open("section", "id", "summary");
        String name = report.patient().name().isEmpty() ? "" : " - " + report.patient().name();
        h.element("h1", "Leg movement report: patient " + report.patient().id() + name);
        h.element("p", "Made " + STAMP.format(report.generated().atZone(report.zone())) + " from " + report.storeLocation()
                + ". Nights " + date(response.firstNight()) + " to " + date(response.lastNight()) + ": "
                + response.nights() + " recorded, " + response.validNights() + " valid.", "class", "muted");

        h.open("div", "class", "keyfigures");
        PatientReport.RecentLevel recent = report.recentLevel(RECENT_DAYS);
        h.open("p").open("b").text("Recent PLM index: ").close("b");
        if (recent.validNights() == 0) {
            h.text("no valid night in the last " + RECENT_DAYS + " evenings.");
        } else {
            h.text("median " + ReportText.decimal(recent.median()) + " per hour in bed - "
                    + ReportText.severity(recent.median()) + " - over " + recent.validNights() + " valid night(s) of the "
                    + RECENT_DAYS + " evenings " + date(recent.from()) + " to " + date(recent.to()) + ".");
        }
        h.close("p");
        for (InfusionResponse infusion : response.infusions()) {
            OutcomeComparison plmi = infusion.plmi();
            h.open("p").open("b").text(ReportText.courseLabel(infusion) + " on " + date(infusion.course().date()) + ": ")
                    .close("b");
            if (plmi.comparable()) {
                h.text("PLMI " + ReportText.decimal(plmi.baselineMedian()) + " -> " + ReportText.decimal(plmi.responseMedian())
                        + " per hour (" + ReportText.percent(plmi.changePercent()) + "; " + plmi.baseline().size()
                        + " baseline and " + plmi.response().size() + " response valid nights): ");
            }
            h.text(ReportText.call(infusion) + ".");
            if (infusion.timing().reviewDate() != null) {
                h.text(" Review re-dosing by " + date(infusion.timing().reviewDate()) + ".");
            }
            h.close("p");
        }
        if (response.infusions().isEmpty()) {
            h.element("p", "No IV iron infusion in the therapy record.");
        }
        IronGuideline.Check check = response.latestGuideline();
        h.open("p").open("b").text("Iron: ").close("b")
                .text(check == null ? "no reliable ferritin result in the record." : check.reason() + ".").close("p");
        h.close("div");

        h.open("p", "class", "note").text("How to read this: the PLM index (PLMI) is the number of periodic leg "
                + "movements per hour in bed, measured at home by an accelerometer on one or both ankles. It is not "
                + "polysomnography: there is no EEG, so sleep and wake are not told apart and arousals are not scored, "
                + "and no breathing channel, so movements caused by apnoeas are counted as well. Only valid nights "
                + "(enough time in bed, few lost samples) enter any figure; each figure says how many stand behind it. "
                + "The last page explains the measures.").close("p");
        return h.close("section").toString();
    }

    /** The nightly PLM index over the whole record. */
    public static String trend(PatientReport report) {
        Html h = new Html().open("section", "id", "trend");
        h.element("h2", "Nightly PLM index");
        h.open("div", "class", "figure").raw(ReportCharts.nightlyPlmiSvg(report));
        long invalid = report.nights().size() - report.validNights();
        h.element("p", "Each dot is a valid night; grey crosses are the " + invalid + " invalid night(s), shown but not "
                + "counted (on the axis when no PLM index could be computed). The orange line is the median of the valid "
                + "nights within a week centred on each evening, drawn where at least 4 of those 7 evenings have a valid "
                + "night. Red lines: IV iron; shaded spans: oral iron; dashed lines: RLS medication changes; diamonds: "
                + "ferritin on the right axis (hollow when drawn within 4 weeks after IV iron, when it reads falsely high).",
                "class", "caption");
        h.close("div");
        return h.close("section").toString();
    }

    /** The response to each IV iron course: the rule, a table of all courses, and a chart and details per course. */
    public static String infusions(PatientReport report) {
        Html h = new Html().open("section", "id", "infusions", "class", "page");
        h.element("h2", "Response to IV iron");
        List<InfusionResponse> courses = report.response().infusions();
        if (courses.isEmpty()) {
            h.element("p", "The therapy record holds no IV iron infusion.");
            return h.close("section").toString();
        }
        h.element("p", "Rule: " + report.settings().ruleText() + ".", "class", "rule");
        h.open("table", "id", "infusion-table");
        h.open("thead").row(true, "Course", "Date", "Baseline median /h (valid nights)", "Response median /h (valid nights)",
                "Change of median", "Shift /h [" + confidence(report) + " CI]", "p", "Call").close("thead");
        h.open("tbody");
        for (InfusionResponse infusion : courses) {
            OutcomeComparison plmi = infusion.plmi();
            h.row(false, ReportText.courseLabel(infusion), infusion.course().date().toString(),
                    ReportText.decimal(plmi.baselineMedian()) + " (" + plmi.baseline().size() + ")",
                    ReportText.decimal(plmi.responseMedian()) + " (" + plmi.response().size() + ")",
                    ReportText.percent(plmi.changePercent()),
                    plmi.shift() == null ? ReportText.NONE
                            : ReportText.signed(plmi.shift().shift()) + " " + ReportText.interval(plmi.shift().ciLow(), plmi.shift().ciHigh()),
                    plmi.shift() == null ? ReportText.NONE : ReportText.pValue(plmi.shift().pValue()),
                    ReportText.call(infusion));
        }
        h.close("tbody").close("table");
        h.element("p", "Shift: the Hodges-Lehmann estimate of the change (response minus baseline), with an interval "
                + "and p-value widened for the correlation between neighbouring nights. A negative shift whose interval "
                + "lies wholly below 0 is a significant fall.", "class", "caption");
        for (InfusionResponse infusion : courses) {
            h.raw(course(report, infusion));
        }
        return h.close("section").toString();
    }

    /** One course: its chart and what the analysis found, in a block kept on one page. */
    public static String course(PatientReport report, InfusionResponse infusion) {
        Html h = new Html().open("div", "class", "course", "id", "course-" + infusion.course().number());
        h.element("h3", ReportText.courseLabel(infusion) + " on " + date(infusion.course().date()));
        h.open("div", "class", "figure").raw(ReportCharts.infusionSvg(report, infusion)).close("div");
        h.open("table", "class", "facts").open("tbody");
        OutcomeComparison plmi = infusion.plmi();
        fact(h, "Baseline window", date(infusion.baselineFrom()) + " to " + date(infusion.baselineTo()) + ": "
                + plmi.baseline().size() + " valid nights, median " + ReportText.decimal(plmi.baselineMedian()) + " /h");
        fact(h, "Response window", infusion.responseTo() == null ? "none: the next course began first"
                : date(infusion.responseFrom()) + " to " + date(infusion.responseTo()) + ": " + plmi.response().size()
                + " valid nights, median " + ReportText.decimal(plmi.responseMedian()) + " /h");
        if (plmi.meanChange() != null) {
            fact(h, "Change of the mean", ReportText.signed(plmi.meanChange().difference()) + " /h "
                    + ReportText.interval(plmi.meanChange().ciLow(), plmi.meanChange().ciHigh()));
        }
        InterruptedTimeSeries.Result its = plmi.timeSeries();
        if (its != null) {
            fact(h, "Step at the infusion (time series)", ReportText.signed(its.levelChange()) + " /h "
                    + ReportText.interval(its.levelCiLow(), its.levelCiHigh()) + ", p " + ReportText.pValue(its.levelP())
                    + "; trend change " + ReportText.signed(its.slopeChangePerWeek()) + " /h per week ("
                    + its.nights() + " nights)");
        }
        OutcomeComparison pi = infusion.periodicity();
        fact(h, "Periodicity index", ReportText.fraction(pi.baselineMedian()) + " -> " + ReportText.fraction(pi.responseMedian())
                + " (median; " + pi.baseline().size() + " and " + pi.response().size() + " nights)");
        ResponseTiming timing = infusion.timing();
        if (timing.onsetDay() != null) {
            fact(h, "Onset", "day " + timing.onsetDay() + " (" + date(timing.onsetDate()) + ")");
            fact(h, "Loss of response", timing.lossDay() == null
                    ? "not seen; response lasted at least " + timing.durationDays() + " days"
                    : "day " + timing.lossDay() + " (" + date(timing.lossDate()) + "), after " + timing.durationDays() + " days");
        }
        fact(h, "Review", (timing.reviewDate() == null ? "" : date(timing.reviewDate()) + ": ") + timing.reviewBasis());
        FerritinReading before = infusion.ferritinBefore();
        fact(h, "Ferritin before", before == null ? "none recorded" : ReportText.decimal(before.ferritin()) + " ug/L on "
                + date(before.date()));
        if (infusion.ferritinDecay() != null) {
            fact(h, "Ferritin after", String.format(Locale.ROOT, "changing %+.1f ug/L per week over %d readings%s",
                    infusion.ferritinDecay().ratePerWeek(), infusion.ferritinDecay().readings(),
                    infusion.ferritinDecay().projectedBelowTarget() == null ? ""
                            : ", projected below " + Math.round(infusion.ferritinDecay().target()) + " ug/L by "
                            + date(infusion.ferritinDecay().projectedBelowTarget())));
        }
        if (!infusion.confounders().isEmpty()) {
            StringBuilder text = new StringBuilder();
            for (Confounder c : infusion.confounders()) {
                text.append(text.isEmpty() ? "" : "; ").append(c.kind().replace('_', ' ')).append(' ').append(c.detail())
                        .append(" (").append(c.from() == null ? "before the record" : c.from().toString())
                        .append(c.to() != null && !c.to().equals(c.from()) ? " to " + c.to() : "")
                        .append(", in ").append(String.join(", ", c.windows()).replace('_', ' ')).append(')');
            }
            fact(h, "Also changed", text.toString());
        }
        if (!infusion.notes().isEmpty()) {
            fact(h, "Notes", String.join("; ", infusion.notes()));
        }
        h.close("tbody").close("table");
        return h.close("div").toString();
    }

    /** Ferritin and TSAT against the AASM 2024 iron guideline for adults. */
    public static String iron(PatientReport report) {
        Html h = new Html().open("section", "id", "iron");
        h.element("h2", "Iron status and the AASM 2024 guideline");
        IronGuideline.Check latest = report.response().latestGuideline();
        h.element("p", latest == null ? "No reliable ferritin result: the guideline check needs one drawn more than 4 weeks "
                + "after any IV iron." : "Latest reliable result: " + latest.reason() + ".");
        h.element("p", "AASM 2024 (adults with RLS): ferritin up to 75 ug/L or TSAT below 20 % - oral or IV iron; ferritin "
                + "75-100 ug/L - IV iron; above 100 ug/L - iron generally not indicated. Ferritin drawn within 4 weeks "
                + "after IV iron reads falsely high and is not used for the check. Children's thresholds are not applied.",
                "class", "caption");
        List<FerritinReading> readings = report.response().ferritin();
        if (readings.isEmpty()) {
            h.element("p", "No ferritin result in the record.");
            return h.close("section").toString();
        }
        h.open("table", "id", "ferritin-table", "class", "dated");
        h.open("thead").row(true, "Date", "Ferritin ug/L", "TSAT %", "Days since IV iron", "Guideline check").close("thead");
        h.open("tbody");
        for (FerritinReading r : readings) {
            h.row(false, r.date().toString(), ReportText.decimal(r.ferritin()), ReportText.decimal(r.tsat()),
                    r.daysSinceIv() < 0 ? "no IV iron before" : Integer.toString(r.daysSinceIv()), (r.unreliable() ? "unreliable (within 4 weeks after IV iron); " : "")
                            + r.guideline().recommendation().text());
        }
        h.close("tbody").close("table");
        return h.close("section").toString();
    }

    /** Oral iron courses and RLS medication changes from the therapy record. */
    public static String therapy(PatientReport report) {
        Html h = new Html().open("section", "id", "therapy");
        h.element("h2", "Oral iron and RLS medication");
        List<TherapyEvent> events = report.timeline().events().stream()
                .filter(e -> e.kind() == TherapyKind.MEDICATION || e.kind() == TherapyKind.ORAL_IRON_START
                        || e.kind() == TherapyKind.ORAL_IRON_STOP).toList();
        if (events.isEmpty()) {
            h.element("p", "No oral iron or RLS medication change in the record.");
            return h.close("section").toString();
        }
        h.open("table", "id", "therapy-table", "class", "dated");
        h.open("thead").row(true, "Date", "What", "Drug or product", "Dose").close("thead");
        h.open("tbody");
        for (TherapyEvent e : events) {
            String what = switch (e.kind()) {
                case MEDICATION -> "medication change";
                case ORAL_IRON_START -> "oral iron start";
                default -> "oral iron stop";
            };
            String dose = Double.isFinite(e.value()) ? ReportText.decimal(e.value()) + " " + e.unit() : e.unit();
            h.row(false, e.date().toString(), what, e.detail(), dose.strip());
        }
        h.close("tbody").close("table");
        return h.close("section").toString();
    }

    /** The nights with a quality flag: invalid ones with the reasons, lost samples, unsynchronised clocks. */
    public static String quality(PatientReport report) {
        Html h = new Html().open("section", "id", "quality", "class", "page");
        h.element("h2", "Nights with quality flags");
        List<NightRow> flagged = report.flaggedNights();
        long invalid = report.nights().size() - report.validNights();
        h.element("p", flagged.size() + " of " + report.nights().size() + " nights carry a flag; " + invalid
                + " are invalid and left out of every figure. Valid nights with a flag are counted.");
        if (flagged.isEmpty()) {
            return h.close("section").toString();
        }
        h.open("table", "id", "quality-table", "class", "dated");
        h.open("thead").row(true, "Evening", "Device", "Time in bed h", "PLMI /h", "Counted", "Flags").close("thead");
        h.open("tbody");
        for (NightRow row : flagged) {
            h.open("tr", "class", row.valid() ? "" : "invalid");
            h.element("td", row.eveningDate().toString());
            h.element("td", row.deviceId());
            h.element("td", ReportText.decimal(row.timeInBedH()), "class", "num");
            h.element("td", ReportText.decimal(row.plmi()), "class", "num");
            h.element("td", row.valid() ? "yes" : "no (invalid)");
            h.element("td", String.join("; ", report.flagReasons().get(PatientReport.nightKey(row))));
            h.close("tr");
        }
        h.close("tbody").close("table");
        return h.close("section").toString();
    }

    /** One night in detail: timeline, IMI histogram, hourly spread, periodicity and durations. */
    public static String night(PatientReport report, NightDetail night) {
        NightSummary summary = night.summary();
        NightStatistics s = night.statistics();
        Html h = new Html().open("section", "id", night.chartId(), "class", "page");
        ZonedDateTime start = night.start().atZone(report.zone());
        h.element("h2", "Night of " + date(night.night().eveningDate()) + " (device " + night.night().deviceId() + ")");
        h.open("p").text("Recording from " + CLOCK.format(start) + " (" + report.zone().getId() + ")"
                + (night.clockSynced() ? "" : ", device clock not synchronised: times approximate") + "; "
                + ReportText.decimal(summary.hoursInBed()) + " h in bed; ");
        if (summary.valid()) {
            h.text("valid night.");
        } else {
            h.open("span", "class", "invalid").text("invalid night, not counted: " + String.join("; ", night.invalidReasons())
                    + ".").close("span");
        }
        h.close("p");
        h.open("div", "class", "keyfigures").open("p");
        h.open("b").text("PLMI " + ReportText.decimal(s.plmIndex()) + " per hour in bed").close("b")
                .text(" (" + s.plm().total() + " PLMs in " + s.seriesCount() + " series); all leg movements "
                        + ReportText.decimal(s.lmIndex()) + " per hour (" + s.lm().total() + "); periodicity index "
                        + ReportText.fraction(s.periodicityIndex()) + " (" + s.imiCount() + " intervals). Scored by "
                        + rulesName(night.rules()) + ".");
        h.close("p").close("div");
        h.element("h3", "Through the night");
        h.open("div", "class", "figure").raw(ReportCharts.timelineSvg(night, report));
        h.element("p", "Top: time in bed. Each tick is a leg movement at its onset, on the leg it was seen on (a movement "
                + "of both legs on both); red: part of a PLM series, grey: other movements. Bottom: each PLM series from "
                + "its first to its last movement.", "class", "caption");
        h.close("div");
        h.open("div", "class", "figure").open("table", "class", "pair").open("tbody").open("tr");
        h.open("td").element("h3", "Intervals between movements").raw(ReportCharts.imiSvg(night)).close("td");
        h.open("td").element("h3", "Movements by hour").raw(ReportCharts.hourlySvg(night, report)).close("td");
        h.close("tr").close("tbody").close("table");
        h.element("p", "Left: intervals from one candidate movement's onset to the next in 2 s bins; periodic movements "
                + "form a peak inside the shaded PLM range, short intervals below it come from clusters of wake "
                + "movements. The periodicity index is the share of intervals that stand in runs of at least 3 intervals "
                + "of 10-90 s (near 1: strongly periodic). Right: movements and PLMs starting in each hour of the "
                + "recording.", "class", "caption");
        h.close("div");
        h.open("table", "class", "facts", "id", night.chartId() + "-statistics").open("tbody");
        fact(h, "Movement duration", ReportText.decimal(s.durationMeanS()) + " s mean (SD " + ReportText.decimal(s.durationSdS())
                + "), median " + ReportText.decimal(s.durationMedianS()) + " s, range " + ReportText.decimal(s.durationMinS())
                + "-" + ReportText.decimal(s.durationMaxS()) + " s");
        fact(h, "PLM series", s.seriesCount() == 0 ? "none" : s.seriesCount() + " series of " + s.seriesLengthMin() + "-"
                + s.seriesLengthMax() + " PLMs (mean " + ReportText.decimal(s.seriesLengthMean()) + ")");
        fact(h, "By leg (right / left / both)", "leg movements " + legs(s.lm()) + "; PLMs " + legs(s.plm()));
        fact(h, "Candidate leg movements", s.clm().total() + " (" + ReportText.decimal(s.clmIndex()) + " per hour)");
        fact(h, "Respiratory events", s.respiratoryScored() ? s.respiratoryClmCount() + " respiratory-related movements taken out"
                : "not given: movements caused by breathing events cannot be taken out");
        SignalQuality q = summary.signal();
        if (q.measured()) {
            fact(h, "Signal", String.format(Locale.ROOT, "%d leg(s), %.1f h recorded, %.2f %% of samples lost in %d gap(s), "
                            + "%d clipped samples, band not worn %.1f h", q.legs(), q.recordedHours(), 100 * q.lostFraction(),
                    q.gaps(), q.clippedSamples(), q.notWornHours()));
        }
        fact(h, "In bed", spans(night, report));
        h.close("tbody").close("table");
        return h.close("section").toString();
    }

    /** What the measures mean and what an ankle accelerometer cannot see. */
    public static String about(PatientReport report) {
        Html h = new Html().open("section", "id", "about", "class", "page");
        h.element("h2", "About these measurements");
        h.open("ul");
        h.element("li", "PLM index (PLMI): periodic leg movements per hour in bed. A periodic leg movement (PLM) is a "
                + "movement of 0.5-10 s (up to 15 s on both legs) that stands in a series of at least 4, each starting "
                + "10-90 s after the one before (WASM 2016; 5-90 s under the AASM rules). Per hour in bed, not per hour "
                + "of sleep: without EEG the time asleep is unknown, so the PLMI is not the PLMS index of a sleep study and "
                + "the two are not interchangeable. Commonly used bands of the PLMS index in adults: below 15/h usual, "
                + "15-30/h mild, 30-50/h moderate, 50/h or more severe.");
        h.element("li", "The sensor: a 3-axis accelerometer on one ankle or on both, worn at home (with one band the other leg's "
                + "movements go unseen, so the PLMI can read lower than with two). It sees the shank's movement and "
                + "posture, not the tibialis anterior EMG of polysomnography. It records no EEG (no sleep stages, no "
                + "arousals: movements during wake count as well) and no breathing channel unless respiratory events are "
                + "supplied, so movements caused by apnoeas are counted as PLMs. legwatch's detector has been checked "
                + "against simulated nights with known movements (docs/validation.md), not yet against polysomnography: "
                + "use it to follow a patient over time, not to diagnose.");
        h.element("li", "Time in bed: from lying down to getting up, minus time out of bed and time the band was not worn, "
                + "worked out from the posture of the legs.");
        h.element("li", String.format(Locale.ROOT, "Valid night: at least %.1f h in bed and few lost samples. Invalid "
                + "nights are shown (grey crosses, the quality table) but are left out of every median, test and chart "
                + "line. Every figure states how many valid nights stand behind it: one night says little, a month of "
                + "nights says much, because the PLMI varies a lot from night to night.", minHours(report)));
        h.element("li", "Response to iron: the PLMI of a baseline window before an infusion (" + report.settings().baselineDays()
                + " days) is compared with a response window after it (days " + report.settings().responseStartDay() + "-"
                + report.settings().responseEndDay() + "). The rule used here - " + report.settings().ruleText() + ". Changes are "
                + "Hodges-Lehmann shifts with " + confidence(report) + " confidence intervals allowing for the correlation "
                + "of neighbouring nights; the method is described in docs/analysis.md.");
        h.element("li", "Periodicity index: the share of intervals between movements that stand in runs of at least 3 "
                + "intervals of 10-90 s (Ferri 2006); high in periodic limb movements, low for random movements.");
        h.close("ul");
        h.element("p", "legwatch is research software; the figures support, and do not replace, clinical judgement.",
                "class", "muted");
        return h.close("section").toString();
    }

    private static double minHours(PatientReport report) {
        for (NightDetail night : report.details()) {
            return night.summary().minValidHoursInBed();
        }
        return NightSummary.DEFAULT_MIN_VALID_HOURS;
    }

    private static void fact(Html h, String name, String value) {
        h.open("tr").element("th", name).element("td", value).close("tr");
    }

    private static String legs(NightStatistics.LegCounts counts) {
        return counts.right() + " / " + counts.left() + " / " + counts.bilateral();
    }

    private static String spans(NightDetail night, PatientReport report) {
        StringBuilder text = new StringBuilder();
        for (var span : night.summary().inBed()) {
            ZonedDateTime from = night.start().plusNanos(span.startUs() * 1000).atZone(report.zone());
            ZonedDateTime to = night.start().plusNanos(span.endUs() * 1000).atZone(report.zone());
            text.append(text.isEmpty() ? "" : ", ").append(CLOCK.format(from)).append('-').append(CLOCK.format(to));
        }
        return text.isEmpty() ? "no time in bed" : text.toString();
    }

    private static String rulesName(ScoringRules rules) {
        return rules.equals(ScoringRules.AASM) ? "the AASM rules" : "the WASM 2016 rules";
    }

    private static String confidence(PatientReport report) {
        return Math.round(report.settings().confidence() * 100) + " %";
    }

    private static String date(LocalDate date) {
        return date == null ? ReportText.NONE : DATE.format(date);
    }
}
