package org.legwatch.link;

import java.util.concurrent.atomic.AtomicLong;

/** What one end of the link has done and seen since it started; read from any thread. */
public final class LinkCounters {

    final AtomicLong bytesWritten = new AtomicLong();
    final AtomicLong bytesRead = new AtomicLong();
    final AtomicLong framesWritten = new AtomicLong();
    final AtomicLong framesAccepted = new AtomicLong();
    final AtomicLong framesDamaged = new AtomicLong();
    final AtomicLong framesRejected = new AtomicLong();
    final AtomicLong framesDropped = new AtomicLong();
    final AtomicLong retransmissions = new AtomicLong();
    final AtomicLong portOpens = new AtomicLong();
    final AtomicLong sessions = new AtomicLong();
    final AtomicLong linkTimeouts = new AtomicLong();
    final AtomicLong nightsStored = new AtomicLong();
    final AtomicLong nightsAlreadyStored = new AtomicLong();
    final AtomicLong nightsFailed = new AtomicLong();

    /** Bytes written to the line, frames and delimiters included. */
    public long bytesWritten() {
        return bytesWritten.get();
    }

    /** Bytes read from the line, garbage included. */
    public long bytesRead() {
        return bytesRead.get();
    }

    public long framesWritten() {
        return framesWritten.get();
    }

    /** Frames that passed every check, duplicates included. */
    public long framesAccepted() {
        return framesAccepted.get();
    }

    /** Byte runs between delimiters that were no frame: CRC, stuffing or length wrong (line noise). */
    public long framesDamaged() {
        return framesDamaged.get();
    }

    /** Frames with a correct CRC that were refused: unknown device or session, bad tag, version. */
    public long framesRejected() {
        return framesRejected.get();
    }

    /** Frames dropped because the endpoint fell behind reading them. */
    public long framesDropped() {
        return framesDropped.get();
    }

    public long retransmissions() {
        return retransmissions.get();
    }

    /** Times the port was opened. */
    public long portOpens() {
        return portOpens.get();
    }

    /** Sessions established. */
    public long sessions() {
        return sessions.get();
    }

    /** Sessions ended because the other end fell silent. */
    public long linkTimeouts() {
        return linkTimeouts.get();
    }

    /** Nights the host reported stored now (on the device) or committed (on the host). */
    public long nightsStored() {
        return nightsStored.get();
    }

    /** Nights the host already had. */
    public long nightsAlreadyStored() {
        return nightsAlreadyStored.get();
    }

    /** Nights the host could not store or rejected (they will be sent again). */
    public long nightsFailed() {
        return nightsFailed.get();
    }

    @Override
    public String toString() {
        return "bytes written " + bytesWritten + ", read " + bytesRead + "; frames written " + framesWritten
                + ", accepted " + framesAccepted + ", damaged " + framesDamaged + ", rejected " + framesRejected
                + ", dropped " + framesDropped + "; retransmissions " + retransmissions + "; port opens " + portOpens
                + ", sessions " + sessions + ", link timeouts " + linkTimeouts + "; nights stored " + nightsStored
                + ", already stored " + nightsAlreadyStored + ", failed " + nightsFailed;
    }
}
