package org.legwatch.analysis.response;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * An oral iron course from its start to its stop entry. A stop is matched to the earliest open
 * course of the same product (any open course when none matches); a stop without a start is a
 * course that began before the record ({@code start} null); a start without a stop is ongoing
 * ({@code stop} null).
 */
public record OralIronCourse(LocalDate start, LocalDate stop, String product, double dailyMg, String unit) {

    public static List<OralIronCourse> from(List<TherapyEvent> events) {
        List<OralIronCourse> courses = new ArrayList<>();
        List<TherapyEvent> open = new ArrayList<>();
        for (TherapyEvent event : events) {
            if (event.kind() == TherapyKind.ORAL_IRON_START) {
                open.add(event);
            } else if (event.kind() == TherapyKind.ORAL_IRON_STOP) {
                TherapyEvent start = open.stream().filter(s -> s.detail().equalsIgnoreCase(event.detail())).findFirst()
                        .orElse(open.isEmpty() ? null : open.getFirst());
                if (start == null) {
                    courses.add(new OralIronCourse(null, event.date(), event.detail(), event.value(), event.unit()));
                } else {
                    open.remove(start);
                    courses.add(new OralIronCourse(start.date(), event.date(), start.detail(), start.value(), start.unit()));
                }
            }
        }
        for (TherapyEvent start : open) {
            courses.add(new OralIronCourse(start.date(), null, start.detail(), start.value(), start.unit()));
        }
        return courses;
    }
}
