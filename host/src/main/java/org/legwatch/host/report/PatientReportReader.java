package org.legwatch.host.report;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.legwatch.analysis.response.PatientResponse;
import org.legwatch.analysis.response.PatientTimeline;
import org.legwatch.analysis.response.ResponseAnalysis;
import org.legwatch.analysis.response.ResponseSettings;
import org.legwatch.host.response.StorePatientTimelines;
import org.legwatch.host.store.NightRow;
import org.legwatch.host.store.Patient;
import org.legwatch.host.store.Store;
import org.legwatch.host.store.StoreException;
import org.legwatch.host.store.StoredNight;

/**
 * Builds a {@link PatientReport} from the store: the patient, their nights and therapy record,
 * the response analysis (as {@code legwatch analyze --store} runs it), the reasons behind each
 * flagged night and the nights chosen for detail with their movements.
 */
public final class PatientReportReader {
    /** Lost samples above this share flag a night even when it is still valid. */
    public static final double LOST_FLAG_FRACTION = 0.01;

    /**
     * What to put in the report.
     *
     * @param detailEvenings evenings whose nights are shown in detail; empty: the most recent valid
     *                       night (the most recent night when none is valid)
     * @param zone           the zone clock times are shown in
     * @param generated      the time printed as the report's date
     */
    public record Request(String patientId, ResponseSettings settings, List<LocalDate> detailEvenings, ZoneId zone,
                          Instant generated) {
        public Request {
            Objects.requireNonNull(patientId, "patientId");
            Objects.requireNonNull(settings, "settings");
            detailEvenings = List.copyOf(detailEvenings);
            Objects.requireNonNull(zone, "zone");
            Objects.requireNonNull(generated, "generated");
        }
    }

    private PatientReportReader() {
    }

    /**
     * Reads and analyses one patient.
     *
     * @throws StoreException           when the patient is not in the store, or the store fails
     * @throws IllegalArgumentException when a requested evening has no night of this patient
     */
    public static PatientReport read(Store store, Request request) throws IOException {
        String id = request.patientId();
        Patient patient = store.patient(id).orElseThrow(() -> new StoreException("patient " + id + " is not in the store "
                + store.location() + " (legwatch patient list shows who is)"));
        List<NightRow> nights = store.nights(id);
        PatientTimeline timeline = new StorePatientTimelines(store).timeline(id);
        PatientResponse response = ResponseAnalysis.analyze(timeline, request.settings());

        Map<String, List<String>> flags = new LinkedHashMap<>();
        for (NightRow row : nights) {
            List<String> reasons = flagsOf(store, row);
            if (!reasons.isEmpty()) {
                flags.put(PatientReport.nightKey(row), reasons);
            }
        }
        List<NightDetail> details = new ArrayList<>();
        for (NightRow row : detailNights(nights, request.detailEvenings(), id)) {
            StoredNight night = store.night(row.deviceId(), row.deviceNightId()).orElseThrow(() -> new StoreException(
                    "night " + row.deviceNightId() + " of device " + row.deviceId() + " is listed but cannot be read from "
                            + store.location()));
            details.add(new NightDetail(night));
        }
        return new PatientReport(patient, store.location(), request.generated(), request.zone(), request.settings(),
                response, nights, timeline, flags, details);
    }

    private static List<String> flagsOf(Store store, NightRow row) throws StoreException {
        List<String> reasons = new ArrayList<>();
        if (!row.valid()) {
            StoredNight night = store.night(row.deviceId(), row.deviceNightId()).orElseThrow(() -> new StoreException(
                    "night " + row.deviceNightId() + " of device " + row.deviceId() + " is listed but cannot be read"));
            List<String> why = night.summary().invalidReasons();
            reasons.add(why.isEmpty() ? "not valid" : "not valid: " + String.join("; ", why));
        } else if (row.lostFraction() > LOST_FLAG_FRACTION) {
            reasons.add(String.format(Locale.ROOT, "%.1f %% of the samples lost (still valid)", 100 * row.lostFraction()));
        }
        if (!row.wallClockSynced()) {
            reasons.add("device clock not synchronised: clock times and the evening date may be off");
        }
        return reasons;
    }

    /** The nights to show in detail: those of the requested evenings, else the most recent valid one. */
    static List<NightRow> detailNights(List<NightRow> nights, List<LocalDate> evenings, String patientId) {
        if (evenings.isEmpty()) {
            for (int i = nights.size() - 1; i >= 0; i--) {
                if (nights.get(i).valid()) {
                    return List.of(nights.get(i));
                }
            }
            return nights.isEmpty() ? List.of() : List.of(nights.getLast());
        }
        List<NightRow> chosen = new ArrayList<>();
        for (LocalDate evening : evenings.stream().distinct().sorted().toList()) {
            List<NightRow> that = nights.stream().filter(n -> n.eveningDate().equals(evening)).toList();
            if (that.isEmpty()) {
                throw new IllegalArgumentException("patient " + patientId + " has no night on the evening of " + evening
                        + (nights.isEmpty() ? " (no nights at all)"
                        : " (nights from " + nights.getFirst().eveningDate() + " to " + nights.getLast().eveningDate() + ")"));
            }
            chosen.addAll(that);
        }
        return chosen;
    }
}
