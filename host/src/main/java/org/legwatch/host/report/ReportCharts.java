package org.legwatch.host.report;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.legwatch.analysis.response.FerritinReading;
import org.legwatch.analysis.response.InfusionResponse;
import org.legwatch.analysis.response.OralIronCourse;
import org.legwatch.analysis.response.OutcomeComparison;
import org.legwatch.analysis.response.TherapyKind;
import org.legwatch.analysis.response.RankShift;
import org.legwatch.analysis.scoring.Micros;
import org.legwatch.analysis.scoring.NightStatistics;
import org.legwatch.analysis.scoring.ScoringRules;
import org.legwatch.host.report.chart.HourlyMovementChart;
import org.legwatch.host.report.chart.ImiHistogramChart;
import org.legwatch.host.report.chart.InfusionResponseChart;
import org.legwatch.host.report.chart.NightTimelineChart;
import org.legwatch.host.report.chart.NightlyPlmiChart;
import org.legwatch.host.report.chart.RollingMedian;
import org.legwatch.host.store.NightRow;

/**
 * The report's charts drawn from a {@link PatientReport}: each method turns the model into a
 * chart's plain data and the chart into an inline SVG element. Sizes are in CSS pixels and fit an
 * A4 page's column; pages scale them with CSS.
 */
public final class ReportCharts {
    /** Width of a chart across the page: 180 mm, the A4 width less 15 mm margins, at 96 px per inch. */
    public static final int FULL_WIDTH = 680;
    /** Width of one of two charts side by side. */
    public static final int HALF_WIDTH = 335;

    private ReportCharts() {
    }

    /** The nightly PLMI chart's data: every night, the IV courses, oral iron, medication changes and ferritin. */
    public static NightlyPlmiChart.Data nightlyPlmiData(PatientReport report) {
        List<NightlyPlmiChart.Night> nights = new ArrayList<>();
        for (NightRow row : report.nights()) {
            nights.add(new NightlyPlmiChart.Night(row.eveningDate(), row.plmi(), row.valid()));
        }
        List<NightlyPlmiChart.Infusion> infusions = new ArrayList<>();
        for (InfusionResponse infusion : report.response().infusions()) {
            infusions.add(new NightlyPlmiChart.Infusion(infusion.course().date(), ReportText.courseLabel(infusion)));
        }
        List<NightlyPlmiChart.OralIron> oral = new ArrayList<>();
        for (OralIronCourse course : OralIronCourse.from(report.timeline().events())) {
            oral.add(new NightlyPlmiChart.OralIron(course.start(), course.stop(), "oral iron: " + course.product()));
        }
        List<NightlyPlmiChart.MedicationChange> medication = report.timeline().events(TherapyKind.MEDICATION).stream()
                .map(e -> new NightlyPlmiChart.MedicationChange(e.date(), e.detail())).toList();
        List<NightlyPlmiChart.Ferritin> ferritin = new ArrayList<>();
        for (FerritinReading reading : report.response().ferritin()) {
            ferritin.add(new NightlyPlmiChart.Ferritin(reading.date(), reading.ferritin(), reading.unreliable()));
        }
        return new NightlyPlmiChart.Data(nights, infusions, oral, medication, ferritin, RollingMedian.DEFAULT_DAYS);
    }

    public static String nightlyPlmiSvg(PatientReport report) {
        return NightlyPlmiChart.svg(nightlyPlmiData(report), FULL_WIDTH, 300, "plmi-trend");
    }

    /**
     * One course's baseline-versus-response chart: the valid nights from the baseline window's
     * start to the response window's end, by day from the first dose.
     */
    public static InfusionResponseChart.Data infusionData(PatientReport report, InfusionResponse infusion) {
        LocalDate day0 = infusion.course().date();
        // Without a response window (the next course came first) the nights up to the next course are shown.
        LocalDate last = infusion.responseTo() != null ? infusion.responseTo()
                : infusion.nextCourse() != null ? infusion.nextCourse().minusDays(1)
                : day0.plusDays(report.settings().responseEndDay() - 1L);
        List<InfusionResponseChart.DayValue> nights = new ArrayList<>();
        for (NightRow row : report.nights()) {
            if (row.valid() && !row.eveningDate().isBefore(infusion.baselineFrom()) && !row.eveningDate().isAfter(last)) {
                nights.add(new InfusionResponseChart.DayValue((int) ChronoUnit.DAYS.between(day0, row.eveningDate()), row.plmi()));
            }
        }
        OutcomeComparison plmi = infusion.plmi();
        RankShift.Estimate shift = plmi.shift();
        int responseFrom = (int) ChronoUnit.DAYS.between(day0, infusion.responseFrom());
        int responseTo = infusion.responseTo() == null ? responseFrom - 1 : (int) ChronoUnit.DAYS.between(day0, last);
        return new InfusionResponseChart.Data(nights,
                (int) ChronoUnit.DAYS.between(day0, infusion.baselineFrom()),
                (int) ChronoUnit.DAYS.between(day0, infusion.baselineTo()),
                responseFrom, responseTo,
                plmi.baselineMedian(), plmi.responseMedian(),
                shift == null ? Double.NaN : shift.shift(), shift == null ? Double.NaN : shift.ciLow(),
                shift == null ? Double.NaN : shift.ciHigh(), report.settings().confidence(), "PLMI (per hour in bed)");
    }

    public static String infusionSvg(PatientReport report, InfusionResponse infusion) {
        return InfusionResponseChart.svg(infusionData(report, infusion), FULL_WIDTH, 250,
                "course-" + infusion.course().number());
    }

    public static NightTimelineChart.Data timelineData(NightDetail night, PatientReport report) {
        return new NightTimelineChart.Data(night.start(), report.zone(), night.summary().inBed(), night.night().movements());
    }

    public static String timelineSvg(NightDetail night, PatientReport report) {
        return NightTimelineChart.svg(timelineData(night, report), FULL_WIDTH, 230, night.chartId() + "-timeline");
    }

    public static ImiHistogramChart.Data imiData(NightDetail night) {
        NightStatistics s = night.statistics();
        ScoringRules rules = night.rules();
        return new ImiHistogramChart.Data(s.imiHistogram(), NightStatistics.IMI_BIN_S, s.imiAbove90Count(),
                Micros.toSeconds(rules.minImiUs()), Micros.toSeconds(rules.maxImiUs()));
    }

    public static String imiSvg(NightDetail night) {
        return ImiHistogramChart.svg(imiData(night), HALF_WIDTH, 230, night.chartId() + "-imi");
    }

    public static HourlyMovementChart.Data hourlyData(NightDetail night, PatientReport report) {
        NightStatistics s = night.statistics();
        return new HourlyMovementChart.Data(night.start(), report.zone(), s.lmPerHourOfRecording(), s.plmPerHourOfRecording());
    }

    public static String hourlySvg(NightDetail night, PatientReport report) {
        return HourlyMovementChart.svg(hourlyData(night, report), HALF_WIDTH, 230, night.chartId() + "-hourly");
    }
}
