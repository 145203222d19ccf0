package org.legwatch.host.store;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.legwatch.analysis.night.NightSummary;
import org.legwatch.analysis.night.TimeSpan;
import org.legwatch.analysis.scoring.ScoredMovement;

/**
 * A night as the stores keep it. The pair ({@code deviceId}, {@code deviceNightId}) identifies it:
 * a night sent again with the same pair and the same content changes nothing.
 *
 * @param deviceId      the device that recorded it
 * @param deviceNightId the device's id for the night, unique per device
 * @param patientId     who wore the device (from the assignment in force at the night's start, or
 *                      named on import)
 * @param eveningDate   the date of the evening the night began (see {@link #eveningOf})
 * @param clock         the device's clocks for the night
 * @param summary       the night summary
 * @param movements     the scored movements, microseconds from the night's start
 */
public record StoredNight(
        String deviceId,
        String deviceNightId,
        String patientId,
        LocalDate eveningDate,
        NightClock clock,
        NightSummary summary,
        List<ScoredMovement> movements) {

    public StoredNight {
        Ids.requireCode("device id", deviceId);
        Ids.requireNightId(deviceNightId);
        Ids.requireCode("patient id", patientId);
        Objects.requireNonNull(eveningDate, "eveningDate");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(summary, "summary");
        movements = List.copyOf(movements);
        ScoredMovement previous = null;
        for (ScoredMovement m : movements) {
            if (m.onsetUs() < 0 || m.offsetUs() < m.onsetUs()) {
                throw new IllegalArgumentException("night " + deviceNightId + ": movement at " + m.onsetUs()
                        + "-" + m.offsetUs() + " us is not within the night");
            }
            if (previous != null && MOVEMENT_ORDER.compare(previous, m) >= 0) {
                throw new IllegalArgumentException("night " + deviceNightId + ": movements must be in onset order, one"
                        + " per leg and onset (at " + m.onsetUs() + " us)");
            }
            previous = m;
        }
        if (extentUs(summary, movements) > MAX_EXTENT_US) {
            throw new IllegalArgumentException("night " + deviceNightId + " reaches more than 7 days past its start");
        }
    }

    /** The order nights are listed in, as {@link NightRow#ORDER}. */
    public static final Comparator<StoredNight> ORDER = Comparator.comparing(StoredNight::eveningDate)
            .thenComparingLong(n -> n.clock().wallClockStartMs()).thenComparing(StoredNight::deviceId)
            .thenComparing(StoredNight::deviceNightId);

    /**
     * The order of a night's movements: by onset, and by leg (R, L, B) at the same onset. The
     * scorer hands them out in this order; a store gives them back in it.
     */
    public static final Comparator<ScoredMovement> MOVEMENT_ORDER = StoredNight::compareMovements;

    // Written out rather than composed from comparingLong/thenComparing: every night's movements
    // are checked against it when a night is made, and the composed form costs several times more.
    private static int compareMovements(ScoredMovement a, ScoredMovement b) {
        int byOnset = Long.compare(a.onsetUs(), b.onsetUs());
        return byOnset != 0 ? byOnset : a.leg().compareTo(b.leg());
    }

    /** Longest a night may reach after its start. */
    public static final long MAX_EXTENT_US = 7L * 24 * 3_600_000_000L;

    /** A device's night with the patient and evening date the host gave it. */
    public static StoredNight of(String deviceId, String patientId, LocalDate eveningDate, DeviceNight night) {
        return new StoredNight(deviceId, night.nightId(), patientId, eveningDate, night.clock(), night.summary(),
                night.movements());
    }

    /**
     * The evening a night belongs to: the local date 12 hours before its start, so a night begun at
     * 21:00 and one begun at 01:30 the next morning both belong to the first day's evening.
     */
    public static LocalDate eveningOf(Instant start, ZoneId zone) {
        return start.atZone(zone).minusHours(12).toLocalDate();
    }

    /**
     * How long after its start the night's data reaches: the last in-bed end, movement offset or
     * recorded hour, in microseconds.
     */
    public long extentUs() {
        return extentUs(summary, movements);
    }

    private static long extentUs(NightSummary summary, List<ScoredMovement> movements) {
        long extent = Math.round(summary.signal().recordedHours() * 3_600_000_000.0);
        for (TimeSpan span : summary.inBed()) {
            extent = Math.max(extent, span.endUs());
        }
        for (ScoredMovement m : movements) {
            extent = Math.max(extent, m.offsetUs());
        }
        return extent;
    }

    /** The fields a query needs. */
    public NightRow row() {
        return NightRow.of(this);
    }
}
