package org.legwatch.device.agent;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The hours in which a night may be recorded, e.g. 20:00-11:00 in local time (a window that passes
 * midnight closes the next morning). Each opening of the window belongs to the evening it opened on.
 */
public record NightWindow(LocalTime start, LocalTime end, ZoneId zone) {

    public NightWindow {
        if (start.equals(end)) {
            throw new IllegalArgumentException("the window opens and closes at the same time");
        }
    }

    private boolean crossesMidnight() {
        return end.isBefore(start);
    }

    /** Whether the window is open at {@code wallMs}. */
    public boolean contains(long wallMs) {
        LocalTime t = local(wallMs).toLocalTime();
        return crossesMidnight() ? !t.isBefore(start) || t.isBefore(end) : !t.isBefore(start) && t.isBefore(end);
    }

    /**
     * The evening a moment belongs to: the date the window opened on for a moment in it, and for a
     * moment outside it the date of the window that opens next (so a night started early by the
     * button counts for that evening).
     */
    public LocalDate eveningOf(long wallMs) {
        ZonedDateTime at = local(wallMs);
        LocalDate date = at.toLocalDate();
        LocalTime t = at.toLocalTime();
        if (crossesMidnight() && t.isBefore(end)) {
            return date.minusDays(1);
        }
        if (!crossesMidnight() && !t.isBefore(end)) {
            return date.plusDays(1);
        }
        return date;
    }

    /** When the window that {@code wallMs} is in (or opens next after it) closes, in ms since the epoch. */
    public long closesAfter(long wallMs) {
        LocalDate evening = eveningOf(wallMs);
        LocalDate closingDate = crossesMidnight() ? evening.plusDays(1) : evening;
        return closingDate.atTime(end).atZone(zone).toInstant().toEpochMilli();
    }

    private ZonedDateTime local(long wallMs) {
        return Instant.ofEpochMilli(wallMs).atZone(zone);
    }
}
