package org.legwatch.link.reliable;

import java.util.ArrayList;
import java.util.List;

/**
 * The sending half of a reliable stream: sequence numbers, a window of frames awaiting
 * acknowledgement, and retransmission. A frame is resent when its retransmission timeout expires,
 * or at once when a frame sent after it has been acknowledged: a serial line never reorders, so an
 * earlier frame that is still missing was lost.
 */
public final class ReliableSender {

    /** Most frames a sender may have unacknowledged: the reach of an acknowledgement's bitmap. */
    public static final int MAX_WINDOW = ReliableReceiver.WINDOW;
    /** Sequence numbers stop here; the session is then replaced by a new one. */
    public static final long LAST_SEQ = 0xFFFF_FF00L;

    private static final class InFlight {
        final long seq;
        final byte[] wire;
        final long firstSent;
        long lastSent;
        boolean resent;

        InFlight(long seq, byte[] wire, long now) {
            this.seq = seq;
            this.wire = wire;
            this.firstSent = now;
            this.lastSent = now;
        }
    }

    private final int window;
    private final RttEstimator rtt;
    private final List<InFlight> inFlight = new ArrayList<>();
    private long nextSeq = 1;
    /** Latest send time of any frame the receiver has acknowledged. */
    private long deliveredSentAt = Long.MIN_VALUE;
    private long retransmissions;

    public ReliableSender(int window, RttEstimator rtt) {
        if (window < 1 || window > MAX_WINDOW) {
            throw new IllegalArgumentException("window must be 1 to " + MAX_WINDOW + ": " + window);
        }
        this.window = window;
        this.rtt = rtt;
    }

    /** The sequence number the next new frame must carry. */
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

    /** Records that the frame {@code wire}, carrying {@link #nextSeq()}, was written. */
    public void sent(byte[] wire, long now) {
        if (!hasRoom()) {
            throw new IllegalStateException("window full");
        }
        inFlight.add(new InFlight(nextSeq++, wire, now));
    }

    /**
     * Takes an acknowledgement: every frame below {@code next}, and frame {@code next + 1 + i} for
     * each bit i of {@code received}, has arrived.
     *
     * @return frames to write again now, because a later one arrived and they did not
     */
    public List<byte[]> acknowledged(long next, int received, long now) {
        long freshestSample = Long.MIN_VALUE;
        for (int i = inFlight.size() - 1; i >= 0; i--) {
            InFlight f = inFlight.get(i);
            long bit = f.seq - next - 1;
            boolean arrived = f.seq < next || (bit >= 0 && bit < 32 && (received >>> bit & 1) != 0);
            if (arrived) {
                inFlight.remove(i);
                deliveredSentAt = Math.max(deliveredSentAt, f.lastSent);
                if (!f.resent && f.firstSent > freshestSample) {
                    freshestSample = f.firstSent;
                }
            }
        }
        if (freshestSample != Long.MIN_VALUE) {
            rtt.sample(now - freshestSample);
        }
        List<byte[]> lost = new ArrayList<>();
        for (InFlight f : inFlight) {
            if (f.lastSent < deliveredSentAt) {
                lost.add(resend(f, now));
            }
        }
        return lost;
    }

    /** Frames whose retransmission timeout has expired, to write again now. */
    public List<byte[]> due(long now) {
        List<byte[]> out = new ArrayList<>();
        long rto = rtt.rtoNs();
        for (InFlight f : inFlight) {
            if (now - f.lastSent >= rto) {
                out.add(resend(f, now));
            }
        }
        if (!out.isEmpty()) {
            rtt.backoff();
        }
        return out;
    }

    /** When {@link #due} will next have something, or {@link Long#MAX_VALUE}. */
    public long nextDeadline() {
        long rto = rtt.rtoNs();
        long at = Long.MAX_VALUE;
        for (InFlight f : inFlight) {
            at = Math.min(at, f.lastSent + rto);
        }
        return at;
    }

    private byte[] resend(InFlight f, long now) {
        f.lastSent = now;
        f.resent = true;
        retransmissions++;
        return f.wire;
    }
}
