package org.legwatch.link.transport;

import java.io.IOException;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bad line between two transports: forwards bytes both ways while corrupting, dropping and
 * duplicating some, delaying some, optionally pacing them to a line rate, and going dead when cut.
 * When one of its own ends fails it opens it again, as a line that comes back.
 */
public final class LineRelay implements AutoCloseable {

    /**
     * What goes wrong, per byte: {@code corrupt} replaced by another value, {@code drop} lost,
     * {@code duplicate} sent twice; {@code delayChance} of the reads are held up to {@code maxDelayMs};
     * {@code bytesPerSecond} paces the line (0: as fast as the transports go).
     */
    public record Faults(double corrupt, double drop, double duplicate, double delayChance, int maxDelayMs,
            long bytesPerSecond) {
        public static Faults none() {
            return new Faults(0, 0, 0, 0, 0, 0);
        }

        public static Faults paced(long bytesPerSecond) {
            return new Faults(0, 0, 0, 0, 0, bytesPerSecond);
        }
    }

    private final Transport left;
    private final Transport right;
    private final Faults faults;
    private final long seed;
    private volatile boolean closed;
    private volatile long cutUntil;
    private final AtomicLong forwarded = new AtomicLong();
    private final AtomicLong corrupted = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong duplicated = new AtomicLong();
    private final AtomicLong lostInCuts = new AtomicLong();
    private final Pump leftToRight;
    private final Pump rightToLeft;

    public LineRelay(Transport left, Transport right, Faults faults, long seed) {
        this.left = left;
        this.right = right;
        this.faults = faults;
        this.seed = seed;
        this.leftToRight = new Pump(true);
        this.rightToLeft = new Pump(false);
    }

    public void start() {
        leftToRight.thread.start();
        rightToLeft.thread.start();
    }

    /** The line goes dead both ways for {@code d}: everything sent meanwhile is lost. */
    public void cut(Duration d) {
        cutUntil = System.nanoTime() + d.toNanos();
    }

    public long forwarded() {
        return forwarded.get();
    }

    public long corrupted() {
        return corrupted.get();
    }

    public long dropped() {
        return dropped.get();
    }

    public long duplicated() {
        return duplicated.get();
    }

    public long lostInCuts() {
        return lostInCuts.get();
    }

    @Override
    public void close() {
        closed = true;
        try {
            leftToRight.thread.join(5000);
            rightToLeft.thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One direction. Each pump owns the channel it reads; channels are shared through {@link Ends}. */
    private final class Pump {
        final boolean fromLeft;
        final Thread thread;
        final Random rnd;
        long lineFreeAt;

        Pump(boolean fromLeft) {
            this.fromLeft = fromLeft;
            this.rnd = new Random(seed * 31 + (fromLeft ? 1 : 2));
            this.thread = Thread.ofPlatform().daemon().name("relay " + (fromLeft ? "->" : "<-")).unstarted(this::run);
        }

        void run() {
            byte[] in = new byte[256];
            byte[] out = new byte[512];
            while (!closed) {
                LinkChannel src = ends.get(fromLeft);
                LinkChannel dst = ends.get(!fromLeft);
                if (src == null || dst == null) {
                    sleep(5);
                    continue;
                }
                int n;
                try {
                    n = src.read(in);
                } catch (IOException e) {
                    ends.failed(src, fromLeft);
                    sleep(5);
                    continue;
                }
                if (n == 0) {
                    continue;
                }
                if (System.nanoTime() < cutUntil) {
                    lostInCuts.addAndGet(n);
                    continue;
                }
                int m = 0;
                for (int i = 0; i < n; i++) {
                    double r = rnd.nextDouble();
                    byte b = in[i];
                    if (r < faults.drop) {
                        dropped.incrementAndGet();
                        continue;
                    }
                    r -= faults.drop;
                    if (r < faults.corrupt) {
                        b ^= (byte) (1 + rnd.nextInt(255));
                        corrupted.incrementAndGet();
                    } else if (r - faults.corrupt < faults.duplicate) {
                        out[m++] = b;
                        duplicated.incrementAndGet();
                    }
                    out[m++] = b;
                }
                if (faults.delayChance > 0 && rnd.nextDouble() < faults.delayChance) {
                    sleep(rnd.nextInt(faults.maxDelayMs + 1));
                }
                pace(m);
                try {
                    dst.write(out, 0, m);
                    forwarded.addAndGet(m);
                } catch (IOException e) {
                    ends.failed(dst, !fromLeft);
                }
            }
            ends.closeAll();
        }

        /** Holds the bytes until a line of the given rate would have sent them. */
        void pace(int n) {
            if (faults.bytesPerSecond <= 0) {
                return;
            }
            long now = System.nanoTime();
            lineFreeAt = Math.max(lineFreeAt, now) + n * 1_000_000_000L / faults.bytesPerSecond;
            long wait = lineFreeAt - now;
            if (wait > 0) {
                sleepNanos(wait);
            }
        }
    }

    private final Ends ends = new Ends();

    /** The relay's two open channels, opened again when they fail. */
    private final class Ends {
        private LinkChannel leftChannel;
        private LinkChannel rightChannel;

        synchronized LinkChannel get(boolean isLeft) {
            if (closed) {
                return null;
            }
            LinkChannel c = isLeft ? leftChannel : rightChannel;
            if (c == null) {
                try {
                    c = (isLeft ? left : right).open();
                } catch (IOException e) {
                    return null;
                }
                if (isLeft) {
                    leftChannel = c;
                } else {
                    rightChannel = c;
                }
            }
            return c;
        }

        synchronized void failed(LinkChannel c, boolean isLeft) {
            if (isLeft && leftChannel == c) {
                leftChannel = null;
                c.close();
            } else if (!isLeft && rightChannel == c) {
                rightChannel = null;
                c.close();
            }
        }

        synchronized void closeAll() {
            if (leftChannel != null) {
                leftChannel.close();
                leftChannel = null;
            }
            if (rightChannel != null) {
                rightChannel.close();
                rightChannel = null;
            }
        }
    }

    private static void sleep(long ms) {
        sleepNanos(ms * 1_000_000);
    }

    private static void sleepNanos(long ns) {
        try {
            Thread.sleep(ns / 1_000_000, (int) (ns % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
