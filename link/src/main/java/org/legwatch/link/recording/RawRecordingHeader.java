package org.legwatch.link.recording;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * What a raw recording says about itself: whose leg, which sensor, which night, and the clocks.
 * Every part of a file (one per start of the writer) carries one; within a file the leg and the
 * night id never change.
 *
 * <p>Sample times in a part are microseconds on the night's monotonic time base: (monotonic clock
 * of boot {@code bootId} in ns - {@code monotonicBaseNs}) / 1000. The wall clock read
 * {@code wallClockMs} (ms since the Unix epoch) at the part's time {@code wallClockAtUs}; whether
 * it was synchronised (NTP) then is {@code wallClockSynchronised}, so the host can tell a trusted
 * date from a Pi's guess after a boot without network.
 *
 * @param leg                    'R' or 'L'
 * @param chip                   the sensor chip, e.g. "LIS3DH" (1-64 bytes of UTF-8)
 * @param nominalRateHz          the configured output data rate
 * @param rangeG                 the configured full scale, +-g
 * @param scale                  g per count
 * @param nightId                the night (1-1024 bytes of UTF-8)
 * @param bootId                 the boot the monotonic clock belongs to (0-1024 bytes of UTF-8)
 * @param monotonicBaseNs        the monotonic clock reading that is time 0
 * @param wallClockMs            the wall clock, ms since 1970-01-01T00:00Z
 * @param wallClockAtUs          when the wall clock was read, µs on the time base
 * @param wallClockSynchronised  whether the wall clock was synchronised when read
 */
public record RawRecordingHeader(char leg, String chip, double nominalRateHz, int rangeG, CountScale scale,
                                 String nightId, String bootId, long monotonicBaseNs, long wallClockMs,
                                 long wallClockAtUs, boolean wallClockSynchronised) {
    static final int MAX_CHIP_BYTES = 64;
    static final int MAX_ID_BYTES = 1024;

    public RawRecordingHeader {
        if (leg != 'R' && leg != 'L') {
            throw new IllegalArgumentException("leg is 'R' or 'L', not '" + leg + "'");
        }
        requireText("chip", chip, 1, MAX_CHIP_BYTES);
        if (!(nominalRateHz > 0 && nominalRateHz <= 100_000)) {
            throw new IllegalArgumentException("nominal rate outside (0, 100000] Hz: " + nominalRateHz);
        }
        if (rangeG < 1 || rangeG > 0xFFFF) {
            throw new IllegalArgumentException("range outside 1..65535 g: " + rangeG);
        }
        Objects.requireNonNull(scale, "scale");
        requireText("night id", nightId, 1, MAX_ID_BYTES);
        requireText("boot id", bootId, 0, MAX_ID_BYTES);
    }

    private static void requireText(String what, String text, int minBytes, int maxBytes) {
        Objects.requireNonNull(text, what);
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes < minBytes || bytes > maxBytes) {
            throw new IllegalArgumentException(what + " must be " + minBytes + ".." + maxBytes + " bytes of UTF-8, not "
                    + bytes + ": '" + text + "'");
        }
    }

    /** Whether {@code other} records the same leg of the same night (so it may continue this file). */
    public boolean sameRecording(RawRecordingHeader other) {
        return leg == other.leg && nightId.equals(other.nightId);
    }
}
