package org.legwatch.link;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.legwatch.link.message.Ack;
import org.legwatch.link.message.ErrorReport;
import org.legwatch.link.message.Heartbeat;
import org.legwatch.link.message.Hello;
import org.legwatch.link.message.Message;
import org.legwatch.link.message.MessageCodec;
import org.legwatch.link.message.MessageType;
import org.legwatch.link.message.NightResult;
import org.legwatch.link.message.Welcome;
import org.legwatch.link.wire.Frame;
import org.legwatch.link.wire.FrameCodec;
import org.legwatch.link.wire.FrameDecoder;
import org.legwatch.link.wire.FrameMac;
import org.legwatch.link.wire.WireFormatException;
import org.legwatch.link.wire.WireReader;

/**
 * Millions of random and mutated inputs against the decoders: every input ends in a frame, a
 * message or a {@link WireFormatException}, never another exception, and never a hang (each test
 * runs under a hard time limit).
 */
class FuzzTest {

    static final FrameMac KEY = new FrameMac(new byte[32]);
    static final Duration LIMIT = Duration.ofSeconds(90);

    /** Valid messages of every type, to mutate. */
    static List<Message> corpus() {
        List<Message> out = new ArrayList<>();
        byte[] nonce = new byte[16];
        Arrays.fill(nonce, (byte) 7);
        out.add(new Hello("pi-1", "1.0.0", 3, nonce));
        out.add(new Welcome(nonce, nonce));
        out.add(Heartbeat.INSTANCE);
        out.add(new Ack(17, 0b1011, 40));
        out.add(new ErrorReport(ErrorReport.NO_SESSION, "no such session"));
        out.add(new NightResult("night-3", NightResult.Status.STORED, ""));
        Random rnd = new Random(1);
        for (Night n : List.of(TestNights.small(rnd, 1), TestNights.small(rnd, 7), TestNights.realistic(rnd, "r"))) {
            NightChunker c = new NightChunker(n, 300);
            while (c.hasNext()) {
                out.add(c.next());
            }
        }
        return out;
    }

    static byte[] mutate(byte[] in, Random rnd, List<byte[]> others) {
        byte[] b = in;
        for (int ops = 1 + rnd.nextInt(3); ops > 0; ops--) {
            int n = b.length;
            switch (rnd.nextInt(8)) {
                case 0 -> {
                    if (n > 0) {
                        b = b.clone();
                        b[rnd.nextInt(n)] ^= (byte) (1 << rnd.nextInt(8));
                    }
                }
                case 1 -> {
                    if (n > 0) {
                        b = b.clone();
                        int[] interesting = {0, 0xFF, 0x7F, 0x80, 0x01, 0xFE};
                        b[rnd.nextInt(n)] = (byte) interesting[rnd.nextInt(interesting.length)];
                    }
                }
                case 2 -> {
                    int at = rnd.nextInt(n + 1);
                    byte[] ins = new byte[1 + rnd.nextInt(8)];
                    rnd.nextBytes(ins);
                    byte[] c = new byte[n + ins.length];
                    System.arraycopy(b, 0, c, 0, at);
                    System.arraycopy(ins, 0, c, at, ins.length);
                    System.arraycopy(b, at, c, at + ins.length, n - at);
                    b = c;
                }
                case 3 -> {
                    if (n > 0) {
                        int at = rnd.nextInt(n);
                        int len = 1 + rnd.nextInt(Math.min(8, n - at));
                        byte[] c = new byte[n - len];
                        System.arraycopy(b, 0, c, 0, at);
                        System.arraycopy(b, at + len, c, at, n - at - len);
                        b = c;
                    }
                }
                case 4 -> b = Arrays.copyOf(b, rnd.nextInt(n + 1));
                case 5 -> {
                    if (n >= 4) {
                        b = b.clone();
                        int at = rnd.nextInt(n - 3);
                        int[] values = {-1, 0x7FFF_FFFF, 0x8000_0000, Night.MAX_MOVEMENTS + 1, Night.MAX_SUMMARY_BYTES,
                                0xFFFF, 0x10000};
                        int v = values[rnd.nextInt(values.length)];
                        b[at] = (byte) (v >>> 24);
                        b[at + 1] = (byte) (v >>> 16);
                        b[at + 2] = (byte) (v >>> 8);
                        b[at + 3] = (byte) v;
                    }
                }
                case 6 -> {
                    byte[] o = others.get(rnd.nextInt(others.size()));
                    int cut = rnd.nextInt(n + 1);
                    int from = rnd.nextInt(o.length + 1);
                    byte[] c = Arrays.copyOf(b, cut + o.length - from);
                    System.arraycopy(o, from, c, cut, o.length - from);
                    b = c;
                }
                default -> {
                    if (n > 0) {
                        int at = rnd.nextInt(n);
                        int len = Math.min(n - at, 1 + rnd.nextInt(16));
                        byte[] c = new byte[n + len];
                        System.arraycopy(b, 0, c, 0, at + len);
                        System.arraycopy(b, at, c, at + len, n - at);
                        b = c;
                    }
                }
            }
        }
        return b;
    }

    /** Decodes a payload; a decoded message must survive a second trip unchanged. */
    static boolean decodeOrReject(int type, byte[] payload) {
        Message m;
        try {
            m = MessageCodec.decode(type, new WireReader(payload, 0, payload.length));
        } catch (WireFormatException e) {
            return false;
        }
        byte[] again = MessageCodec.encode(m);
        try {
            assertArrayEquals(again, MessageCodec.encode(MessageCodec.decode(type, new WireReader(again, 0, again.length))));
        } catch (WireFormatException e) {
            throw new AssertionError("a decoded message does not decode after encoding: " + m, e);
        }
        return true;
    }

    @Test
    void aMillionRandomInputsIntoTheFrameDecoder() {
        assertTimeoutPreemptively(LIMIT, () -> {
            Random rnd = new Random(11);
            FrameDecoder decoder = new FrameDecoder();
            long[] frames = new long[1];
            long[] rejected = new long[1];
            FrameDecoder.Sink sink = new FrameDecoder.Sink() {
                @Override
                public void frame(Frame f) {
                    frames[0]++;
                    decodeOrReject(f.type(), f.payload().rest());
                }

                @Override
                public void rejected(String reason) {
                    rejected[0]++;
                }
            };
            byte[] pool = new byte[1 << 20];
            rnd.nextBytes(pool);
            byte[] buf = new byte[4200];
            long started = System.nanoTime();
            int inputs = 1_000_000;
            for (int i = 0; i < inputs; i++) {
                // Mostly short runs, some longer than any frame; zero bytes where they fall.
                int n = i % 1000 == 0 ? 2200 + rnd.nextInt(2000) : rnd.nextInt(64);
                System.arraycopy(pool, rnd.nextInt(pool.length - n), buf, 0, n);
                buf[n] = 0;
                decoder.feed(buf, 0, n + 1, sink);
            }
            report("random byte runs", inputs, started);
            assertTrue(rejected[0] > inputs / 2);
        });
    }

    @Test
    void aMillionMutatedFramesIntoTheFrameDecoder() {
        assertTimeoutPreemptively(LIMIT, () -> {
            List<byte[]> wires = new ArrayList<>();
            long frame = 1;
            for (Message m : corpus()) {
                wires.add(FrameCodec.encode(m.type().code(), 42, frame++, MessageCodec.encode(m), KEY));
            }
            Random rnd = new Random(12);
            FrameDecoder decoder = new FrameDecoder();
            long[] frames = new long[1];
            FrameDecoder.Sink sink = new FrameDecoder.Sink() {
                @Override
                public void frame(Frame f) {
                    frames[0]++;
                    f.authenticatedBy(KEY);
                    decodeOrReject(f.type(), f.payload().rest());
                }

                @Override
                public void rejected(String reason) {
                }
            };
            long started = System.nanoTime();
            int inputs = 1_000_000;
            for (int i = 0; i < inputs; i++) {
                byte[] w = mutate(wires.get(rnd.nextInt(wires.size())), rnd, wires);
                decoder.feed(w, 0, w.length, sink);
            }
            report("mutated frames", inputs, started);
            assertTrue(frames[0] > 0, "some mutations leave a whole frame standing");
        });
    }

    @Test
    void aMillionMutatedPayloadsIntoTheMessageDecoder() {
        assertTimeoutPreemptively(LIMIT, () -> {
            List<Message> corpus = corpus();
            List<byte[]> payloads = new ArrayList<>();
            for (Message m : corpus) {
                payloads.add(MessageCodec.encode(m));
            }
            Random rnd = new Random(13);
            long decoded = 0;
            long started = System.nanoTime();
            int inputs = 1_000_000;
            for (int i = 0; i < inputs; i++) {
                int k = rnd.nextInt(payloads.size());
                byte[] p = mutate(payloads.get(k), rnd, payloads);
                if (p.length > FrameCodec.MAX_PAYLOAD) {
                    p = Arrays.copyOf(p, FrameCodec.MAX_PAYLOAD);
                }
                // Mostly under the type it was made for, sometimes under any type, known or not.
                int type = rnd.nextInt(10) == 0 ? rnd.nextInt(256) : corpus.get(k).type().code();
                if (decodeOrReject(type, p)) {
                    decoded++;
                }
            }
            report("mutated payloads", inputs, started);
            assertTrue(decoded > inputs / 100, "mutations that keep a valid layout are decoded: " + decoded);
        });
    }

    @Test
    void theLargestDeclaredNightAllocatesOnlyWhatArrives() throws WireFormatException {
        // A header that announces the most movements allowed, followed by nothing: the host holds a
        // summary buffer of the announced size (at most 64 KiB) and an empty movement list.
        NightAssembler a = new NightAssembler(new org.legwatch.link.message.NightHeader("n", Optional.empty(), true,
                Night.MAX_MOVEMENTS, Night.MAX_SUMMARY_BYTES));
        assertTrue(a.nightId().equals("n"));
        byte[] huge = MessageCodec.encode(new org.legwatch.link.message.NightHeader("n", Optional.empty(), true,
                Night.MAX_MOVEMENTS, Night.MAX_SUMMARY_BYTES));
        huge[huge.length - 8] = 0x7F;
        org.junit.jupiter.api.Assertions.assertThrows(WireFormatException.class,
                () -> MessageCodec.decode(MessageType.NIGHT_START.code(), new WireReader(huge, 0, huge.length)));
    }

    private static void report(String what, int inputs, long started) {
        double s = (System.nanoTime() - started) / 1e9;
        System.out.printf("fuzz: %,d %s in %.1f s (%,.0f per second)%n", inputs, what, s, inputs / s);
    }
}
