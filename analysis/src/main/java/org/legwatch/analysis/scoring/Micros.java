package org.legwatch.analysis.scoring;

/** Conversions between whole microseconds (the scoring time base) and seconds. */
public final class Micros {
    public static final long PER_SECOND = 1_000_000L;
    public static final long PER_HOUR = 3_600L * PER_SECOND;

    private Micros() {
    }

    public static long ofSeconds(double seconds) {
        return Math.round(seconds * PER_SECOND);
    }

    public static double toSeconds(long micros) {
        return micros / (double) PER_SECOND;
    }

    public static double toHours(long micros) {
        return micros / (double) PER_HOUR;
    }
}
