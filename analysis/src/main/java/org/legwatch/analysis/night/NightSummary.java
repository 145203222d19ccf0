package org.legwatch.analysis.night;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.legwatch.analysis.scoring.Micros;
import org.legwatch.analysis.scoring.NightStatistics;

/**
 * One night's result: the scoring statistics over the time in bed, the in-bed spans that are the
 * denominator, and whether the night is valid (with the reasons when it is not). A night with too
 * little valid time in bed is flagged, never silently scored.
 *
 * @param statistics        the scored movements added up; its hours in bed equal the in-bed spans
 * @param inBed             the spans counted as time in bed
 * @param valid             whether the night can be used for a clinical judgement
 * @param invalidReasons    why not, in words a clinician reads; empty when valid
 * @param minValidHoursInBed the threshold that was applied
 * @param signal            the sensor data's quality ({@link SignalQuality#NOT_MEASURED} for a
 *                          movement list)
 */
public record NightSummary(
        NightStatistics statistics,
        List<TimeSpan> inBed,
        boolean valid,
        List<String> invalidReasons,
        double minValidHoursInBed,
        SignalQuality signal) {

    /** Default minimum valid time in bed for a night to count. */
    public static final double DEFAULT_MIN_VALID_HOURS = 4.0;

    public NightSummary {
        inBed = List.copyOf(inBed);
        invalidReasons = List.copyOf(invalidReasons);
    }

    /**
     * Summarises a night from its statistics (which must have been computed with the same hours in
     * bed as the spans add up to) and its in-bed spans, applying the minimum time in bed.
     */
    public static NightSummary of(NightStatistics statistics, List<TimeSpan> inBed, double minValidHoursInBed) {
        return of(statistics, inBed, minValidHoursInBed, 1.0, SignalQuality.NOT_MEASURED);
    }

    /** As above, for a night from the sensor: too many lost samples also make it invalid. */
    public static NightSummary of(NightStatistics statistics, List<TimeSpan> inBed, double minValidHoursInBed,
                                  double maxLostFraction, SignalQuality signal) {
        double hours = hoursIn(inBed);
        if (Math.abs(hours - statistics.hoursInBed()) > 1e-9) {
            throw new IllegalArgumentException("statistics use " + statistics.hoursInBed()
                    + " h in bed but the spans add up to " + hours + " h");
        }
        List<String> reasons = new ArrayList<>();
        if (hours < minValidHoursInBed) {
            reasons.add(String.format(Locale.ROOT, "time in bed %.2f h is below the %.2f h minimum",
                    hours, minValidHoursInBed));
        }
        if (signal.measured() && signal.samples() == 0) {
            reasons.add("no samples were recorded");
        }
        if (signal.lostFraction() > maxLostFraction) {
            reasons.add(String.format(Locale.ROOT, "%.1f%% of the samples were lost (more than %.1f%%)",
                    100 * signal.lostFraction(), 100 * maxLostFraction));
        }
        return new NightSummary(statistics, inBed, reasons.isEmpty(), reasons, minValidHoursInBed, signal);
    }

    /** Total hours of the spans. */
    public static double hoursIn(List<TimeSpan> spans) {
        long total = 0;
        for (TimeSpan span : spans) {
            total += span.durationUs();
        }
        return Micros.toHours(total);
    }

    public double hoursInBed() {
        return statistics.hoursInBed();
    }
}
