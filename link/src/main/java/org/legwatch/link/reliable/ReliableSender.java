package org.legwatch.link.reliable;

import java.util.ArrayList;
import java.util.List;

/**
 * The sending half of a reliable stream: sequence numbers, a window of frames awaiting
 * acknowledgement, and retransmission. A frame is resent at once when a frame sent after it has been
 * acknowledged: a serial line never reorders, so an earlier frame that is still missing was lost.
 * When acknowledgements stop coming, the frame sent longest ago is resent after the retransmission
 * timeout, which then doubles.
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
        long previousSent;
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
        boolean progress = false;
        for (int i = inFlight.size() - 1; i >= 0; i--) {
            InFlight f = inFlight.get(i);
            long bit = f.seq - next - 1;
            boolean arrived = f.seq < next || (bit >= 0 && bit < 32 && (received >>> bit & 1) != 0);
            if (arrived) {
                inFlight.remove(i);
                progress = true;
                deliveredSentAt = Math.max(deliveredSentAt, deliveredCopySentAt(f, now));
                if (!f.resent && f.firstSent > freshestSample) {
                    freshestSample = f.firstSent;
                }
            }
        }
        if (freshestSample != Long.MIN_VALUE) {
            rtt.sample(now - freshestSample);
        } else if (progress) {
            rtt.progress();
        }
        List<byte[]> lost = new ArrayList<>();
        for (InFlight f : inFlight) {
            if (f.lastSent < deliveredSentAt) {
                lost.add(resend(f, now));
            }
        }
        return lost;
    }

    /**
     * The frame to write again now because its retransmission timeout expired, if any: only the one
     * sent longest ago. The acknowledgement it draws tells which of the others are missing, and
     * those are then resent as lost; resending them all at once would mostly repeat frames whose
     * acknowledgement was merely slow.
     */
    public List<byte[]> due(long now) {
        InFlight oldest = null;
        for (InFlight f : inFlight) {
            if (oldest == null || f.lastSent < oldest.lastSent) {
                oldest = f;
            }
        }
        if (oldest == null || now - oldest.lastSent < rtt.rtoNs()) {
            return List.of();
        }
        byte[] wire = resend(oldest, now);
        rtt.backoff();
        return List.of(wire);
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

    /**
     * When the copy of {@code f} that drew this acknowledgement was sent: the last copy, unless that
     * went out less than the shortest round trip ago, in which case the acknowledgement answers the
     * copy before (as RACK, RFC 8985, tells a retransmission's acknowledgement from the original's).
     */
    private long deliveredCopySentAt(InFlight f, long now) {
        if (f.resent && now - f.lastSent < rtt.minRttNs()) {
            return f.previousSent;
        }
        return f.lastSent;
    }

    private byte[] resend(InFlight f, long now) {
        f.previousSent = f.lastSent;
        f.lastSent = now;
        f.resent = true;
        retransmissions++;
        return f.wire;
    }
}
