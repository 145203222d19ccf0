package org.legwatch.link;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.legwatch.link.message.Ack;
import org.legwatch.link.message.ErrorReport;
import org.legwatch.link.message.Heartbeat;
import org.legwatch.link.message.Message;
import org.legwatch.link.message.MessageCodec;
import org.legwatch.link.message.MessageType;
import org.legwatch.link.reliable.Backoff;
import org.legwatch.link.reliable.ReliableSender;
import org.legwatch.link.transport.LinkChannel;
import org.legwatch.link.transport.Transport;
import org.legwatch.link.wire.Frame;
import org.legwatch.link.wire.FrameCodec;
import org.legwatch.link.wire.WireFormatException;
import org.legwatch.link.wire.WireReader;
import org.legwatch.link.wire.WireWriter;

/**
 * What both ends of the link share: opening the port and opening it again after it fails, the event
 * loop that owns all protocol state, frame checks, the session's reliable streams, acknowledgements,
 * retransmissions, heartbeats and the silence timeouts. Subclasses supply the handshake role and
 * what to do with messages.
 *
 * <p>Threads: one loop thread runs {@link #run()} and is the only one to touch protocol state; a
 * reader thread per opened port feeds it frames through the event queue; other threads talk to it
 * only by posting tasks.
 */
abstract class LinkEndpoint implements Runnable, AutoCloseable {

    static final Logger LOG = System.getLogger("org.legwatch.link");
    /** Longest the loop sleeps, so that a missed deadline costs at most this. */
    private static final long MAX_SLEEP_NS = TimeUnit.MILLISECONDS.toNanos(250);
    private static final Object WAKE = new Object();
    /** Events handled before the timers get a turn. */
    private static final int MAX_EVENTS_PER_TURN = 64;

    final Transport transport;
    final LinkSettings settings;
    final LinkCounters counters = new LinkCounters();
    final RejectionLog rejections = new RejectionLog(LOG, TimeUnit.SECONDS.toNanos(10));
    final String name;
    private final BlockingQueue<Object> events = new LinkedBlockingQueue<>();
    private final Deque<Message> queued = new ArrayDeque<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean stopping;
    private volatile Connection connection;
    private volatile Thread loopThread;
    /** The session in progress, or null; loop thread only. */
    Session session;
    /** When the last authentic frame arrived on the open port. */
    long lastAuthentic;
    /** A sequenced frame arrived since the last acknowledgement was sent. */
    private boolean ackOwed;
    /** When the last acknowledgement is sent again, or {@link Long#MAX_VALUE}. */
    private long ackRepeatAt = Long.MAX_VALUE;

    LinkEndpoint(Transport transport, LinkSettings settings, String name) {
        this.transport = transport;
        this.settings = settings;
        this.name = name;
    }

    /** Counters of what this end did and saw. */
    public LinkCounters counters() {
        return counters;
    }

    /** Runs {@link #run()} on a new thread named after this end, and returns. */
    public void start() {
        Thread t = Thread.ofPlatform().name(name).unstarted(this);
        loopThread = t;
        t.start();
    }

    /**
     * Opens the port, keeps a session going and does this end's work until {@link #close()}; opens
     * the port again whenever it fails or falls silent.
     */
    @Override
    public final void run() {
        if (!running.compareAndSet(false, true)) {
            throw new IllegalStateException(name + " is already running");
        }
        loopThread = Thread.currentThread();
        Backoff reopen = new Backoff(settings.reopenBackoffMin().toNanos(), settings.reopenBackoffMax().toNanos());
        int failedOpens = 0;
        try {
            while (!stopping) {
                LinkChannel channel;
                try {
                    channel = transport.open();
                } catch (IOException e) {
                    long wait = reopen.next();
                    // The first failure is news; the same failure every half minute for a week is not.
                    LOG.log(failedOpens++ == 0 ? Level.WARNING : Level.DEBUG, name + ": " + e.getMessage()
                            + "; trying again in " + wait / 1_000_000 + " ms");
                    pause(wait);
                    continue;
                }
                counters.portOpens.incrementAndGet();
                LOG.log(Level.INFO, name + ": opened " + transport.describe()
                        + (failedOpens > 0 ? " after " + failedOpens + " failed attempts" : ""));
                failedOpens = 0;
                Connection c = new Connection(channel, name, events, counters, rejections,
                        settings.writeStallTimeout().toNanos());
                connection = c;
                c.start();
                boolean heard;
                try {
                    heard = serve(c);
                } catch (IOException e) {
                    heard = false;
                    if (!stopping) {
                        LOG.log(Level.WARNING, name + ": " + transport.describe() + " failed: " + describe(e)
                                + "; opening it again");
                    }
                } catch (RuntimeException e) {
                    // A defect, not line trouble. The service must outlive it: report it in full and
                    // start again with a fresh port and session; nothing unacknowledged is lost.
                    heard = false;
                    LOG.log(Level.ERROR, name + ": internal error; closing the port and starting again", e);
                } finally {
                    endSession("port closed");
                    connection = null;
                    c.close();
                }
                if (heard) {
                    reopen.reset();
                }
                if (!stopping) {
                    pause(reopen.next());
                }
            }
        } finally {
            stopped();
            finished.countDown();
        }
    }

    private static String describe(IOException e) {
        return e.getCause() == null ? e.getMessage() : e.getMessage() + " (" + e.getCause() + ")";
    }

    /**
     * Stops this end: the port is closed, the loop ends, and this returns when it has (within 60 s).
     */
    @Override
    public void close() {
        stopping = true;
        events.add(WAKE);
        Connection c = connection;
        if (c != null) {
            c.close();
        }
        if (running.get() && Thread.currentThread() != loopThread) {
            try {
                if (!finished.await(60, TimeUnit.SECONDS)) {
                    LOG.log(Level.WARNING, name + ": did not stop within 60 s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Runs {@code task} on the loop thread. */
    void post(Runnable task) {
        events.add(task);
    }

    /** Waits {@code ns} while the port is closed, running posted tasks. */
    private void pause(long ns) {
        long until = System.nanoTime() + ns;
        try {
            for (long left = ns; left > 0 && !stopping; left = until - System.nanoTime()) {
                Object ev = events.poll(left, TimeUnit.NANOSECONDS);
                if (ev instanceof Runnable task) {
                    task.run();
                }
            }
        } catch (InterruptedException e) {
            stopping = true;
        }
    }

    /**
     * The loop while the port is open.
     *
     * @return whether an authentic frame arrived while it was open; false when it is closed because
     *     nothing authentic was heard for {@link LinkSettings#reopenAfter()}
     * @throws IOException when the line failed
     */
    private boolean serve(Connection c) throws IOException {
        long now = System.nanoTime();
        long openedAt = now;
        lastAuthentic = now;
        connected(now);
        while (!stopping) {
            long sleep = Math.min(MAX_SLEEP_NS, Math.max(0, nextDeadline(now) - now));
            Object ev;
            try {
                ev = events.poll(sleep, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                stopping = true;
                break;
            }
            // Everything that is waiting is handled before the timers, so that a burst of frames is
            // answered by one acknowledgement.
            for (int n = 0; ev != null && n < MAX_EVENTS_PER_TURN; n++) {
                handle(c, ev, System.nanoTime());
                ev = events.poll();
            }
            if (ev != null) {
                handle(c, ev, System.nanoTime());
            }
            now = System.nanoTime();
            if (now - lastAuthentic >= settings.reopenAfter().toNanos()) {
                LOG.log(Level.DEBUG, name + ": nothing authentic heard for " + settings.reopenAfter().toSeconds()
                        + " s; opening the port again");
                return lastAuthentic != openedAt;
            }
            tick(c, now);
        }
        return true;
    }

    private long ackRepeatDelay() {
        return settings.minRto().toNanos() / 2;
    }

    private void handle(Connection c, Object ev, long now) throws IOException {
        if (ev instanceof Connection.Inbound in) {
            if (in.from() == c) {
                frame(c, in.frame(), now);
            }
        } else if (ev instanceof Connection.Failed f) {
            if (f.from() == c) {
                throw f.cause();
            }
        } else if (ev instanceof Runnable task) {
            task.run();
        }
    }

    private long nextDeadline(long now) {
        long at = lastAuthentic + settings.reopenAfter().toNanos();
        Session s = session;
        if (s != null) {
            at = Math.min(at, s.lastReceived + settings.linkTimeout().toNanos());
            at = Math.min(at, s.lastSent + settings.heartbeatInterval().toNanos());
            at = Math.min(at, s.out.nextDeadline());
            at = Math.min(at, ackRepeatAt);
        }
        return Math.min(at, deadline(now));
    }

    private void tick(Connection c, long now) throws IOException {
        Session s = session;
        if (s != null && (ackOwed || (ackRepeatAt != Long.MAX_VALUE && now - ackRepeatAt >= 0))) {
            // Every acknowledgement goes out a second time a little later: a lost one would cost the
            // other end a retransmission timeout, and this direction is nearly idle.
            ackRepeatAt = ackOwed ? now + ackRepeatDelay() : Long.MAX_VALUE;
            ackOwed = false;
            send(c, new Ack(s.in.next(), s.in.receivedBits(), s.latestReceived), now);
        }
        if (s != null && now - s.lastReceived >= settings.linkTimeout().toNanos()) {
            counters.linkTimeouts.incrementAndGet();
            endSession("nothing heard for " + settings.linkTimeout().toMillis() + " ms");
            s = null;
        }
        if (s != null) {
            for (ReliableSender.Outgoing o : s.out.due(now)) {
                retransmit(c, o, now);
            }
            if ((s.out.exhausted() && s.out.inFlight() == 0) || s.nextFrame > Session.LAST_FRAME) {
                endSession("sequence numbers used up");
            }
        }
        idle(c, now);
        s = session;
        if (s != null) {
            while (!queued.isEmpty() && s.out.hasRoom()) {
                sendSequenced(c, queued.poll(), now);
            }
            if (now - s.lastSent >= settings.heartbeatInterval().toNanos()) {
                send(c, Heartbeat.INSTANCE, now);
            }
        }
    }

    private void frame(Connection c, Frame frame, long now) throws IOException {
        if (frame.version() != FrameCodec.VERSION) {
            counters.framesRejected.incrementAndGet();
            rejections.report(Level.WARNING, "version", name + ": frame of protocol version " + frame.version()
                    + " rejected; this end speaks version " + FrameCodec.VERSION, now);
            unsupportedVersion(c, now);
            return;
        }
        MessageType type = MessageType.of(frame.type());
        if (type == MessageType.HELLO || type == MessageType.WELCOME) {
            handshake(c, frame, type, now);
            return;
        }
        if (type == MessageType.ERROR && frame.sessionId() == 0) {
            unauthenticatedError(c, frame, now);
            return;
        }
        Session s = session;
        if (s == null || frame.sessionId() != s.id) {
            counters.framesRejected.incrementAndGet();
            strangerFrame(c, frame, now);
            return;
        }
        if (!frame.authenticatedBy(s.receiveMac)) {
            counters.framesRejected.incrementAndGet();
            rejections.report(Level.WARNING, "bad tag", name + ": frame with a wrong tag in session "
                    + Integer.toUnsignedString(s.id) + " rejected (forged, or sent the other way)", now);
            return;
        }
        if (frame.frameNumber() <= s.latestReceived) {
            counters.framesRejected.incrementAndGet();
            rejections.report(Level.WARNING, "replay", name + ": frame " + frame.frameNumber() + " of session "
                    + Integer.toUnsignedString(s.id) + " refused: frame " + s.latestReceived
                    + " came already (a replay)", now);
            return;
        }
        s.latestReceived = frame.frameNumber();
        counters.framesAccepted.incrementAndGet();
        lastAuthentic = now;
        s.lastReceived = now;
        Message m;
        long seq = 0;
        try {
            WireReader payload = frame.payload();
            if (type != null && type.sequenced()) {
                seq = payload.u32("message sequence number");
            }
            m = MessageCodec.decode(frame.type(), payload);
        } catch (WireFormatException e) {
            protocolViolation(c, "malformed " + (type == null ? "message" : type) + ": " + e.getMessage(), now);
            return;
        }
        if (m.type().sequenced() && !accepts(m.type())) {
            protocolViolation(c, m.type() + " is not sent to this end", now);
            return;
        }
        switch (m) {
            case Heartbeat hb -> { }
            case Ack a -> {
                for (ReliableSender.Outgoing o : s.out.acknowledged(a.next(), a.received(), a.latestFrame(), now)) {
                    retransmit(c, o, now);
                }
            }
            case ErrorReport e -> peerError(e, now);
            default -> {
                if (seq == 0) {
                    protocolViolation(c, m.type() + " with sequence number 0", now);
                    return;
                }
                List<Message> ready = s.in.accept(seq, m);
                ackOwed = true;
                for (Message r : ready) {
                    if (session != s) {
                        break;
                    }
                    message(c, r, now);
                }
            }
        }
    }

    /** The peer told us of an error in the session. */
    private void peerError(ErrorReport e, long now) {
        rejections.report(Level.WARNING, "peer error " + e.code(), name + ": the other end reports error " + e.code()
                + ": " + e.text(), now);
        if (e.code() == ErrorReport.PROTOCOL_VIOLATION || e.code() == ErrorReport.NO_SESSION) {
            endSession("the other end gave it up");
        }
    }

    void protocolViolation(Connection c, String reason, long now) throws IOException {
        counters.framesRejected.incrementAndGet();
        LOG.log(Level.WARNING, name + ": protocol violation in session " + Integer.toUnsignedString(session.id) + ": "
                + reason + "; ending the session");
        send(c, new ErrorReport(ErrorReport.PROTOCOL_VIOLATION, reason), now);
        endSession("protocol violation");
    }

    /**
     * Decodes a frame that arrived outside a session (a handshake or an unauthenticated error);
     * null, counted and logged, if it does not decode.
     */
    Message decodeOutsideSession(Frame frame, String what, long now) {
        try {
            return MessageCodec.decode(frame.type(), frame.payload());
        } catch (WireFormatException e) {
            counters.framesRejected.incrementAndGet();
            rejections.report(Level.WARNING, "malformed " + what, name + ": malformed " + what + " rejected: "
                    + e.getMessage(), now);
            return null;
        }
    }

    /** Ends the session, if any. */
    void endSession(String why) {
        Session s = session;
        if (s == null) {
            return;
        }
        session = null;
        queued.clear();
        ackOwed = false;
        ackRepeatAt = Long.MAX_VALUE;
        LOG.log(Level.INFO, name + ": session " + Integer.toUnsignedString(s.id) + " ended: " + why);
        sessionEnded(s);
    }

    /** Starts a session, replacing any. */
    void beginSession(Session s, long now) {
        endSession("replaced by a new session");
        session = s;
        lastAuthentic = now;
        counters.sessions.incrementAndGet();
    }

    /** Sends a sequenced message as soon as the window has room. */
    void queue(Message m) {
        queued.add(m);
    }

    /** Sends a sequenced message now; the window must have room. */
    void sendSequenced(Connection c, Message m, long now) throws IOException {
        Session s = session;
        byte[] body = MessageCodec.encode(m);
        byte[] payload = new WireWriter(body.length + 4).i32((int) s.out.nextSeq()).bytes(body).toByteArray();
        ReliableSender.Outgoing o = s.out.add(m.type().code(), payload, now);
        s.out.transmitted(o, s.nextFrame, now);
        transmit(c, o.type(), o.payload(), now);
    }

    private void retransmit(Connection c, ReliableSender.Outgoing o, long now) throws IOException {
        counters.retransmissions.incrementAndGet();
        session.out.transmitted(o, session.nextFrame, now);
        transmit(c, o.type(), o.payload(), now);
    }

    /** Sends an unsequenced message in the session. */
    void send(Connection c, Message m, long now) throws IOException {
        transmit(c, m.type().code(), MessageCodec.encode(m), now);
    }

    /** Writes a frame of the session under its next frame number. */
    private void transmit(Connection c, int type, byte[] payload, long now) throws IOException {
        Session s = session;
        write(c, FrameCodec.encode(type, s.id, s.nextFrame++, payload, s.sendMac), now);
    }

    void write(Connection c, byte[] wire, long now) throws IOException {
        c.write(wire);
        Session s = session;
        if (s != null) {
            s.lastSent = now;
        }
    }

    /** The port was opened. */
    abstract void connected(long now) throws IOException;

    /** A HELLO or WELCOME arrived (not yet authenticated). */
    abstract void handshake(Connection c, Frame frame, MessageType type, long now) throws IOException;

    /** An ERROR outside any session arrived; it cannot be authenticated. */
    abstract void unauthenticatedError(Connection c, Frame frame, long now) throws IOException;

    /** A frame of a session this end does not have. */
    abstract void strangerFrame(Connection c, Frame frame, long now) throws IOException;

    /** A frame of an unsupported protocol version arrived. */
    abstract void unsupportedVersion(Connection c, long now) throws IOException;

    /** Whether this end receives sequenced messages of this type. */
    abstract boolean accepts(MessageType type);

    /** A sequenced message, in order, exactly once per session. */
    abstract void message(Connection c, Message m, long now) throws IOException;

    /** After every event and timer: this end's own work. */
    abstract void idle(Connection c, long now) throws IOException;

    /** The earliest time {@link #idle} has something to do, or {@link Long#MAX_VALUE}. */
    abstract long deadline(long now);

    /** The session {@code s} ended; forget what belonged to it. */
    abstract void sessionEnded(Session s);

    /** The loop ended. */
    abstract void stopped();
}
