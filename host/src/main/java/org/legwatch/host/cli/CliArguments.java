package org.legwatch.host.cli;

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
}
