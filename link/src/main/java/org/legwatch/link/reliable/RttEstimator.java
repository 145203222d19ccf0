package org.legwatch.link.reliable;

/**
 * The retransmission timeout from measured round trips, after RFC 6298: smoothed round trip plus
 * four times its variation, clamped, doubled on every timeout. Unlike TCP, which keeps the doubled timeout until a fresh
 * measurement, any acknowledgement that makes progress undoes the doubling: the line is a private
 * point-to-point one, the backoff only spares a dead line, and on a noisy line where most frames
 * need a second try fresh measurements are rare.
 */
public final class RttEstimator {

    private final long minRtoNs;
    private final long maxRtoNs;
    private long srtt = -1;
    private long rttvar;
    private long rto;
    private long backedOff;

    public RttEstimator(long initialRtoNs, long minRtoNs, long maxRtoNs) {
        if (minRtoNs <= 0 || minRtoNs > maxRtoNs || initialRtoNs < minRtoNs || initialRtoNs > maxRtoNs) {
            throw new IllegalArgumentException("need 0 < min <= initial <= max for the retransmission timeout");
        }
        this.minRtoNs = minRtoNs;
        this.maxRtoNs = maxRtoNs;
        this.rto = initialRtoNs;
    }

    public void sample(long rttNs) {
        long r = Math.max(0, rttNs);
        if (srtt < 0) {
            srtt = r;
            rttvar = r / 2;
        } else {
            rttvar = (3 * rttvar + Math.abs(srtt - r)) / 4;
            srtt = (7 * srtt + r) / 8;
        }
        rto = clamp(srtt + 4 * rttvar);
        backedOff = 0;
    }

    /** A retransmission timed out: wait twice as long next time. */
    public void backoff() {
        long current = rtoNs();
        backedOff = current > maxRtoNs / 2 ? maxRtoNs : Math.min(maxRtoNs, 2 * current);
    }

    /** Frames got through: back to the measured timeout. */
    public void progress() {
        backedOff = 0;
    }

    public long rtoNs() {
        return backedOff != 0 ? backedOff : rto;
    }

    /** The smoothed round trip, or -1 before the first measurement. */
    public long smoothedRttNs() {
        return srtt;
    }

    private long clamp(long v) {
        return Math.max(minRtoNs, Math.min(maxRtoNs, v));
    }
}
