package org.legwatch.link.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.legwatch.link.Movement;
import org.legwatch.link.Night;
import org.legwatch.link.NightStart;
import org.legwatch.link.wire.WireFormatException;
import org.legwatch.link.wire.WireReader;
import org.legwatch.link.wire.WireWriter;

class MessageCodecTest {

    static Message roundTrip(Message m) throws WireFormatException {
        byte[] p = MessageCodec.encode(m);
        return MessageCodec.decode(m.type().code(), new WireReader(p, 0, p.length));
    }

    static Message decode(MessageType type, byte[] payload) throws WireFormatException {
        return MessageCodec.decode(type.code(), new WireReader(payload, 0, payload.length));
    }

    @Test
    void everyMessageComesBackAsItWasSent() throws WireFormatException {
        byte[] n1 = new byte[16];
        byte[] n2 = new byte[16];
        n1[3] = 7;
        n2[15] = -1;
        Hello h = (Hello) roundTrip(new Hello("pi-1.a_B", "1.0.0-ß", -5, n1));
        assertEquals("pi-1.a_B", h.deviceId());
        assertEquals("1.0.0-ß", h.softwareVersion());
        assertEquals(-5, h.keyId());
        assertArrayEquals(n1, h.nonce());
        Welcome w = (Welcome) roundTrip(new Welcome(n1, n2));
        assertArrayEquals(n1, w.deviceNonce());
        assertArrayEquals(n2, w.hostNonce());
        assertEquals(Heartbeat.INSTANCE, roundTrip(Heartbeat.INSTANCE));
        assertEquals(new Ack(0xFFFF_FFFFL, 0x8000_0001, 7), roundTrip(new Ack(0xFFFF_FFFFL, 0x8000_0001, 7)));
        assertEquals(new ErrorReport(255, "nö"), roundTrip(new ErrorReport(255, "nö")));
        NightHeader full = new NightHeader("2026-11-23 ünd \uD83D\uDE34", Optional.of(new NightStart("b", Long.MIN_VALUE,
                Long.MAX_VALUE, true)), true, Night.MAX_MOVEMENTS, Night.MAX_SUMMARY_BYTES);
        assertEquals(full, roundTrip(full));
        NightHeader bare = new NightHeader("x", Optional.empty(), false, 0, 0);
        assertEquals(bare, roundTrip(bare));
        List<Movement> ms = List.of(new Movement(Long.MIN_VALUE, Long.MAX_VALUE, (byte) -1, Float.NaN),
                new Movement(Long.MAX_VALUE, Long.MAX_VALUE, (byte) 0, -0.0f), new Movement(-5, -5, (byte) 2, 1e-30f),
                new Movement(0, 1, (byte) 1, Float.POSITIVE_INFINITY));
        MovementChunk chunk = (MovementChunk) roundTrip(new MovementChunk(17, ms));
        assertEquals(17, chunk.firstIndex());
        assertEquals(ms, chunk.movements());
        SummaryPart sp = (SummaryPart) roundTrip(new SummaryPart(1000, new byte[] {0, 1, 2}));
        assertEquals(1000, sp.offset());
        assertArrayEquals(new byte[] {0, 1, 2}, sp.bytes());
        assertEquals(new NightEnd(-123), roundTrip(new NightEnd(-123)));
        for (NightResult.Status s : NightResult.Status.values()) {
            NightResult r = new NightResult("n", s, "why");
            assertEquals(r, roundTrip(r));
        }
    }

    @Test
    void movementSizesMatchWhatIsWritten() {
        long previous = 0;
        WireWriter w = new WireWriter(16);
        for (Movement m : List.of(new Movement(0, 0, (byte) 0, 0), new Movement(1L << 40, (1L << 40) + 5_000_000, (byte) 1, 1),
                new Movement(-1, Long.MAX_VALUE, (byte) 0, 0))) {
            int before = w.size();
            w.zigzag(m.onsetUs() - previous).varint(m.offsetUs() - m.onsetUs()).u8(m.leg()).f32(m.peakG());
            assertEquals(w.size() - before, MessageCodec.movementBytes(m, previous));
            previous = m.onsetUs();
        }
    }

    @Test
    void countsAndLengthsBeyondTheLimitsOrTheBytesPresentAreRejected() {
        // A movements count larger than the bytes that follow could hold.
        assertRejected(MessageType.MOVEMENTS, new WireWriter(8).i32(0).u16(65535).u8(0).u8(0).u8(0).i32(0).toByteArray(),
                "does not fit");
        assertRejected(MessageType.MOVEMENTS, new WireWriter(8).i32(0).u16(0).toByteArray(), "does not fit");
        assertRejected(MessageType.MOVEMENTS, new WireWriter(8).i32(Night.MAX_MOVEMENTS).u16(1).u8(0).u8(0).u8(0)
                .i32(0).toByteArray(), "exceed the maximum");
        assertRejected(MessageType.MOVEMENTS, new WireWriter(8).i32(-1).u16(1).u8(0).u8(0).u8(0).i32(0).toByteArray(),
                "exceed the maximum");
        // An offset that ends before the onset.
        assertRejected(MessageType.MOVEMENTS, new WireWriter(8).i32(0).u16(1).zigzag(Long.MAX_VALUE).varint(1).u8(0)
                .i32(0).toByteArray(), "offset");
        // Varints longer than 64 bits.
        assertRejected(MessageType.MOVEMENTS, new WireWriter(8).i32(0).u16(1).bytes(new byte[] {-1, -1, -1, -1, -1, -1,
                -1, -1, -1, 2}).u8(0).u8(0).i32(0).toByteArray(), "64 bits");
        assertRejected(MessageType.NIGHT_START, header(1, Night.MAX_MOVEMENTS + 1, 0), "movement count");
        assertRejected(MessageType.NIGHT_START, header(3, 0, Night.MAX_SUMMARY_BYTES + 1), "summary length");
        assertRejected(MessageType.NIGHT_START, header(0, 0, 5), "without summary");
        assertRejected(MessageType.NIGHT_START, header(8, 0, 0), "unknown bits");
        assertRejected(MessageType.SUMMARY, new WireWriter(8).i32(Night.MAX_SUMMARY_BYTES).u8(1).toByteArray(),
                "exceeds the maximum summary");
        assertRejected(MessageType.SUMMARY, new WireWriter(8).i32(0).toByteArray(), "no bytes");
        // A string length beyond what the field allows, and beyond the bytes present.
        assertRejected(MessageType.NIGHT_RESULT, new WireWriter(8).u16(60000).toByteArray(), "exceed the maximum");
        assertRejected(MessageType.NIGHT_RESULT, new WireWriter(8).u16(10).u8('a').toByteArray(), "left");
        assertRejected(MessageType.NIGHT_RESULT, new WireWriter(8).u16(1).u8('a').u8(9).u8(0).toByteArray(), "unknown code");
        assertRejected(MessageType.HELLO, new WireWriter(8).u8(2).u8(0xC3).u8(0x28).toByteArray(), "UTF-8");
        assertRejected(MessageType.HELLO, new WireWriter(8).string("a b", false).toByteArray(), "device id");
        assertRejected(MessageType.ACK, new WireWriter(8).i32(1).i32(0).i32(0).u8(0).toByteArray(), "unexpected bytes");
        assertRejected(MessageType.WELCOME, new byte[31], "left");
    }

    @Test
    void anUnknownTypeIsRejected() {
        WireFormatException e = assertThrows(WireFormatException.class,
                () -> MessageCodec.decode(0x7F, new WireReader(new byte[0], 0, 0)));
        assertTrue(e.getMessage().contains("unknown message type"));
    }

    @Test
    void longTextsAreCutToTheirFieldWithoutSplittingACharacter() throws WireFormatException {
        String text = "é".repeat(100) + "\uD83D\uDE34".repeat(100);
        ErrorReport e = (ErrorReport) roundTrip(new ErrorReport(1, text));
        assertTrue(e.text().getBytes(StandardCharsets.UTF_8).length <= MessageCodec.MAX_TEXT_BYTES);
        assertTrue(text.startsWith(e.text()));
        assertTrue(e.text().length() > 100);
    }

    private static byte[] header(int flags, int count, int summary) {
        WireWriter w = new WireWriter(16).string("n", true).u8(flags);
        if ((flags & 1) != 0) {
            w.string("b", true).i64(0).i64(0).u8(0);
        }
        return w.i32(count).i32(summary).toByteArray();
    }

    private static void assertRejected(MessageType type, byte[] payload, String reason) {
        WireFormatException e = assertThrows(WireFormatException.class, () -> decode(type, payload));
        assertTrue(e.getMessage().contains(reason), () -> "expected '" + reason + "' in: " + e.getMessage());
    }
}
