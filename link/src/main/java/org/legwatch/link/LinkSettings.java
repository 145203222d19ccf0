package org.legwatch.link;

import java.time.Duration;
import org.legwatch.link.message.MessageCodec;
import org.legwatch.link.reliable.ReliableSender;
import org.legwatch.link.wire.FrameCodec;

/**
 * Timings and sizes of the link. Both ends may use different settings; only {@code chunkBytes} and
 * {@code window} shape what the device sends, and both are within the protocol's limits.
 *
 * @param heartbeatInterval a heartbeat goes out when nothing else was sent for this long
 * @param linkTimeout the session ends when no authentic frame arrived for this long
 * @param reopenAfter the port is closed and opened again when no authentic frame arrived for this long
 * @param initialRto retransmission timeout before the first round trip is measured
 * @param minRto lower bound of the retransmission timeout
 * @param maxRto upper bound of the retransmission timeout (backoff stops growing here)
 * @param window most unacknowledged frames in flight, 1 to 32
 * @param chunkBytes most payload bytes of one movements or summary message
 * @param maxNightsAwaitingResult most nights sent completely but not yet answered by the host
 * @param helloBackoffMin first wait before a hello is repeated
 * @param helloBackoffMax longest wait between hellos
 * @param reopenBackoffMin first wait before a port that failed is opened again
 * @param reopenBackoffMax longest wait between attempts to open the port
 * @param nightRetryMin first wait before a night the host could not store is sent again
 * @param nightRetryMax longest such wait
 * @param outboxPollInterval how often the device asks its outbox for new nights when not told
 * @param writeStallTimeout a write blocked this long means the line is stuck; the port is reopened
 */
public record LinkSettings(Duration heartbeatInterval, Duration linkTimeout, Duration reopenAfter,
        Duration initialRto, Duration minRto, Duration maxRto, int window, int chunkBytes,
        int maxNightsAwaitingResult, Duration helloBackoffMin, Duration helloBackoffMax,
        Duration reopenBackoffMin, Duration reopenBackoffMax, Duration nightRetryMin, Duration nightRetryMax,
        Duration outboxPollInterval, Duration writeStallTimeout) {

    /** Smallest chunk: the largest movement (25 bytes) with the chunk header fits. */
    public static final int MIN_CHUNK_BYTES = 32;
    /** Largest chunk: a frame's payload after the message sequence number. */
    public static final int MAX_CHUNK_BYTES = FrameCodec.MAX_PAYLOAD - 4;

    public LinkSettings {
        if (window < 1 || window > ReliableSender.MAX_WINDOW) {
            throw new IllegalArgumentException("window must be 1 to " + ReliableSender.MAX_WINDOW + ": " + window);
        }
        if (chunkBytes < MIN_CHUNK_BYTES || chunkBytes > MAX_CHUNK_BYTES) {
            throw new IllegalArgumentException("chunkBytes must be " + MIN_CHUNK_BYTES + " to " + MAX_CHUNK_BYTES
                    + ": " + chunkBytes);
        }
        if (maxNightsAwaitingResult < 1) {
            throw new IllegalArgumentException("maxNightsAwaitingResult must be at least 1");
        }
        if (linkTimeout.compareTo(heartbeatInterval.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("linkTimeout must be at least two heartbeat intervals");
        }
        if (reopenAfter.compareTo(linkTimeout) < 0) {
            throw new IllegalArgumentException("reopenAfter must not be shorter than linkTimeout");
        }
        for (Duration d : new Duration[] {heartbeatInterval, minRto, helloBackoffMin, reopenBackoffMin,
                nightRetryMin, outboxPollInterval, writeStallTimeout}) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("durations must be positive");
            }
        }
        if (initialRto.compareTo(minRto) < 0 || maxRto.compareTo(initialRto) < 0
                || helloBackoffMax.compareTo(helloBackoffMin) < 0 || reopenBackoffMax.compareTo(reopenBackoffMin) < 0
                || nightRetryMax.compareTo(nightRetryMin) < 0) {
            throw new IllegalArgumentException("each maximum must be at least its minimum (and minRto <= initialRto <= maxRto)");
        }
    }

    /**
     * For a serial line at 115200 baud or faster: 1 KiB chunks, 4 frames in flight (about 0.37 s of
     * line time), a heartbeat every 2 s, the session given up after 8 s of silence.
     */
    public static LinkSettings defaults() {
        return new LinkSettings(Duration.ofSeconds(2), Duration.ofSeconds(8), Duration.ofSeconds(30),
                Duration.ofSeconds(1), Duration.ofMillis(200), Duration.ofSeconds(10), 4, 1024, 2,
                Duration.ofMillis(500), Duration.ofSeconds(10), Duration.ofMillis(500), Duration.ofSeconds(30),
                Duration.ofSeconds(5), Duration.ofMinutes(10), Duration.ofSeconds(30), Duration.ofSeconds(8));
    }

    /** Payload of one movements message after its header. */
    int movementBytesPerChunk() {
        return chunkBytes - MessageCodec.MOVEMENT_CHUNK_HEADER;
    }
}
