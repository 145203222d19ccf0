package org.legwatch.host.web;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.legwatch.host.report.PatientReport;
import org.legwatch.host.report.ReportText;
import org.legwatch.host.report.html.Html;
import org.legwatch.host.report.html.ReportSections;
import org.legwatch.host.store.NightRow;
import org.legwatch.host.store.Patient;

/**
 * {@code /patients/{patient}}: the report's sections (key figures, the nightly PLM index against the
 * therapy, the response to each infusion, iron, therapy, flagged nights) and every night, each
 * linking to its own page.
 */
final class PatientPage {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private final PatientLookup lookup;

    PatientPage(PatientLookup lookup) {
        this.lookup = lookup;
    }

    Response render(Request request) throws Exception {
        request.allowOnly();
        Patient patient = lookup.patient(request.path("patient"));
        PatientReport report = lookup.report(patient, List.of());
        String main = ReportSections.summary(report) + ReportSections.trend(report) + ReportSections.infusions(report)
                + ReportSections.iron(report) + ReportSections.therapy(report) + ReportSections.quality(report)
                + nights(report) + ReportSections.about(report);
        return Response.html(Layout.page("Patient " + patient.id(), List.of(), main, request.authenticated()));
    }

    /** Every night, newest first, each linking to its page: the way into the nights. */
    private static String nights(PatientReport report) {
        Html h = new Html().open("section", "id", "nights", "class", "page");
        h.element("h2", "Nights");
        if (report.nights().isEmpty()) {
            h.element("p", "No nights stored.");
            return h.close("section").toString();
        }
        h.element("p", "Newest first; start times in " + report.zone().getId() + ". Open a night for its movements, "
                + "intervals and hours.", "class", "muted");
        h.open("table", "id", "nights-table");
        h.open("thead").row(true, "Evening", "Start", "Device", "Time in bed h", "PLMI /h", "PLMs", "Leg movements",
                "Periodicity index", "Lost samples %", "Counted").close("thead");
        h.open("tbody");
        for (NightRow night : report.nights().reversed()) {
            h.open("tr", "class", night.valid() ? "" : "invalid");
            h.open("td").open("a", "href", Links.night(night.patientId(), night.deviceId(), night.deviceNightId()))
                    .text(night.eveningDate().toString()).close("a").close("td");
            h.element("td", CLOCK.format(Instant.ofEpochMilli(night.wallClockStartMs()).atZone(report.zone()))
                    + (night.wallClockSynced() ? "" : " (clock not synchronised)"));
            h.element("td", night.deviceId());
            h.element("td", ReportText.decimal(night.timeInBedH()), "class", "num");
            h.element("td", ReportText.decimal(night.plmi()), "class", "num");
            h.element("td", Integer.toString(night.plmCount()), "class", "num");
            h.element("td", Integer.toString(night.lmCount()), "class", "num");
            h.element("td", Double.isFinite(night.periodicityIndex())
                    ? String.format(Locale.ROOT, "%.2f", night.periodicityIndex()) : ReportText.NONE, "class", "num");
            h.element("td", String.format(Locale.ROOT, "%.1f", 100 * night.lostFraction()), "class", "num");
            h.element("td", night.valid() ? "yes" : "no (invalid)");
            h.close("tr");
        }
        return h.close("tbody").close("table").close("section").toString();
    }
}
