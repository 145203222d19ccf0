package org.legwatch.link;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.legwatch.link.keys.DeviceKey;
import org.legwatch.link.message.ErrorReport;
import org.legwatch.link.message.Hello;
import org.legwatch.link.message.Message;
import org.legwatch.link.message.MessageCodec;
import org.legwatch.link.message.MessageType;
import org.legwatch.link.message.NightResult;
import org.legwatch.link.message.Welcome;
import org.legwatch.link.reliable.Backoff;
import org.legwatch.link.transport.Transport;
import org.legwatch.link.wire.Frame;
import org.legwatch.link.wire.FrameCodec;
import org.legwatch.link.wire.FrameMac;

/**
 * The device's end of the link: says hello until the host answers, then sends every night of the
 * outbox, oldest first, and tells the outbox a night is acknowledged only when the host reports it
 * stored. Runs until {@link #close()}, through cut lines, silent hosts and port failures.
 */
public final class NightSender extends LinkEndpoint {

    private final DeviceKey key;
    private final DeviceIdentity identity;
    private final NightOutbox outbox;
    private final FrameMac handshakeMac;
    private final SecureRandom random = new SecureRandom();
    private final Backoff helloBackoff;

    private byte[] helloNonce;
    private long helloAt;

    /** The outbox as last read, and how far it has been gone through. */
    private List<Night> snapshot = List.of();
    private int snapshotNext;
    private boolean reloadRequested = true;
    private long nextPoll;
    /** Nights acknowledged since the outbox was last read. */
    private final Set<String> acknowledgedSinceReload = new HashSet<>();
    /** Nights the host could not store, held back until their time. */
    private final Map<String, Long> heldUntil = new HashMap<>();
    private final Map<String, Backoff> retryBackoff = new HashMap<>();

    private NightChunker sending;
    private final Map<String, Night> awaitingResult = new LinkedHashMap<>();

    private final Object idleLock = new Object();
    private long reloads;
    private boolean idleNow;

    /**
     * @param transport the line to the host
     * @param key this device's key, from its key file
     * @param softwareVersion the device software's version, for the host's records
     * @param outbox the nights to send
     */
    public NightSender(Transport transport, DeviceKey key, String softwareVersion, NightOutbox outbox,
            LinkSettings settings) {
        super(transport, settings, "legwatch link sender " + key.deviceId());
        this.key = key;
        this.identity = new DeviceIdentity(key.deviceId(), softwareVersion, key.keyId());
        this.outbox = outbox;
        this.handshakeMac = new FrameMac(key.secret());
        this.helloBackoff = new Backoff(settings.helloBackoffMin().toNanos(), settings.helloBackoffMax().toNanos());
    }

    /** Tells the sender that the outbox has a new night, so it need not wait for its next look. */
    public void nightsAvailable() {
        post(() -> reloadRequested = true);
    }

    /**
     * Waits until the sender has looked at the outbox afresh and everything in it has been
     * acknowledged by the host.
     *
     * @return false if that did not happen within {@code timeout}
     */
    public boolean awaitAllSent(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long target;
        synchronized (idleLock) {
            target = reloads + 1;
        }
        nightsAvailable();
        synchronized (idleLock) {
            while (reloads < target || !idleNow) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                idleLock.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }

    @Override
    void connected(long now) {
        helloBackoff.reset();
        helloAt = now;
    }

    @Override
    void handshake(Connection c, Frame frame, MessageType type, long now) {
        if (type != MessageType.WELCOME) {
            counters.framesRejected.incrementAndGet();
            rejections.report(Level.WARNING, "hello", name + ": a HELLO arrived at the device; ignored", now);
            return;
        }
        if (session != null || helloNonce == null) {
            return;
        }
        if (!frame.authenticatedBy(handshakeMac)) {
            counters.framesRejected.incrementAndGet();
            rejections.report(Level.WARNING, "welcome tag", name + ": WELCOME with a wrong tag rejected: the host"
                    + " holds another key for " + key.deviceId() + ", or it is forged", now);
            return;
        }
        if (!(decodeOutsideSession(frame, "WELCOME", now) instanceof Welcome w)) {
            return;
        }
        if (!Arrays.equals(w.deviceNonce(), helloNonce) || frame.sessionId() == 0) {
            // An answer to an earlier hello, or a replayed one.
            counters.framesRejected.incrementAndGet();
            return;
        }
        counters.framesAccepted.incrementAndGet();
        beginSession(Session.open(frame.sessionId(), identity, key.secret(), helloNonce, w.hostNonce(), true, settings,
                now), now);
        helloNonce = null;
        LOG.log(Level.INFO, name + ": session " + Integer.toUnsignedString(frame.sessionId()) + " with the host over "
                + transport.describe());
    }

    @Override
    void unauthenticatedError(Connection c, Frame frame, long now) {
        if (!(decodeOutsideSession(frame, "ERROR", now) instanceof ErrorReport e)) {
            return;
        }
        // The host has no session after it restarted: routine. Anything else needs the operator.
        rejections.report(e.code() == ErrorReport.NO_SESSION ? Level.INFO : Level.WARNING, "host error " + e.code(),
                name + ": the host refuses (error " + e.code() + "): " + e.text(), now);
        if (e.code() == ErrorReport.NO_SESSION && session != null) {
            // The host lost the session (it restarted): say hello now rather than after the timeout.
            // Unauthenticated, so a forger can end sessions this way; one that can write to the line
            // can as easily garble it.
            endSession("the host has no such session");
            helloAt = now;
        }
    }

    @Override
    void strangerFrame(Connection c, Frame frame, long now) {
        rejections.report(Level.DEBUG, "stranger", name + ": frame of session "
                + Integer.toUnsignedString(frame.sessionId()) + ", which is not current; ignored", now);
    }

    @Override
    void unsupportedVersion(Connection c, long now) {
        // Nothing to answer: the host's own error frames say the same to the operator.
    }

    @Override
    boolean accepts(MessageType type) {
        return type == MessageType.NIGHT_RESULT;
    }

    @Override
    void message(Connection c, Message m, long now) {
        if (m instanceof NightResult r) {
            result(r, now);
        }
    }

    private void result(NightResult r, long now) {
        String id = r.nightId();
        boolean wasSending = sending != null && sending.night().nightId().equals(id);
        if (awaitingResult.remove(id) == null && !wasSending) {
            LOG.log(Level.DEBUG, name + ": result for night " + id + ", which is not being sent; ignored");
            return;
        }
        if (wasSending) {
            // The host answered before the night was complete: it already has it.
            sending = null;
        }
        if (!r.status().stored()) {
            counters.nightsFailed.incrementAndGet();
            long wait = hold(id, now);
            LOG.log(Level.WARNING, name + ": the host did not store night " + id + " (" + r.status() + ": " + r.reason()
                    + "); sending it again in " + wait / 1_000_000 + " ms");
            return;
        }
        (r.status() == NightResult.Status.STORED ? counters.nightsStored : counters.nightsAlreadyStored)
                .incrementAndGet();
        try {
            outbox.acknowledged(id);
            acknowledgedSinceReload.add(id);
            heldUntil.remove(id);
            retryBackoff.remove(id);
            LOG.log(Level.INFO, name + ": night " + id + (r.status() == NightResult.Status.STORED
                    ? " stored by the host" : " was already stored by the host"));
        } catch (IOException | RuntimeException e) {
            long wait = hold(id, now);
            LOG.log(Level.ERROR, name + ": night " + id + " is stored on the host, but recording that failed; it"
                    + " will be sent again in " + wait / 1_000_000 + " ms and recognised", e);
        }
    }

    private long hold(String id, long now) {
        long wait = retryBackoff.computeIfAbsent(id, k -> new Backoff(settings.nightRetryMin().toNanos(),
                settings.nightRetryMax().toNanos())).next();
        heldUntil.put(id, now + wait);
        return wait;
    }

    @Override
    void idle(Connection c, long now) throws IOException {
        if (snapshotNext >= snapshot.size() && reloadDue(now)) {
            reload(now);
        }
        if (session == null) {
            if (now - helloAt >= 0) {
                sayHello(c, now);
            }
        } else {
            fillWindow(c, now);
        }
        reportIdle();
    }

    private void sayHello(Connection c, long now) throws IOException {
        helloNonce = new byte[Hello.NONCE_BYTES];
        random.nextBytes(helloNonce);
        byte[] payload = MessageCodec.encode(new Hello(key.deviceId(), identity.softwareVersion(), key.keyId(),
                helloNonce));
        write(c, FrameCodec.encode(MessageType.HELLO.code(), 0, 0, payload, handshakeMac), now);
        helloAt = now + helloBackoff.next();
    }

    private void fillWindow(Connection c, long now) throws IOException {
        Session s = session;
        while (session == s && s.out.hasRoom()) {
            if (sending == null) {
                Night next = nextNight(now);
                if (next == null) {
                    return;
                }
                sending = new NightChunker(next, settings.chunkBytes());
            }
            NightChunker chunker = sending;
            Message m = chunker.next();
            if (!chunker.hasNext()) {
                awaitingResult.put(chunker.night().nightId(), chunker.night());
                sending = null;
            }
            sendSequenced(c, m, now);
        }
    }

    private Night nextNight(long now) {
        if (awaitingResult.size() >= settings.maxNightsAwaitingResult()) {
            return null;
        }
        while (snapshotNext < snapshot.size()) {
            Night n = snapshot.get(snapshotNext++);
            String id = n.nightId();
            Long until = heldUntil.get(id);
            if (awaitingResult.containsKey(id) || acknowledgedSinceReload.contains(id) || (until != null && now < until)) {
                continue;
            }
            // Its wait is over; its backoff stays, so that another failure waits longer.
            heldUntil.remove(id);
            return n;
        }
        return null;
    }

    private boolean reloadDue(long now) {
        if (reloadRequested || now - nextPoll >= 0) {
            return true;
        }
        for (long until : heldUntil.values()) {
            if (now - until >= 0) {
                return true;
            }
        }
        return false;
    }

    private void reload(long now) {
        reloadRequested = false;
        nextPoll = now + settings.outboxPollInterval().toNanos();
        try {
            snapshot = List.copyOf(outbox.unsentNights());
            snapshotNext = 0;
            acknowledgedSinceReload.clear();
            // Nights gone from the outbox need no retry bookkeeping.
            Set<String> ids = new HashSet<>(snapshot.stream().map(Night::nightId).toList());
            heldUntil.keySet().retainAll(ids);
            retryBackoff.keySet().retainAll(ids);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.ERROR, name + ": reading the outbox failed; trying again in "
                    + settings.outboxPollInterval().toSeconds() + " s", e);
        }
        synchronized (idleLock) {
            reloads++;
        }
    }

    private void reportIdle() {
        boolean idle = snapshotNext >= snapshot.size() && sending == null && awaitingResult.isEmpty()
                && heldUntil.isEmpty();
        synchronized (idleLock) {
            if (idle != idleNow || idle) {
                idleNow = idle;
                idleLock.notifyAll();
            }
        }
    }

    @Override
    long deadline(long now) {
        long at = nextPoll;
        if (session == null) {
            at = Math.min(at, helloAt);
        }
        for (long until : heldUntil.values()) {
            at = Math.min(at, until);
        }
        return at;
    }

    @Override
    void sessionEnded(Session s) {
        // Everything not acknowledged is still in the outbox and goes again in the next session.
        sending = null;
        awaitingResult.clear();
        snapshotNext = snapshot.size();
        reloadRequested = true;
        helloNonce = null;
        helloBackoff.reset();
        helloAt = System.nanoTime();
    }

    @Override
    void stopped() {
        synchronized (idleLock) {
            idleLock.notifyAll();
        }
    }
}
