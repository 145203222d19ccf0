package org.legwatch.analysis.response;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Everything the response analysis knows about one patient: nights in date order (at most one per
 * date) and therapy entries in date order (entries of one date keep their given order). The host
 * builds it from CSV files or from its store.
 */
public record PatientTimeline(String patient, List<PatientNight> nights, List<TherapyEvent> events) {
    public PatientTimeline {
        if (patient == null || patient.isBlank()) {
            throw new IllegalArgumentException("a timeline needs a patient id");
        }
        List<PatientNight> sortedNights = new ArrayList<>(nights);
        sortedNights.sort(Comparator.comparing(PatientNight::date));
        for (int i = 1; i < sortedNights.size(); i++) {
            LocalDate date = sortedNights.get(i).date();
            if (date.equals(sortedNights.get(i - 1).date())) {
                throw new IllegalArgumentException("patient " + patient + " has two nights dated " + date);
            }
        }
        List<TherapyEvent> sortedEvents = new ArrayList<>(events);
        sortedEvents.sort(Comparator.comparing(TherapyEvent::date));
        nights = List.copyOf(sortedNights);
        events = List.copyOf(sortedEvents);
    }

    /** The entries of one kind, in date order. */
    public List<TherapyEvent> events(TherapyKind kind) {
        return events.stream().filter(e -> e.kind() == kind).toList();
    }
}
