package org.legwatch.host.web;

import java.util.List;
import org.legwatch.host.report.NightDetail;
import org.legwatch.host.report.PatientReport;
import org.legwatch.host.report.html.Html;
import org.legwatch.host.report.html.ReportSections;
import org.legwatch.host.store.NightRow;
import org.legwatch.host.store.Patient;

/**
 * {@code /patients/{patient}/nights/{device}/{night}}: the report's night detail (movements across
 * the night, IMI histogram, movements by hour, statistics and quality) with links to the nights
 * before and after.
 */
final class NightPage {
    private final PatientLookup lookup;

    NightPage(PatientLookup lookup) {
        this.lookup = lookup;
    }

    Response render(Request request) throws Exception {
        request.allowOnly();
        Patient patient = lookup.patient(request.path("patient"));
        String deviceId = request.path("device");
        String nightId = request.path("night");
        PatientLookup.requireValid("device id", deviceId);
        PatientLookup.requireValid("night id", nightId);
        // A night is found only under the patient who wore the device: the address cannot reach another's nights.
        List<NightRow> nights = lookup.store().nights(patient.id());
        int at = -1;
        for (int i = 0; i < nights.size() && at < 0; i++) {
            if (nights.get(i).deviceId().equals(deviceId) && nights.get(i).deviceNightId().equals(nightId)) {
                at = i;
            }
        }
        if (at < 0) {
            throw HttpProblem.notFound("patient '" + patient.id() + "' has no night '" + nightId + "' from device '"
                    + deviceId + "'");
        }
        NightRow row = nights.get(at);
        PatientReport report = lookup.report(patient, List.of(row.eveningDate()));
        NightDetail detail = report.details().stream()
                .filter(d -> d.night().deviceId().equals(deviceId) && d.night().deviceNightId().equals(nightId))
                .findFirst().orElseThrow(() -> new IllegalStateException("the report left out the night it was asked for"));

        Html h = new Html();
        h.open("h1").text("Patient " + patient.id());
        if (!patient.name().isEmpty()) {
            h.text(" - " + patient.name());
        }
        h.close("h1");
        h.open("nav", "class", "pager", "aria-label", "nights");
        if (at > 0) {
            link(h, nights.get(at - 1), "‹ " + nights.get(at - 1).eveningDate());
        }
        h.open("a", "href", Links.patient(patient.id()) + "#nights").text("all nights").close("a");
        if (at < nights.size() - 1) {
            link(h, nights.get(at + 1), nights.get(at + 1).eveningDate() + " ›");
        }
        h.close("nav");
        h.raw(ReportSections.night(report, detail));
        return Response.html(Layout.page("Night of " + row.eveningDate(),
                List.of(new Layout.Crumb("Patient " + patient.id(), Links.patient(patient.id()))), h.toString(),
                request.authenticated()));
    }

    private static void link(Html h, NightRow night, String text) {
        h.open("a", "href", Links.night(night.patientId(), night.deviceId(), night.deviceNightId())).text(text).close("a");
    }
}
