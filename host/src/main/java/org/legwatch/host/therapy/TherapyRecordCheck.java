package org.legwatch.host.therapy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.legwatch.host.store.Store;
import org.legwatch.host.store.StoreException;
import org.legwatch.host.store.TherapyEvent;
import org.legwatch.host.store.TherapyKind;

/**
 * Checks events against each other and against a patient's stored record before anything is
 * written: the patient must exist; an event may appear once (a second row with the same patient,
 * date, kind and detail is a duplicate); an event that differs from the stored one with the same
 * key is refused (the record is never silently changed), one equal to it is left out as already
 * stored; and a patient's IV iron on one day may not add up to more than
 * {@link TherapyFields#MAX_IV_MG_PER_DAY} mg.
 */
public final class TherapyRecordCheck {
    /** An event and where it came from: a line of a file, or 0 for options. */
    public record Entry(long line, TherapyEvent event) {
    }

    /** A problem with the entry on {@code line} (0 for options) in {@code field}. */
    public record Problem(long line, String field, String message) {
    }

    /** What a write would do. */
    public record Plan(List<Entry> toWrite, List<Entry> alreadyStored, List<Problem> problems) {
        public boolean writable() {
            return problems.isEmpty();
        }

        public List<TherapyEvent> events() {
            return toWrite.stream().map(Entry::event).toList();
        }
    }

    private TherapyRecordCheck() {
    }

    public static Plan check(List<Entry> entries, Store store) throws StoreException {
        List<Entry> toWrite = new ArrayList<>();
        List<Entry> alreadyStored = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Map<String, Optional<Map<TherapyEvent.Key, TherapyEvent>>> records = new HashMap<>();
        Map<TherapyEvent.Key, Entry> seen = new HashMap<>();
        Map<String, Double> ivPerDay = new HashMap<>();
        for (Entry entry : entries) {
            TherapyEvent event = entry.event();
            Optional<Map<TherapyEvent.Key, TherapyEvent>> record = records.get(event.patientId());
            if (record == null) {
                record = storedRecord(store, event.patientId());
                records.put(event.patientId(), record);
                if (record.isPresent()) {
                    for (TherapyEvent stored : record.get().values()) {
                        if (stored.kind() == TherapyKind.IV_IRON) {
                            ivPerDay.merge(dayKey(stored.patientId(), stored.date()), stored.value().orElse(0), Double::sum);
                        }
                    }
                }
            }
            if (record.isEmpty()) {
                problems.add(new Problem(entry.line(), TherapyFields.PATIENT, "unknown patient " + event.patientId()
                        + " (add it first with 'legwatch patient add " + event.patientId() + "')"));
                continue;
            }
            Entry earlier = seen.putIfAbsent(event.key(), entry);
            if (earlier != null) {
                problems.add(new Problem(entry.line(), TherapyFields.KIND, "duplicate event " + event.key()
                        + (earlier.line() > 0 ? " (first on line " + earlier.line() + ")" : "")));
                continue;
            }
            TherapyEvent stored = record.get().get(event.key());
            if (stored != null) {
                if (stored.equals(event)) {
                    alreadyStored.add(entry);
                } else {
                    problems.add(new Problem(entry.line(), TherapyFields.VALUE, "event " + event.key()
                            + " is already recorded as " + stored.describeValue() + ", not " + event.describeValue()));
                }
                continue;
            }
            if (event.kind() == TherapyKind.IV_IRON) {
                double total = ivPerDay.merge(dayKey(event.patientId(), event.date()), event.value().orElse(0), Double::sum);
                if (total > TherapyFields.MAX_IV_MG_PER_DAY) {
                    problems.add(new Problem(entry.line(), TherapyFields.VALUE, "IV iron of " + event.patientId() + " on "
                            + event.date() + " adds up to " + TherapyFields.plain(total) + " mg, more than "
                            + TherapyFields.plain(TherapyFields.MAX_IV_MG_PER_DAY) + " mg in one day"));
                    continue;
                }
            }
            toWrite.add(entry);
        }
        return new Plan(toWrite, alreadyStored, problems);
    }

    private static Optional<Map<TherapyEvent.Key, TherapyEvent>> storedRecord(Store store, String patientId)
            throws StoreException {
        if (store.patient(patientId).isEmpty()) {
            return Optional.empty();
        }
        Map<TherapyEvent.Key, TherapyEvent> record = new HashMap<>();
        for (TherapyEvent event : store.therapy(patientId)) {
            record.put(event.key(), event);
        }
        return Optional.of(record);
    }

    private static String dayKey(String patientId, LocalDate date) {
        return patientId + "\u0000" + date;
    }
}
