package org.legwatch.link.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FrameCodecTest {

    static final FrameMac KEY = new FrameMac(new byte[32]);

    /** Collects what a decoder finds. */
    static final class Collector implements FrameDecoder.Sink {
        final List<Frame> frames = new ArrayList<>();
        final List<String> rejected = new ArrayList<>();

        @Override
        public void frame(Frame f) {
            frames.add(f);
        }

        @Override
        public void rejected(String reason) {
            rejected.add(reason);
        }
    }

    static byte[] payload(Frame f) {
        return f.payload().rest();
    }

    @Test
    void aFrameComesBackWithItsFieldsAndItsTagChecksOnlyUnderItsKey() {
        byte[] payload = {0, 1, 2, 0, 0, (byte) 0xFF, 7};
        byte[] wire = FrameCodec.encode(0x11, 0xCAFEBABE, 0xFFFF_FFFEL, payload, KEY);
        assertEquals(0, wire[0]);
        assertEquals(0, wire[wire.length - 1]);
        Collector c = new Collector();
        new FrameDecoder().feed(wire, 0, wire.length, c);
        assertEquals(List.of(), c.rejected);
        Frame f = c.frames.get(0);
        assertEquals(FrameCodec.VERSION, f.version());
        assertEquals(0x11, f.type());
        assertEquals(0xCAFEBABE, f.sessionId());
        assertEquals(0xFFFF_FFFEL, f.frameNumber());
        assertArrayEquals(payload, payload(f));
        assertTrue(f.authenticatedBy(KEY));
        byte[] other = new byte[32];
        other[0] = 1;
        assertFalse(f.authenticatedBy(new FrameMac(other)));
    }

    @Test
    void theDecoderFindsEveryFrameAmongGarbageAndReportsTheDamagedOnes() {
        Random rnd = new Random(9);
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        List<byte[]> sent = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            byte[] p = new byte[rnd.nextInt(300)];
            rnd.nextBytes(p);
            sent.add(p);
            // Garbage between frames, with and without zero bytes in it.
            byte[] junk = new byte[rnd.nextInt(20)];
            rnd.nextBytes(junk);
            line.writeBytes(junk);
            line.writeBytes(FrameCodec.encode(0x10, 5, i + 1, p, KEY));
        }
        byte[] all = line.toByteArray();
        Collector c = new Collector();
        FrameDecoder d = new FrameDecoder();
        // Bytes arrive in reads of any size.
        for (int off = 0; off < all.length; ) {
            int n = Math.min(all.length - off, 1 + rnd.nextInt(64));
            d.feed(all, off, n, c);
            off += n;
        }
        assertEquals(200, c.frames.size());
        for (int i = 0; i < 200; i++) {
            assertArrayEquals(sent.get(i), payload(c.frames.get(i)));
            assertEquals(i + 1, c.frames.get(i).frameNumber());
        }
        assertFalse(c.rejected.isEmpty());
    }

    @Test
    void aCorruptedByteCostsItsFrameAndTheNextFrameStillArrives() {
        byte[] a = FrameCodec.encode(0x10, 5, 1, new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, KEY);
        byte[] b = FrameCodec.encode(0x10, 5, 2, new byte[] {9, 9, 9}, KEY);
        a[5] ^= 0x40;
        Collector c = new Collector();
        FrameDecoder d = new FrameDecoder();
        d.feed(a, 0, a.length, c);
        d.feed(b, 0, b.length, c);
        assertEquals(1, c.frames.size());
        assertEquals(2, c.frames.get(0).frameNumber());
        assertEquals(1, c.rejected.size(), "the damaged frame is reported: " + c.rejected);
    }

    @Test
    void everySingleByteCorruptionOfAFrameIsCaught() {
        byte[] good = FrameCodec.encode(0x11, 77, 3, new byte[] {1, 0, 2, 0, 3, 4, 5, 6, 7, 8, 9}, KEY);
        for (int i = 1; i < good.length - 1; i++) {
            for (int flip = 1; flip < 256; flip++) {
                byte[] bad = good.clone();
                bad[i] ^= (byte) flip;
                Collector c = new Collector();
                new FrameDecoder().feed(bad, 0, bad.length, c);
                assertEquals(0, c.frames.size(), "byte " + i + " xor " + flip + " went through");
            }
        }
    }

    @Test
    void aRunWithoutDelimiterIsDroppedWithoutGrowingTheBuffer() {
        byte[] endless = new byte[FrameCodec.MAX_STUFFED * 3];
        java.util.Arrays.fill(endless, (byte) 0x55);
        Collector c = new Collector();
        FrameDecoder d = new FrameDecoder();
        d.feed(endless, 0, endless.length, c);
        assertEquals(0, c.rejected.size(), "nothing is decided before the delimiter");
        byte[] good = FrameCodec.encode(0x03, 1, 0, new byte[0], KEY);
        d.feed(good, 0, good.length, c);
        assertEquals(1, c.rejected.size());
        assertTrue(c.rejected.get(0).startsWith("more than"));
        assertEquals(1, c.frames.size());
    }

    @Test
    void theLargestPayloadFitsAndALargerOneIsRefused() {
        byte[] max = new byte[FrameCodec.MAX_PAYLOAD];
        byte[] wire = FrameCodec.encode(0x11, 1, 1, max, KEY);
        assertTrue(wire.length - 2 <= FrameCodec.MAX_STUFFED);
        Collector c = new Collector();
        new FrameDecoder().feed(wire, 0, wire.length, c);
        assertEquals(1, c.frames.size());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> FrameCodec.encode(0x11, 1, 1, new byte[FrameCodec.MAX_PAYLOAD + 1], KEY));
    }

    @Test
    void anUnauthenticatedFrameHasAZeroTagThatNoKeyAccepts() {
        byte[] wire = FrameCodec.encode(0x05, 0, 0, new byte[] {1}, null);
        Collector c = new Collector();
        new FrameDecoder().feed(wire, 0, wire.length, c);
        assertFalse(c.frames.get(0).authenticatedBy(KEY));
    }
}
