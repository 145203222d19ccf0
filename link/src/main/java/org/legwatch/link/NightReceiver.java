package org.legwatch.link;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.legwatch.link.keys.DeviceKey;
import org.legwatch.link.keys.DeviceKeys;
import org.legwatch.link.message.ErrorReport;
import org.legwatch.link.message.Hello;
import org.legwatch.link.message.Message;
import org.legwatch.link.message.MessageCodec;
import org.legwatch.link.message.MessageType;
import org.legwatch.link.message.MovementChunk;
import org.legwatch.link.message.NightEnd;
import org.legwatch.link.message.NightHeader;
import org.legwatch.link.message.NightResult;
import org.legwatch.link.message.SummaryPart;
import org.legwatch.link.message.Welcome;
import org.legwatch.link.transport.Transport;
import org.legwatch.link.wire.Frame;
import org.legwatch.link.wire.FrameCodec;
import org.legwatch.link.wire.FrameMac;

/**
 * The host's end of the link: answers the hello of any device in its key registry, puts nights
 * back together, hands each complete night to the inbox and reports the outcome to the device only
 * after the inbox has committed it (or already had it). Frames of unknown devices, with wrong tags
 * or of other sessions are refused and logged with the reason. Runs until {@link #close()}.
 *
 * <p>The inbox is called on a thread of its own, so a slow store does not hold up acknowledgements
 * and heartbeats; at most {@link #MAX_PENDING_COMMITS} nights wait for it.
 */
public final class NightReceiver extends LinkEndpoint {

    /**
     * Nights handed to the inbox and not yet answered beyond which the host asks the device to send
     * them again later: bounds the memory a device can make the host hold.
     */
    static final int MAX_PENDING_COMMITS = 16;
    /** Early "already stored?" questions waiting for the inbox beyond which no more are asked. */
    static final int MAX_PENDING_CHECKS = 16;

    private final DeviceKeys keys;
    private final NightInbox inbox;
    private final ExecutorService inboxThread;
    private final SecureRandom random = new SecureRandom();

    private NightAssembler assembling;
    /** Whether the night being received turned out to be stored already and is answered. */
    private boolean answered;
    private int pendingCommits;
    private int pendingChecks;
    private long lastUnauthenticatedReply = Long.MIN_VALUE / 2;

    public NightReceiver(Transport transport, DeviceKeys keys, NightInbox inbox, LinkSettings settings) {
        super(transport, settings, "legwatch link receiver " + transport.describe());
        this.keys = keys;
        this.inbox = inbox;
        this.inboxThread = Executors.newSingleThreadExecutor(r -> Thread.ofPlatform().name(name + " inbox")
                .daemon().unstarted(r));
    }

    @Override
    void connected(long now) {
        // The device speaks first.
    }

    @Override
    void handshake(Connection c, Frame frame, MessageType type, long now) throws IOException {
        if (type != MessageType.HELLO) {
            counters.framesRejected.incrementAndGet();
            rejections.report(Level.WARNING, "welcome", name + ": a WELCOME arrived at the host; ignored", now);
            return;
        }
        if (!(decodeOutsideSession(frame, "HELLO", now) instanceof Hello hello)) {
            return;
        }
        String device = hello.deviceId();
        Optional<DeviceKey> known = keys.lookup(device);
        if (known.isEmpty()) {
            refuse(c, now, "unknown " + device, ErrorReport.UNKNOWN_DEVICE, "device " + device
                    + " is not paired with this host", "; pair it with legwatch pair");
            return;
        }
        DeviceKey key = known.get();
        if (key.keyId() != hello.keyId()) {
            refuse(c, now, "key id " + device, ErrorReport.KEY_MISMATCH, "device " + device + " uses key "
                    + hello.keyId() + ", this host holds key " + key.keyId(), "; pair the device again");
            return;
        }
        FrameMac deviceMac = new FrameMac(key.secret());
        if (!frame.authenticatedBy(deviceMac)) {
            refuse(c, now, "bad hello tag " + device, ErrorReport.BAD_MAC, "HELLO of device " + device
                    + " has a wrong tag", ": its key file differs from the registry's, or the frame is forged");
            return;
        }
        counters.framesAccepted.incrementAndGet();
        int id;
        do {
            id = random.nextInt();
        } while (id == 0);
        byte[] hostNonce = new byte[Hello.NONCE_BYTES];
        random.nextBytes(hostNonce);
        DeviceIdentity identity = new DeviceIdentity(device, hello.softwareVersion(), hello.keyId());
        beginSession(Session.open(id, identity, key.secret(), hello.nonce(), hostNonce, false, settings, now), now);
        byte[] payload = MessageCodec.encode(new Welcome(hello.nonce(), hostNonce));
        write(c, FrameCodec.encode(MessageType.WELCOME.code(), id, 0, payload, deviceMac), now);
        LOG.log(Level.INFO, name + ": session " + Integer.toUnsignedString(id) + " with device " + device
                + " (software " + hello.softwareVersion() + ", key " + hello.keyId() + ")");
    }

    /** Refuses a hello: logs why, and tells the device (unauthenticated, at most once per heartbeat interval). */
    private void refuse(Connection c, long now, String kind, int code, String text, String advice) throws IOException {
        counters.framesRejected.incrementAndGet();
        rejections.report(Level.WARNING, kind, name + ": " + text + advice + "; HELLO rejected", now);
        replyUnauthenticated(c, code, text, now);
    }

    private void replyUnauthenticated(Connection c, int code, String text, long now) throws IOException {
        if (now - lastUnauthenticatedReply < settings.heartbeatInterval().toNanos()) {
            return;
        }
        lastUnauthenticatedReply = now;
        write(c, FrameCodec.encode(MessageType.ERROR.code(), 0, 0, MessageCodec.encode(new ErrorReport(code, text)),
                null), now);
    }

    @Override
    void unauthenticatedError(Connection c, Frame frame, long now) {
        counters.framesRejected.incrementAndGet();
        rejections.report(Level.DEBUG, "unauthenticated error", name + ": unauthenticated ERROR ignored", now);
    }

    @Override
    void strangerFrame(Connection c, Frame frame, long now) throws IOException {
        rejections.report(Level.INFO, "stranger", name + ": frame of session "
                + Integer.toUnsignedString(frame.sessionId()) + ", which this host does not have (it restarted, or"
                + " the session timed out); asking the device to say hello", now);
        replyUnauthenticated(c, ErrorReport.NO_SESSION, "no such session; say hello", now);
    }

    @Override
    void unsupportedVersion(Connection c, long now) throws IOException {
        replyUnauthenticated(c, ErrorReport.UNSUPPORTED_VERSION, "this host speaks protocol version "
                + FrameCodec.VERSION, now);
    }

    @Override
    boolean accepts(MessageType type) {
        return type == MessageType.NIGHT_START || type == MessageType.MOVEMENTS || type == MessageType.SUMMARY
                || type == MessageType.NIGHT_END;
    }

    @Override
    void message(Connection c, Message m, long now) throws IOException {
        switch (m) {
            case NightHeader h -> {
                if (assembling != null && !answered) {
                    LOG.log(Level.WARNING, name + ": night " + assembling.nightId() + " of device "
                            + session.device.deviceId() + " was abandoned before its end");
                }
                assembling = new NightAssembler(h);
                answered = false;
                checkStoredEarly(session, h.nightId());
            }
            case MovementChunk chunk -> {
                if (assembling == null) {
                    protocolViolation(c, "MOVEMENTS outside a night", now);
                } else if (!answered) {
                    assembling.add(chunk);
                }
            }
            case SummaryPart part -> {
                if (assembling == null) {
                    protocolViolation(c, "SUMMARY outside a night", now);
                } else if (!answered) {
                    assembling.add(part);
                }
            }
            case NightEnd end -> {
                if (assembling == null) {
                    protocolViolation(c, "NIGHT_END outside a night", now);
                    return;
                }
                NightAssembler night = assembling;
                boolean done = answered;
                assembling = null;
                if (!done) {
                    finish(night, end);
                }
            }
            default -> throw new IllegalArgumentException("not a message to the host: " + m.type());
        }
    }

    /**
     * Asks the inbox whether the night just begun is stored already; if so, and it is still being
     * received, the device is told at once and can skip the rest.
     */
    private void checkStoredEarly(Session s, String nightId) {
        if (pendingChecks >= MAX_PENDING_CHECKS) {
            return;
        }
        pendingChecks++;
        String device = s.device.deviceId();
        inboxThread.execute(() -> {
            boolean stored;
            try {
                stored = inbox.contains(device, nightId);
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, name + ": asking the store for night " + nightId + " of device " + device
                        + " failed; the night is received in full", e);
                stored = false;
            }
            boolean found = stored;
            post(() -> {
                pendingChecks--;
                if (found && session == s && assembling != null && !answered && assembling.nightId().equals(nightId)) {
                    answered = true;
                    counters.nightsAlreadyStored.incrementAndGet();
                    LOG.log(Level.INFO, name + ": night " + nightId + " of device " + device + " is already stored");
                    queue(new NightResult(nightId, NightResult.Status.ALREADY_STORED, ""));
                }
            });
        });
    }

    private void finish(NightAssembler assembler, NightEnd end) {
        Session s = session;
        Night night;
        try {
            night = assembler.finish(end);
        } catch (InconsistentNightException e) {
            counters.nightsFailed.incrementAndGet();
            LOG.log(Level.WARNING, name + ": night " + assembler.nightId() + " of device " + s.device.deviceId()
                    + " rejected: " + e.getMessage());
            queue(new NightResult(assembler.nightId(), NightResult.Status.REJECTED, e.getMessage()));
            return;
        }
        if (pendingCommits >= MAX_PENDING_COMMITS) {
            counters.nightsFailed.incrementAndGet();
            queue(new NightResult(night.nightId(), NightResult.Status.STORE_FAILED, "host busy"));
            return;
        }
        pendingCommits++;
        inboxThread.execute(() -> {
            NightResult result = commit(s.device, night);
            post(() -> {
                pendingCommits--;
                if (session == s) {
                    queue(result);
                } else {
                    LOG.log(Level.INFO, name + ": night " + night.nightId() + " of device " + s.device.deviceId()
                            + ": " + result.status() + "; the session ended before the device heard it, so it will"
                            + " send the night again and be told then");
                }
            });
        });
    }

    /** On the inbox thread. */
    private NightResult commit(DeviceIdentity device, Night night) {
        String id = night.nightId();
        try {
            if (inbox.contains(device.deviceId(), id)) {
                counters.nightsAlreadyStored.incrementAndGet();
                LOG.log(Level.INFO, name + ": night " + id + " of device " + device.deviceId() + " is already stored");
                return new NightResult(id, NightResult.Status.ALREADY_STORED, "");
            }
            inbox.commit(device, night);
            counters.nightsStored.incrementAndGet();
            LOG.log(Level.INFO, name + ": night " + id + " of device " + device.deviceId() + " stored ("
                    + night.movements().size() + " movements)");
            return new NightResult(id, NightResult.Status.STORED, "");
        } catch (IOException | RuntimeException e) {
            counters.nightsFailed.incrementAndGet();
            LOG.log(Level.ERROR, name + ": storing night " + id + " of device " + device.deviceId()
                    + " failed; the device will send it again", e);
            return new NightResult(id, NightResult.Status.STORE_FAILED, String.valueOf(e.getMessage()));
        }
    }

    @Override
    void idle(Connection c, long now) {
        // The host only answers.
    }

    @Override
    long deadline(long now) {
        return Long.MAX_VALUE;
    }

    @Override
    void sessionEnded(Session s) {
        assembling = null;
        answered = false;
    }

    @Override
    void stopped() {
        inboxThread.shutdown();
        try {
            if (!inboxThread.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.log(Level.WARNING, name + ": the inbox did not finish within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
