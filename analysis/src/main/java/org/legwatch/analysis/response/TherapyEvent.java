package org.legwatch.analysis.response;

import java.time.LocalDate;

/**
 * One entry of the therapy record: an IV iron dose (detail = product, value = mg), the start or stop
 * of an oral iron course (detail = product, value = daily elemental mg), a blood result (ferritin in
 * ug/L, TSAT in %, hemoglobin in g/dL) or an RLS medication change (detail = drug and change).
 * {@code value} is {@code NaN} when the entry has none.
 */
public record TherapyEvent(LocalDate date, TherapyKind kind, String detail, double value, String unit) {
    public TherapyEvent {
        if (date == null || kind == null) {
            throw new IllegalArgumentException("a therapy entry needs a date and a kind");
        }
        detail = detail == null ? "" : detail;
        unit = unit == null ? "" : unit;
    }
}
