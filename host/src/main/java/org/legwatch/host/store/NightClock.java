package org.legwatch.host.store;

import java.time.Instant;
import java.util.Objects;

/**
 * The clocks of a device night, as the device recorded them: times within the night are
 * microseconds on the monotonic clock of boot {@code bootId} counted from {@code monotonicBaseNs};
 * {@code wallClockStartMs} is the wall clock at that base, trustworthy only when
 * {@code wallClockSynced} (a Pi has no battery clock).
 */
public record NightClock(String bootId, long monotonicBaseNs, long wallClockStartMs, boolean wallClockSynced) {
    public NightClock {
        Objects.requireNonNull(bootId, "bootId");
        if (bootId.length() > Ids.MAX_NIGHT_ID_CHARS || bootId.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("boot id: at most " + Ids.MAX_NIGHT_ID_CHARS
                    + " characters, no control characters");
        }
        if (wallClockStartMs < 0) {
            throw new IllegalArgumentException("wall clock start before 1970: " + wallClockStartMs + " ms");
        }
    }

    public Instant start() {
        return Instant.ofEpochMilli(wallClockStartMs);
    }
}
