package org.legwatch.host.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.legwatch.analysis.night.NightSummary;
import org.legwatch.analysis.night.SignalQuality;
import org.legwatch.analysis.scoring.NightStatistics;
import org.legwatch.host.store.Ids;
import org.legwatch.host.store.NightRow;
import org.legwatch.host.store.Patient;
import org.legwatch.host.store.Store;
import org.legwatch.host.store.StoredNight;

/**
 * {@code /patients/{patient}/nights/{device}/{night}}: one night's movements across the night,
 * their intervals and hours, and its statistics and quality.
 */
final class NightPage {
    private static final DateTimeFormatter START = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private final Store store;
    private final ZoneId zone;

    NightPage(Store store, ZoneId zone) {
        this.store = store;
        this.zone = zone;
    }

    Response render(Request request) throws Exception {
        request.allowOnly();
        Patient patient = PatientRecord.find(store, request.path("patient"));
        String deviceId = request.path("device");
        String nightId = request.path("night");
        try {
            Ids.requireCode("device id", deviceId);
            Ids.requireNightId(nightId);
        } catch (IllegalArgumentException e) {
            throw HttpProblem.badRequest(e.getMessage());
        }
        StoredNight night = store.night(deviceId, nightId).filter(n -> n.patientId().equals(patient.id()))
                .orElseThrow(() -> HttpProblem.notFound("patient '" + patient.id() + "' has no night '" + nightId
                        + "' from device '" + deviceId + "'"));
        String title = "Night of " + night.eveningDate();
        StringBuilder main = new StringBuilder();
        main.append("<h1>").append(Html.escape(title)).append(" <span class=\"name\">patient ")
                .append(Html.escape(patient.id())).append("</span></h1>\n");
        main.append(neighbours(patient.id(), night));
        main.append(overview(night));
        main.append(movements(night.summary().statistics()));
        main.append(quality(night.summary()));
        return Response.html(Layout.page(title, List.of(new Layout.Crumb("Patient " + patient.id(),
                Links.patient(patient.id()))), main.toString(), request.authenticated()));
    }

    /** Links to the night before and after, so a clinician can page through the nights. */
    private String neighbours(String patientId, StoredNight night) throws Exception {
        List<NightRow> nights = store.nights(patientId);
        int at = -1;
        for (int i = 0; i < nights.size(); i++) {
            if (nights.get(i).deviceId().equals(night.deviceId()) && nights.get(i).deviceNightId().equals(night.deviceNightId())) {
                at = i;
            }
        }
        StringBuilder html = new StringBuilder("<nav class=\"pager\" aria-label=\"nights\">");
        if (at > 0) {
            NightRow before = nights.get(at - 1);
            html.append(Table.link(Links.night(patientId, before.deviceId(), before.deviceNightId()),
                    "‹ " + before.eveningDate()).html());
        }
        html.append(Table.link(Links.patient(patientId), "all nights").html());
        if (at >= 0 && at < nights.size() - 1) {
            NightRow after = nights.get(at + 1);
            html.append(Table.link(Links.night(patientId, after.deviceId(), after.deviceNightId()),
                    after.eveningDate() + " ›").html());
        }
        return html.append("</nav>\n").toString();
    }

    private String overview(StoredNight night) {
        NightSummary summary = night.summary();
        NightStatistics s = summary.statistics();
        FigureList figures = new FigureList()
                .add("PLM index", s.plmIndex(), 1, "/h in bed")
                .add("PLMs", s.plm().total() + " (right " + s.plm().right() + ", left " + s.plm().left() + ", both "
                        + s.plm().bilateral() + ")")
                .add("Time in bed", s.hoursInBed(), 2, "h")
                .add("Leg movement index", s.lmIndex(), 1, "/h")
                .add("Periodicity index", s.periodicityIndex(), 2, "")
                .add("PLM series", s.seriesCount() == 0 ? "none" : s.seriesCount() + " (" + s.seriesLengthMin() + " to "
                        + s.seriesLengthMax() + " PLMs, mean " + String.format(Locale.ROOT, "%.1f", s.seriesLengthMean()) + ")")
                .add("Rules", s.rules());
        if (summary.valid()) {
            figures.add("Night", "valid");
        } else {
            figures.warn("Night", "invalid: " + String.join("; ", summary.invalidReasons()));
        }
        String start = START.format(Instant.ofEpochMilli(night.clock().wallClockStartMs()).atZone(zone)) + " "
                + zone.getId() + (night.clock().wallClockSynced() ? "" : " (device clock not synchronised)");
        figures.add("Recording began", start).add("Device", night.deviceId() + ", night " + night.deviceNightId());
        return "<section class=\"overview\">\n<h2>Movements across the night</h2>\n"
                + "<p class=\"lead\">Time in bed is the denominator of every index: the ankle sensor cannot tell sleep from "
                + "quiet wakefulness.</p>\n<div class=\"panel\">" + figures.html() + "</div>\n</section>\n";
    }

    private static String movements(NightStatistics s) {
        FigureList intervals = new FigureList()
                .add("Intervals (IMI)", s.imiCount() + " between candidate movements")
                .add("of 90 s or more", Integer.toString(s.imiAbove90Count()))
                .add("log IMI mean", s.logImiMean(), 2, "(ln s)")
                .add("log IMI SD", s.logImiSd(), 2, "");
        FigureList durations = new FigureList()
                .add("Movements", s.lm().total() + " (right " + s.lm().right() + ", left " + s.lm().left() + ", both "
                        + s.lm().bilateral() + ")")
                .add("Candidate movements", Integer.toString(s.clm().total()))
                .add("Duration median", s.durationMedianS(), 1, "s")
                .add("Duration mean", s.durationMeanS(), 2, "s")
                .add("Duration SD", s.durationSdS(), 2, "s")
                .add("Shortest", s.durationMinS(), 1, "s")
                .add("Longest", s.durationMaxS(), 1, "s");
        return "<section class=\"intervals\">\n<h2>Intervals between movements</h2>\n"
                + "<p class=\"lead\">PLMs repeat every 10 to 90 s; a peak at 20-40 s is typical of RLS.</p>\n"
                + "<div class=\"panel\">" + intervals.html() + "</div>\n</section>\n"
                + "<section class=\"hours\">\n<h2>Hour by hour and durations</h2>\n"
                + "<div class=\"panel\">" + durations.html() + "</div>\n</section>\n";
    }

    private static String quality(NightSummary summary) {
        SignalQuality q = summary.signal();
        if (!q.measured()) {
            return "<section class=\"quality\">\n<h2>Signal quality</h2>\n<p>Scored from a movement list: no sensor "
                    + "figures.</p>\n</section>\n";
        }
        FigureList figures = new FigureList()
                .add("Legs recorded", Integer.toString(q.legs()))
                .add("Recorded", q.recordedHours(), 2, "h")
                .add("Samples", Long.toString(q.samples()))
                .add("Lost samples", String.format(Locale.ROOT, "%d (%.2f %%) in %d gaps", q.lostSamples(),
                        100 * q.lostFraction(), q.gaps()))
                .add("Clipped samples", Long.toString(q.clippedSamples()))
                .add("Band not worn", q.notWornHours(), 2, "h")
                .add("Minimum time in bed", summary.minValidHoursInBed(), 1, "h");
        return "<section class=\"quality\">\n<h2>Signal quality</h2>\n<div class=\"panel\">" + figures.html()
                + "</div>\n</section>\n";
    }
}
