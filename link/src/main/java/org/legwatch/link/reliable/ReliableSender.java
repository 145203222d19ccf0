package org.legwatch.link.reliable;

import java.util.ArrayList;
import java.util.List;

/**
 * The sending half of a reliable stream: message sequence numbers, a window of messages awaiting
 * acknowledgement, and retransmission. Every copy of a message goes out in a frame of its own
 * number, and each acknowledgement names the newest frame that arrived, so there is no doubt which
 * copy arrived.
 *
 * <p>A message is resent at once when the acknowledgement names a frame sent after its last copy:
 * a serial line never reorders, so that copy was lost. When acknowledgements stop coming, the oldest
 * unacknowledged message is resent after the retransmission timeout, which then doubles. As in TCP
 * (RFC 6298, 5.3) the timer restarts whenever an acknowledgement brings news, so messages queued
 * behind others on a slow line are not resent merely for waiting their turn.
 */
public final class ReliableSender {

    /** Most messages a sender may have unacknowledged: the reach of an acknowledgement's bitmap. */
    public static final int MAX_WINDOW = ReliableReceiver.WINDOW;
    /** Sequence numbers stop here; the session is then replaced by a new one. */
    public static final long LAST_SEQ = 0xFFFF_FF00L;

    /** A message awaiting acknowledgement. */
    public static final class Outgoing {
        private final long seq;
        private final int type;
        private final byte[] payload;
        private long frameNumber;
        private long sentAt;
        private int copies;

        Outgoing(long seq, int type, byte[] payload) {
            this.seq = seq;
            this.type = type;
            this.payload = payload;
        }

        public long seq() {
            return seq;
        }

        public int type() {
            return type;
        }

        /** The payload to frame, sequence number included. */
        public byte[] payload() {
            return payload;
        }
    }

    private final int window;
    private final RttEstimator rtt;
    private final List<Outgoing> inFlight = new ArrayList<>();
    private long nextSeq = 1;
    /** When the retransmission timer started; it runs while messages are unacknowledged. */
    private long timerStart;
    private long retransmissions;

    public ReliableSender(int window, RttEstimator rtt) {
        if (window < 1 || window > MAX_WINDOW) {
            throw new IllegalArgumentException("window must be 1 to " + MAX_WINDOW + ": " + window);
        }
        this.window = window;
        this.rtt = rtt;
    }

    /** The sequence number the next new message must carry. */
    public long nextSeq() {
        return nextSeq;
    }

    public boolean hasRoom() {
        return inFlight.size() < window && nextSeq <= LAST_SEQ;
    }

    /** Whether the sequence numbers are used up, so the session must be replaced. */
    public boolean exhausted() {
        return nextSeq > LAST_SEQ;
    }

    public int inFlight() {
        return inFlight.size();
    }

    public long retransmissions() {
        return retransmissions;
    }

    /**
     * Takes a new message, numbered {@link #nextSeq()}; the caller frames it and reports the frame
     * with {@link #transmitted}.
     */
    public Outgoing add(int type, byte[] payload, long now) {
        if (!hasRoom()) {
            throw new IllegalStateException("window full");
        }
        if (inFlight.isEmpty()) {
            timerStart = now;
        }
        Outgoing o = new Outgoing(nextSeq++, type, payload);
        inFlight.add(o);
        return o;
    }

    /** A copy of {@code o} went out in frame {@code frameNumber}. */
    public void transmitted(Outgoing o, long frameNumber, long now) {
        if (o.copies++ > 0) {
            retransmissions++;
        }
        o.frameNumber = frameNumber;
        o.sentAt = now;
    }

    /**
     * Takes an acknowledgement: every message below {@code next}, and message {@code next + 1 + i}
     * for each bit i of {@code received}, has arrived; {@code latestFrame} is the newest frame that
     * did.
     *
     * @return messages whose last copy was lost, to send again now
     */
    public List<Outgoing> acknowledged(long next, int received, long latestFrame, long now) {
        boolean progress = false;
        for (int i = inFlight.size() - 1; i >= 0; i--) {
            Outgoing o = inFlight.get(i);
            long bit = o.seq - next - 1;
            if (o.seq < next || (bit >= 0 && bit < 32 && (received >>> bit & 1) != 0)) {
                inFlight.remove(i);
                progress = true;
                if (o.frameNumber == latestFrame && o.copies > 0) {
                    rtt.sample(now - o.sentAt);
                }
            }
        }
        if (progress) {
            rtt.progress();
            timerStart = now;
        }
        List<Outgoing> lost = new ArrayList<>();
        for (Outgoing o : inFlight) {
            if (o.copies > 0 && o.frameNumber < latestFrame) {
                lost.add(o);
            }
        }
        return lost;
    }

    /**
     * The message to send again now because the retransmission timer expired, if any: only the
     * oldest unacknowledged one. The acknowledgement it draws tells which of the others are missing.
     */
    public List<Outgoing> due(long now) {
        if (inFlight.isEmpty() || now - timerStart < rtt.rtoNs()) {
            return List.of();
        }
        rtt.backoff();
        timerStart = now;
        return List.of(inFlight.get(0));
    }

    /** When {@link #due} will next have something, or {@link Long#MAX_VALUE}. */
    public long nextDeadline() {
        return inFlight.isEmpty() ? Long.MAX_VALUE : timerStart + rtt.rtoNs();
    }
}
