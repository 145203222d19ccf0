package org.legwatch.host.web;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.legwatch.analysis.response.ResponseSettings;
import org.legwatch.host.report.PatientReport;
import org.legwatch.host.report.PatientReportReader;
import org.legwatch.host.store.Ids;
import org.legwatch.host.store.Patient;
import org.legwatch.host.store.Store;
import org.legwatch.host.store.StoreException;

/**
 * Finds what an address names: a patient (400 for an id no patient can have, 404 for one not in the
 * store) and their report, read as {@code legwatch report} reads it.
 */
final class PatientLookup {
    private final Store store;
    private final ResponseSettings settings;
    private final ZoneId zone;

    PatientLookup(Store store, ResponseSettings settings, ZoneId zone) {
        this.store = store;
        this.settings = settings;
        this.zone = zone;
    }

    Store store() {
        return store;
    }

    Patient patient(String patientId) throws StoreException, HttpProblem {
        requireValid("patient id", patientId);
        return store.patient(patientId).orElseThrow(() -> HttpProblem.notFound("no patient '" + patientId + "' in the store"));
    }

    /** The patient's report, with the nights of {@code detailEvenings} (or the latest valid one) in detail. */
    PatientReport report(Patient patient, List<LocalDate> detailEvenings) throws IOException {
        return PatientReportReader.read(store, new PatientReportReader.Request(patient.id(), settings, detailEvenings, zone,
                Instant.now()));
    }

    /** 400 when {@code value} fails the store's own check for ids of its kind. */
    static void requireValid(String what, String value) throws HttpProblem {
        try {
            if (what.equals("night id")) {
                Ids.requireNightId(value);
            } else {
                Ids.requireCode(what, value);
            }
        } catch (IllegalArgumentException e) {
            throw HttpProblem.badRequest(e.getMessage());
        }
    }
}
