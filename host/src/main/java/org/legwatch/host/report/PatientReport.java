package org.legwatch.host.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.legwatch.analysis.response.PatientResponse;
import org.legwatch.analysis.response.Quantiles;
import org.legwatch.analysis.response.PatientTimeline;
import org.legwatch.analysis.response.ResponseSettings;
import org.legwatch.host.store.NightRow;
import org.legwatch.host.store.Patient;

/**
 * Everything a patient's report shows, read from the store and analysed once
 * ({@link PatientReportReader#read}); the HTML sections and the charts are drawn from it without
 * further I/O, so the report command and the dashboard show the same thing.
 *
 * @param storeLocation   where the data came from (no secrets)
 * @param generated       when the report was made
 * @param zone            the time zone clock times are shown in
 * @param settings        the response analysis's settings (windows, responder rule, confidence)
 * @param response        the response analysis of the patient's nights and therapy record
 * @param nights          every night of the patient, without movements, by evening
 * @param timeline        the nights and therapy record as the analysis read them
 * @param flagReasons     for each night with a quality flag (invalid, samples lost, clock not synchronised),
 *                        the flags in words, keyed by {@link #nightKey(NightRow)}
 * @param details         the nights shown in detail, by evening
 */
public record PatientReport(Patient patient, String storeLocation, Instant generated, ZoneId zone,
                            ResponseSettings settings, PatientResponse response, List<NightRow> nights,
                            PatientTimeline timeline, Map<String, List<String>> flagReasons,
                            List<NightDetail> details) {
    public PatientReport {
        nights = List.copyOf(nights);
        flagReasons = Map.copyOf(flagReasons);
        details = List.copyOf(details);
    }

    /** The key of a night in {@link #flagReasons}. */
    public static String nightKey(NightRow row) {
        return row.deviceId() + "/" + row.deviceNightId();
    }

    /** The nights with a quality flag, by evening. */
    public List<NightRow> flaggedNights() {
        return nights.stream().filter(n -> flagReasons.containsKey(nightKey(n))).toList();
    }

    public long validNights() {
        return nights.stream().filter(NightRow::valid).count();
    }

    /** The level of the PLM index over the last {@code days} evenings up to the last night. */
    public record RecentLevel(LocalDate from, LocalDate to, double median, int validNights) {
    }

    /** The median PLMI of the valid nights in the last {@code days} evenings; NaN median when none. */
    public RecentLevel recentLevel(int days) {
        if (nights.isEmpty()) {
            return new RecentLevel(null, null, Double.NaN, 0);
        }
        LocalDate to = nights.getLast().eveningDate();
        LocalDate from = to.minusDays(days - 1L);
        double[] values = nights.stream().filter(n -> n.valid() && !n.eveningDate().isBefore(from))
                .mapToDouble(NightRow::plmi).toArray();
        return new RecentLevel(from, to, values.length == 0 ? Double.NaN : Quantiles.median(values), values.length);
    }
}
