package org.legwatch.link.transport;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A line in memory between two ends, for tests and the demo. Like a serial line, bytes written
 * while the far end is not open are lost, and a full buffer blocks the writer; {@link #breakLine()}
 * fails both ends' open channels as a pulled cable would fail a USB adapter.
 */
public final class MemoryPipe {

    private static final long READ_WAIT_NS = TimeUnit.MILLISECONDS.toNanos(20);

    private final ReentrantLock lock = new ReentrantLock();
    private final End a;
    private final End b;

    /** A pipe whose two directions each buffer up to {@code capacity} bytes. */
    public MemoryPipe(int capacity) {
        a = new End("memory pipe (device side)", capacity);
        b = new End("memory pipe (host side)", capacity);
        a.peer = b;
        b.peer = a;
    }

    public MemoryPipe() {
        this(64 * 1024);
    }

    /** The device's end. */
    public Transport deviceSide() {
        return a;
    }

    /** The host's end. */
    public Transport hostSide() {
        return b;
    }

    /** Fails the channels open now on both ends; the ends can be opened again. */
    public void breakLine() {
        lock.lock();
        try {
            a.open = null;
            b.open = null;
            a.wakeAll();
            b.wakeAll();
        } finally {
            lock.unlock();
        }
    }

    private final class End implements Transport {
        final String name;
        /** Bytes waiting for this end to read them. */
        final byte[] inbound;
        /** Signalled when bytes arrive for this end, or its channel changes. */
        final Condition readable = lock.newCondition();
        /** Signalled when this end has taken bytes, or a channel changes. */
        final Condition writable = lock.newCondition();
        int head;
        int count;
        End peer;
        Channel open;

        End(String name, int capacity) {
            this.name = name;
            this.inbound = new byte[capacity];
        }

        void wakeAll() {
            readable.signalAll();
            writable.signalAll();
        }

        @Override
        public LinkChannel open() throws IOException {
            lock.lock();
            try {
                if (open != null) {
                    throw new IOException(name + " is already open");
                }
                head = 0;
                count = 0;
                open = new Channel(this);
                return open;
            } finally {
                lock.unlock();
            }
        }

        @Override
        public String describe() {
            return name;
        }
    }

    private final class Channel implements LinkChannel {
        final End end;

        Channel(End end) {
            this.end = end;
        }

        private void checkOpen() throws IOException {
            if (end.open != this) {
                throw new IOException(end.name + ": channel closed or line broken");
            }
        }

        @Override
        public int read(byte[] buf) throws IOException {
            lock.lock();
            try {
                long wait = READ_WAIT_NS;
                while (end.count == 0) {
                    checkOpen();
                    if (wait <= 0) {
                        return 0;
                    }
                    wait = end.readable.awaitNanos(wait);
                }
                checkOpen();
                int n = Math.min(buf.length, end.count);
                for (int i = 0; i < n; i++) {
                    buf[i] = end.inbound[(end.head + i) % end.inbound.length];
                }
                end.head = (end.head + n) % end.inbound.length;
                end.count -= n;
                end.writable.signalAll();
                return n;
            } catch (InterruptedException e) {
                throw interrupted(e);
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void write(byte[] buf, int off, int len) throws IOException {
            lock.lock();
            try {
                End to = end.peer;
                int done = 0;
                while (done < len) {
                    checkOpen();
                    if (to.open == null) {
                        return;
                    }
                    int space = to.inbound.length - to.count;
                    if (space == 0) {
                        to.writable.await();
                        continue;
                    }
                    int n = Math.min(space, len - done);
                    for (int i = 0; i < n; i++) {
                        to.inbound[(to.head + to.count + i) % to.inbound.length] = buf[off + done + i];
                    }
                    to.count += n;
                    done += n;
                    to.readable.signalAll();
                }
            } catch (InterruptedException e) {
                throw interrupted(e);
            } finally {
                lock.unlock();
            }
        }

        private IOException interrupted(InterruptedException e) {
            Thread.currentThread().interrupt();
            return new IOException(end.name + ": interrupted", e);
        }

        @Override
        public void close() {
            lock.lock();
            try {
                if (end.open == this) {
                    end.open = null;
                }
                end.wakeAll();
                end.peer.wakeAll();
            } finally {
                lock.unlock();
            }
        }
    }
}
