package org.legwatch.host.web;

import java.io.IOException;
import java.util.List;
import org.legwatch.analysis.response.PatientResponse;
import org.legwatch.analysis.response.ResponseAnalysis;
import org.legwatch.analysis.response.ResponseSettings;
import org.legwatch.host.response.StorePatientTimelines;
import org.legwatch.host.store.Ids;
import org.legwatch.host.store.NightRow;
import org.legwatch.host.store.Patient;
import org.legwatch.host.store.Store;
import org.legwatch.host.store.StoreException;
import org.legwatch.host.store.TherapyEvent;

/**
 * Everything the patient page shows of one patient: their nights, therapy record and the response
 * analysis of their infusions, computed as {@code legwatch analyze --store} computes it.
 */
record PatientRecord(Patient patient, List<NightRow> nights, List<TherapyEvent> therapy, PatientResponse response) {

    /**
     * @throws HttpProblem 400 for an id no patient can have, 404 for a patient not in the store
     */
    static PatientRecord load(Store store, String patientId, ResponseSettings settings)
            throws StoreException, IOException, HttpProblem {
        Patient patient = find(store, patientId);
        PatientResponse response = ResponseAnalysis.analyze(new StorePatientTimelines(store).timeline(patientId), settings);
        return new PatientRecord(patient, store.nights(patientId), store.therapy(patientId), response);
    }

    /** The patient with {@code patientId}, or 400/404. */
    static Patient find(Store store, String patientId) throws StoreException, HttpProblem {
        try {
            Ids.requireCode("patient id", patientId);
        } catch (IllegalArgumentException e) {
            throw HttpProblem.badRequest(e.getMessage());
        }
        return store.patient(patientId).orElseThrow(() -> HttpProblem.notFound("no patient '" + patientId + "' in the store"));
    }
}
