package org.legwatch.host.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import org.legwatch.analysis.night.TimeSpan;
import org.legwatch.host.io.Seconds;

/** Parsing of option values that picocli has no converter for. */
final class CliArguments {
    private CliArguments() {
    }

    /** {@code START-END} in seconds, e.g. {@code 1200-30000} or {@code 0.5-99.25}. */
    static TimeSpan span(String option, String text) {
        int dash = text.indexOf('-', 1);
        if (dash < 0) {
            throw new IllegalArgumentException(option + " '" + text + "': expected START-END in seconds");
        }
        long start = micros(option, text, text.substring(0, dash));
        long end = micros(option, text, text.substring(dash + 1));
        if (start < 0 || end < start) {
            throw new IllegalArgumentException(option + " '" + text + "': need 0 <= START <= END");
        }
        return new TimeSpan(start, end);
    }

    private static long micros(String option, String whole, String part) {
        try {
            return Seconds.parseMicros(part);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " '" + whole + "': '" + part + "' is not a number of seconds");
        }
    }

    /**
     * A point in time: {@code 2025-03-01} (the start of that day), {@code 2025-03-01T20:30} (local
     * time in {@code zone}) or with an offset, {@code 2025-03-01T19:30:00Z}; to the millisecond.
     */
    static Instant instant(String option, String text, ZoneId zone) {
        String value = text.strip();
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay(zone).toInstant();
            }
            if (value.endsWith("Z") || value.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return OffsetDateTime.parse(value).toInstant().truncatedTo(ChronoUnit.MILLIS);
            }
            return LocalDateTime.parse(value).atZone(zone).toInstant().truncatedTo(ChronoUnit.MILLIS);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " '" + text + "': expected a date (2025-03-01), a local time "
                    + "(2025-03-01T20:30) or a time with an offset (2025-03-01T19:30:00Z)");
        }
    }

    /** A calendar date YYYY-MM-DD. */
    static LocalDate date(String option, String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " '" + text + "': expected a date YYYY-MM-DD that exists");
        }
    }
}
