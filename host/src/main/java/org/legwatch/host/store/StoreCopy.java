package org.legwatch.host.store;

import java.util.ArrayList;
import java.util.List;

/**
 * Copies everything one store holds into another: patients, device assignments, therapy records
 * and nights with their movements, patient by patient, nights in batches. Since every write is
 * idempotent, copying again (or after a copy was cut short) adds only what is missing; what the
 * target holds differently is a conflict and stops the copy.
 */
public final class StoreCopy {
    /** Nights per write. */
    public static final int BATCH_NIGHTS = 100;

    /** What was read from the source and what of it was new to the target. */
    public record Counts(int patients, int assignments, int events, int newEvents, int nights, int newNights) {
    }

    /** Told how far the copy has come, once per patient. */
    @FunctionalInterface
    public interface Progress {
        void patientDone(int done, int of, String patientId);
    }

    private StoreCopy() {
    }

    public static Counts copy(Store from, Store to, Progress progress) throws StoreException {
        List<Patient> patients = from.patients();
        for (Patient patient : patients) {
            to.addPatient(patient);
        }
        List<DeviceAssignment> assignments = from.assignments();
        for (DeviceAssignment assignment : assignments) {
            to.assignDevice(assignment);
        }
        int events = 0;
        int newEvents = 0;
        int[] nights = {0, 0};
        int done = 0;
        for (Patient patient : patients) {
            List<TherapyEvent> record = from.therapy(patient.id());
            events += record.size();
            newEvents += to.addTherapy(record);
            List<StoredNight> batch = new ArrayList<>();
            from.forEachNight(patient.id(), night -> {
                batch.add(night);
                if (batch.size() == BATCH_NIGHTS) {
                    nights[0] += batch.size();
                    nights[1] += to.commitAll(batch);
                    batch.clear();
                }
            });
            nights[0] += batch.size();
            nights[1] += to.commitAll(batch);
            progress.patientDone(++done, patients.size(), patient.id());
        }
        return new Counts(patients.size(), assignments.size(), events, newEvents, nights[0], nights[1]);
    }
}
