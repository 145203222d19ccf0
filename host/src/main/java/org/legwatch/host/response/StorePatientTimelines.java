package org.legwatch.host.response;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.legwatch.analysis.response.PatientNight;
import org.legwatch.analysis.response.PatientTimeline;
import org.legwatch.analysis.response.TherapyEvent;
import org.legwatch.analysis.response.TherapyKind;
import org.legwatch.host.store.NightRow;
import org.legwatch.host.store.Patient;
import org.legwatch.host.store.Store;
import org.legwatch.host.store.StoreException;

/**
 * The response analysis's input read from the host's store ({@code legwatch analyze --store URL}):
 * every stored patient, their nights (one row per night, without movements) and therapy record.
 * A patient with several nights on one evening (a night recorded in two pieces on two devices) keeps
 * them all; the analysis takes each as a night.
 */
public final class StorePatientTimelines implements PatientTimelineSource {
    private final Store store;

    public StorePatientTimelines(Store store) {
        this.store = store;
    }

    @Override
    public List<String> patients() throws IOException {
        try {
            return store.patients().stream().map(Patient::id).sorted().toList();
        } catch (StoreException e) {
            throw new IOException("reading the patients from " + store.location() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public PatientTimeline timeline(String patient) throws IOException {
        try {
            List<PatientNight> nights = new ArrayList<>();
            for (NightRow row : store.nights(patient)) {
                nights.add(new PatientNight(row.eveningDate(), row.plmi(), row.plmCount(), row.timeInBedH(),
                        row.periodicityIndex(), row.valid()));
            }
            List<TherapyEvent> events = new ArrayList<>();
            for (org.legwatch.host.store.TherapyEvent e : store.therapy(patient)) {
                events.add(new TherapyEvent(e.date(), TherapyKind.fromCode(e.kind().code()), e.detail(),
                        e.value().orElse(Double.NaN), e.unit()));
            }
            return new PatientTimeline(patient, nights, events);
        } catch (StoreException e) {
            throw new IOException("reading patient " + patient + " from " + store.location() + ": " + e.getMessage(), e);
        }
    }
}
