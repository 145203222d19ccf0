package org.legwatch.link;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A night as it travels from the device to the host. {@code start} is empty when the device lost
 * the night's start record; {@code summary} (the device's encoded night summary, opaque to the link)
 * is empty when the night never finished. Equality compares the summary's bytes.
 */
public final class Night {

    /** Longest night or boot id, in characters (as the device's journal). */
    public static final int MAX_ID_CHARS = 200;
    /** Largest summary the link carries. */
    public static final int MAX_SUMMARY_BYTES = 64 * 1024;
    /** Most movements in one night: one every 0.3 s for eight hours, far beyond any patient. */
    public static final int MAX_MOVEMENTS = 100_000;

    private final String nightId;
    private final Optional<NightStart> start;
    private final List<Movement> movements;
    private final byte[] summary;

    public Night(String nightId, Optional<NightStart> start, List<Movement> movements, Optional<byte[]> summary) {
        Objects.requireNonNull(nightId, "nightId");
        if (nightId.isEmpty() || nightId.length() > MAX_ID_CHARS) {
            throw new IllegalArgumentException("night id must have 1 to " + MAX_ID_CHARS + " characters");
        }
        if (movements.size() > MAX_MOVEMENTS) {
            throw new IllegalArgumentException("night " + nightId + " has " + movements.size()
                    + " movements, more than the link carries (" + MAX_MOVEMENTS + ")");
        }
        if (summary.isPresent() && summary.get().length > MAX_SUMMARY_BYTES) {
            throw new IllegalArgumentException("summary of night " + nightId + " has " + summary.get().length
                    + " bytes, more than the link carries (" + MAX_SUMMARY_BYTES + ")");
        }
        checkWellFormed(nightId, "night id");
        start.ifPresent(st -> checkWellFormed(st.bootId(), "boot id"));
        this.nightId = nightId;
        this.start = Objects.requireNonNull(start, "start");
        this.movements = List.copyOf(movements);
        this.summary = summary.map(byte[]::clone).orElse(null);
    }

    /**
     * Fails for a string with an unpaired surrogate, which UTF-8 cannot carry: the host would
     * receive, and acknowledge, another id.
     */
    static void checkWellFormed(String s, String field) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException(field + " has an unpaired surrogate at index " + i);
            }
        }
    }

    public String nightId() {
        return nightId;
    }

    public Optional<NightStart> start() {
        return start;
    }

    public List<Movement> movements() {
        return movements;
    }

    /** A copy of the summary bytes. */
    public Optional<byte[]> summary() {
        return summary == null ? Optional.empty() : Optional.of(summary.clone());
    }

    /** Whether the night finished on the device (it has a summary). */
    public boolean finished() {
        return summary != null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Night n && nightId.equals(n.nightId) && start.equals(n.start)
                && movements.equals(n.movements) && Arrays.equals(summary, n.summary);
    }

    @Override
    public int hashCode() {
        return Objects.hash(nightId, start, movements, Arrays.hashCode(summary));
    }

    @Override
    public String toString() {
        return "Night[" + nightId + ", " + movements.size() + " movements, "
                + (summary == null ? "no summary" : summary.length + " summary bytes")
                + (start.isEmpty() ? ", no start" : "") + "]";
    }
}
