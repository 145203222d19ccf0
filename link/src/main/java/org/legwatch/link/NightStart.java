package org.legwatch.link;

import java.util.Objects;

/**
 * How a night started on the device: the boot it started in and the clocks at its start, so that
 * the host can date a night whose wall clock was not synchronised.
 *
 * @param bootId the device's boot id, at most {@link Night#MAX_ID_CHARS} characters
 * @param monotonicBaseNs the monotonic clock at the start of the night, ns
 * @param wallClockMs the wall clock at the start, ms since the epoch
 * @param wallClockSynced whether the wall clock was synchronised then
 */
public record NightStart(String bootId, long monotonicBaseNs, long wallClockMs, boolean wallClockSynced) {
    public NightStart {
        Objects.requireNonNull(bootId, "bootId");
        if (bootId.length() > Night.MAX_ID_CHARS) {
            throw new IllegalArgumentException("boot id longer than " + Night.MAX_ID_CHARS + " characters");
        }
    }
}
