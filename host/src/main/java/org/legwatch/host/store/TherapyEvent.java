package org.legwatch.host.store;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One event of a patient's therapy record, in the units of its {@link TherapyKind}. An event is
 * identified by its {@link Key}: a patient has at most one event of a kind with a given detail on
 * a date.
 *
 * @param detail product, or drug and change; empty when the kind has none
 * @param value  dose or result; empty when the kind allows none
 * @param unit   the kind's unit, or free text for a medication change
 */
public record TherapyEvent(String patientId, LocalDate date, TherapyKind kind, String detail, OptionalDouble value,
                           String unit) {

    /** The order records are listed in: date, kind (as declared), detail. */
    public static final Comparator<TherapyEvent> ORDER = Comparator
            .comparing(TherapyEvent::date).thenComparing(TherapyEvent::kind).thenComparing(TherapyEvent::detail);

    /** Longest detail or unit text. */
    public static final int MAX_TEXT = 200;

    public TherapyEvent {
        Ids.requireCode("patient id", patientId);
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
        requireCsvText("detail", detail);
        requireCsvText("unit", unit);
        Objects.requireNonNull(value, "value");
        if (kind.needsDetail() && detail.isEmpty()) {
            throw new IllegalArgumentException(kind.code() + " needs a detail (product or drug)");
        }
        if (kind.needsValue() && value.isEmpty()) {
            throw new IllegalArgumentException(kind.code() + " needs a value");
        }
        if (value.isPresent() && !Double.isFinite(value.getAsDouble())) {
            throw new IllegalArgumentException("value must be a finite number");
        }
        String expectedUnit = value.isPresent() ? kind.unit() : "";
        if (kind != TherapyKind.MEDICATION && !unit.equals(expectedUnit)) {
            throw new IllegalArgumentException(kind.code() + (value.isPresent() ? " is kept in " + kind.unit()
                    : " without a value has no unit") + ", not '" + unit + "'");
        }
    }

    private static void requireCsvText(String what, String text) {
        Objects.requireNonNull(text, what);
        if (text.length() > MAX_TEXT || !text.strip().equals(text) || text.indexOf(',') >= 0
                || text.indexOf('"') >= 0 || text.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(what + " '" + text + "': at most " + MAX_TEXT
                    + " characters, no commas, quotes, control characters or surrounding spaces");
        }
    }

    public Key key() {
        return new Key(patientId, date, kind, detail);
    }

    /** What makes an event the same event. */
    public record Key(String patientId, LocalDate date, TherapyKind kind, String detail) {
        @Override
        public String toString() {
            return patientId + " " + date + " " + kind.code() + (detail.isEmpty() ? "" : " '" + detail + "'");
        }
    }

    /**
     * The events of {@code incoming} that {@code stored} does not hold yet, in order; events equal
     * to a stored one are left out. Used by every store so that writing a record twice changes
     * nothing.
     *
     * @throws StoreConflictException when an incoming event differs from the stored event with its
     *                                key, or two incoming events share a key but differ
     */
    public static List<TherapyEvent> newEvents(Collection<TherapyEvent> stored, List<TherapyEvent> incoming)
            throws StoreConflictException {
        Map<Key, TherapyEvent> known = new HashMap<>();
        for (TherapyEvent event : stored) {
            known.put(event.key(), event);
        }
        List<TherapyEvent> fresh = new ArrayList<>();
        for (TherapyEvent event : incoming) {
            TherapyEvent existing = known.putIfAbsent(event.key(), event);
            if (existing == null) {
                fresh.add(event);
            } else if (!existing.equals(event)) {
                throw new StoreConflictException("therapy event " + event.key() + " is already recorded as "
                        + existing.describeValue() + ", not " + event.describeValue());
            }
        }
        return fresh;
    }

    /** Value and unit in words, e.g. "1000 mg" or "no value". */
    public String describeValue() {
        if (value.isEmpty()) {
            return "no value";
        }
        String number = BigDecimal.valueOf(value.getAsDouble()).stripTrailingZeros().toPlainString();
        return unit.isEmpty() ? number : number + " " + unit;
    }
}
