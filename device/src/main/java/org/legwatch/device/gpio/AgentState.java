package org.legwatch.device.gpio;

/**
 * What the status LED shows, most urgent first. The LED sits in a bedroom: while a night is being
 * recorded it only flashes briefly.
 */
public enum AgentState {
    /** A sensor stopped answering (or the journal failed): fast blinking, 4 per second. */
    FAULT(250_000_000L, 125_000_000L),
    /** A night is being recorded: a 60 ms flash every 5 s. */
    RECORDING(5_000_000_000L, 60_000_000L),
    /** Nights wait for the host: a 300 ms flash every 2 s. */
    UNSENT(2_000_000_000L, 300_000_000L),
    /** Nothing to do: off. */
    IDLE(0, 0);

    private final long periodNs;
    private final long onNs;

    AgentState(long periodNs, long onNs) {
        this.periodNs = periodNs;
        this.onNs = onNs;
    }

    /** Whether the LED is lit at a time, for this state's pattern (phase counted from {@code sinceNs}). */
    public boolean litAt(long sinceNs, long nowNs) {
        if (periodNs == 0) {
            return false;
        }
        return Math.floorMod(nowNs - sinceNs, periodNs) < onNs;
    }

    /** How long after {@code nowNs} the LED next changes, in ns; {@code Long.MAX_VALUE} for never. */
    public long nextChangeAfter(long sinceNs, long nowNs) {
        if (periodNs == 0) {
            return Long.MAX_VALUE;
        }
        long phase = Math.floorMod(nowNs - sinceNs, periodNs);
        return phase < onNs ? onNs - phase : periodNs - phase;
    }
}
