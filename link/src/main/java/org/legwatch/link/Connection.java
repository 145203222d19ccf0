package org.legwatch.link;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.concurrent.BlockingQueue;
import org.legwatch.link.transport.LinkChannel;
import org.legwatch.link.wire.Frame;
import org.legwatch.link.wire.FrameDecoder;

/**
 * One opening of the port: a reader thread that turns incoming bytes into frames for the endpoint's
 * event queue, and the writes of the endpoint's thread. The reader also watches the writes: jSerialComm
 * cannot time out a write on Linux, so a write blocked past the stall timeout gets the port closed,
 * which releases it with an error.
 */
final class Connection implements AutoCloseable {

    /** A frame that arrived on this connection. */
    record Inbound(Connection from, Frame frame) {}

    /** This connection's line failed. */
    record Failed(Connection from, IOException cause) {}

    /** Frames waiting for the endpoint beyond which new ones are dropped (the protocol recovers). */
    static final int MAX_QUEUED = 1024;

    private final LinkChannel channel;
    private final String name;
    private final BlockingQueue<Object> events;
    private final LinkCounters counters;
    private final RejectionLog rejections;
    private final long writeStallNs;
    private final Thread reader;
    private volatile long writeStartedAt;
    private volatile boolean stalled;
    private volatile boolean closed;

    Connection(LinkChannel channel, String name, BlockingQueue<Object> events, LinkCounters counters,
            RejectionLog rejections, long writeStallNs) {
        this.channel = channel;
        this.name = name;
        this.events = events;
        this.counters = counters;
        this.rejections = rejections;
        this.writeStallNs = writeStallNs;
        this.reader = Thread.ofPlatform().name(name + " reader").daemon().unstarted(this::readLoop);
    }

    void start() {
        reader.start();
    }

    private void readLoop() {
        byte[] buf = new byte[4096];
        FrameDecoder decoder = new FrameDecoder();
        FrameDecoder.Sink sink = new FrameDecoder.Sink() {
            @Override
            public void frame(Frame frame) {
                if (events.size() >= MAX_QUEUED) {
                    counters.framesDropped.incrementAndGet();
                    return;
                }
                events.add(new Inbound(Connection.this, frame));
            }

            @Override
            public void rejected(String reason) {
                counters.framesDamaged.incrementAndGet();
                rejections.report(Level.DEBUG, "damaged", name + ": damaged frame dropped: " + reason, System.nanoTime());
            }
        };
        try {
            while (!closed) {
                int n = channel.read(buf);
                if (n > 0) {
                    counters.bytesRead.addAndGet(n);
                    decoder.feed(buf, 0, n, sink);
                }
                checkWriteStall();
            }
        } catch (IOException e) {
            if (!closed) {
                events.add(new Failed(this, e));
            }
        } catch (RuntimeException e) {
            // A defect, not line trouble: the endpoint reports it and opens the port again.
            events.add(new Failed(this, new IOException(name + ": reader failed", e)));
        }
    }

    private void checkWriteStall() {
        long started = writeStartedAt;
        if (started != 0 && System.nanoTime() - started > writeStallNs) {
            stalled = true;
            channel.close();
        }
    }

    void write(byte[] wire) throws IOException {
        writeStartedAt = Math.max(1, System.nanoTime());
        try {
            channel.write(wire, 0, wire.length);
        } catch (IOException e) {
            if (stalled) {
                throw new IOException("a write was blocked for more than " + writeStallNs / 1_000_000
                        + " ms: the line is stuck", e);
            }
            throw e;
        } finally {
            writeStartedAt = 0;
        }
        counters.bytesWritten.addAndGet(wire.length);
        counters.framesWritten.incrementAndGet();
    }

    @Override
    public void close() {
        closed = true;
        channel.close();
        try {
            reader.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
