package org.legwatch.analysis.response;

import java.time.LocalDate;
import java.util.List;

/**
 * Something besides the infusion that may have moved the PLM index within an infusion's windows:
 * an oral iron course, an RLS medication change, or another IV iron course.
 *
 * @param kind    {@code oral_iron}, {@code medication} or {@code iv_iron}
 * @param from    first day (for a course: its start, {@code null} when it began before the record)
 * @param to      last day of an oral course ({@code null} while ongoing); equal to {@code from} for a single event
 * @param windows which parts it touches: {@code baseline}, {@code before_response} (day 0 to the response window) and {@code response}
 */
public record Confounder(String kind, LocalDate from, LocalDate to, String detail, double value, String unit, List<String> windows) {
    public static final String ORAL_IRON = "oral_iron";
    public static final String MEDICATION = "medication";
    public static final String IV_IRON = "iv_iron";
}
