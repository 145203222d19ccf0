package org.legwatch.link.message;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.legwatch.link.DeviceIdentity;
import org.legwatch.link.Movement;
import org.legwatch.link.Night;
import org.legwatch.link.NightStart;
import org.legwatch.link.wire.FrameCodec;
import org.legwatch.link.wire.WireFormatException;
import org.legwatch.link.wire.WireReader;
import org.legwatch.link.wire.WireWriter;

/**
 * Payloads of the messages, byte by byte as docs/protocol.md specifies them. Decoding checks every
 * count and length against both the protocol's limits and the bytes actually present before it
 * allocates, and throws nothing but {@link WireFormatException}.
 */
public final class MessageCodec {

    /** Most bytes of a device id in UTF-8 (the id is ASCII). */
    static final int MAX_DEVICE_ID_BYTES = 64;
    /** Most bytes of a software version in UTF-8. */
    static final int MAX_VERSION_BYTES = 4 * DeviceIdentity.MAX_VERSION_CHARS;
    /** Most bytes of a night or boot id in UTF-8: 200 UTF-16 characters take at most 600. */
    static final int MAX_ID_BYTES = 3 * Night.MAX_ID_CHARS;
    /** Most bytes of an error text or a night result's reason. */
    public static final int MAX_TEXT_BYTES = 255;
    /** Fewest bytes one movement takes in a chunk (three 1-byte fields and the peak). */
    static final int MIN_MOVEMENT_BYTES = 7;
    /** Bytes before the movements in a chunk: first index and count. */
    public static final int MOVEMENT_CHUNK_HEADER = 6;
    /** Bytes before the data in a summary part: the offset. */
    public static final int SUMMARY_PART_HEADER = 4;

    private static final int FLAG_START = 1;
    private static final int FLAG_SUMMARY = 2;

    private MessageCodec() {}

    public static byte[] encode(Message message) {
        WireWriter w = new WireWriter(64);
        switch (message) {
            case Hello h -> {
                w.string(h.deviceId(), false).string(h.softwareVersion(), false).i32(h.keyId());
                w.bytes(checkNonce(h.nonce()));
            }
            case Welcome wel -> w.bytes(checkNonce(wel.deviceNonce())).bytes(checkNonce(wel.hostNonce()));
            case Heartbeat hb -> { }
            case Ack a -> w.i32((int) a.next()).i32(a.received()).i32((int) a.latestFrame());
            case ErrorReport e -> w.u8(e.code()).string(fitText(e.text()), false);
            case NightHeader nh -> writeNightHeader(w, nh);
            case MovementChunk mc -> {
                w.i32(mc.firstIndex()).u16(mc.movements().size());
                long previous = 0;
                for (Movement m : mc.movements()) {
                    writeMovement(w, m, previous);
                    previous = m.onsetUs();
                }
            }
            case SummaryPart sp -> w.i32(sp.offset()).bytes(sp.bytes());
            case NightEnd ne -> w.i32(ne.checksum());
            case NightResult nr -> w.string(nr.nightId(), true).u8(nr.status().code()).string(fitText(nr.reason()), false);
        }
        if (w.size() > FrameCodec.MAX_PAYLOAD) {
            throw new IllegalArgumentException(message.type() + " of " + w.size() + " bytes exceeds the frame payload");
        }
        return w.toByteArray();
    }

    /** The NIGHT_START payload (also the first part of a night's canonical encoding). */
    public static void writeNightHeader(WireWriter w, NightHeader nh) {
        int flags = (nh.start().isPresent() ? FLAG_START : 0) | (nh.hasSummary() ? FLAG_SUMMARY : 0);
        w.string(nh.nightId(), true).u8(flags);
        nh.start().ifPresent(s -> w.string(s.bootId(), true).i64(s.monotonicBaseNs()).i64(s.wallClockMs())
                .bool(s.wallClockSynced()));
        w.i32(nh.movementCount()).i32(nh.summaryLength());
    }

    /** Bytes a movement takes in a chunk after a movement with onset {@code previousOnsetUs}. */
    public static int movementBytes(Movement m, long previousOnsetUs) {
        return WireWriter.zigzagSize(m.onsetUs() - previousOnsetUs) + WireWriter.varintSize(m.offsetUs() - m.onsetUs())
                + 1 + 4;
    }

    private static void writeMovement(WireWriter w, Movement m, long previousOnsetUs) {
        w.zigzag(m.onsetUs() - previousOnsetUs).varint(m.offsetUs() - m.onsetUs()).u8(m.leg()).f32(m.peakG());
    }

    /**
     * Decodes a payload of the given type.
     *
     * @throws WireFormatException for an unknown type or any payload that breaks the layout or limits
     */
    public static Message decode(int typeCode, WireReader r) throws WireFormatException {
        MessageType type = MessageType.of(typeCode);
        if (type == null) {
            throw new WireFormatException("unknown message type 0x" + Integer.toHexString(typeCode));
        }
        Message m = switch (type) {
            case HELLO -> {
                String id = r.string(false, MAX_DEVICE_ID_BYTES, 64, "hello device id");
                if (!DeviceIdentity.validDeviceId(id)) {
                    throw new WireFormatException("hello device id: not a valid device id");
                }
                String version = r.string(false, MAX_VERSION_BYTES, DeviceIdentity.MAX_VERSION_CHARS,
                        "hello software version");
                int keyId = r.i32("hello key id");
                yield new Hello(id, version, keyId, r.bytes(Hello.NONCE_BYTES, "hello nonce"));
            }
            case WELCOME -> new Welcome(r.bytes(Hello.NONCE_BYTES, "welcome device nonce"),
                    r.bytes(Hello.NONCE_BYTES, "welcome host nonce"));
            case HEARTBEAT -> Heartbeat.INSTANCE;
            case ACK -> new Ack(r.u32("ack next"), r.i32("ack received"), r.u32("ack latest frame"));
            case ERROR -> new ErrorReport(r.u8("error code"),
                    r.string(false, MAX_TEXT_BYTES, MAX_TEXT_BYTES, "error text"));
            case NIGHT_START -> readNightHeader(r);
            case MOVEMENTS -> readMovements(r);
            case SUMMARY -> {
                int offset = r.i32("summary offset");
                int n = r.remaining();
                if (n == 0) {
                    throw new WireFormatException("summary part: no bytes");
                }
                if (offset < 0 || offset > Night.MAX_SUMMARY_BYTES - n) {
                    throw new WireFormatException("summary part: offset " + Integer.toUnsignedString(offset)
                            + " + " + n + " bytes exceeds the maximum summary of " + Night.MAX_SUMMARY_BYTES);
                }
                yield new SummaryPart(offset, r.rest());
            }
            case NIGHT_END -> new NightEnd(r.i32("night end checksum"));
            case NIGHT_RESULT -> {
                String id = readNightId(r, "night result night id");
                int code = r.u8("night result status");
                NightResult.Status status = NightResult.Status.of(code);
                if (status == null) {
                    throw new WireFormatException("night result status: unknown code " + code);
                }
                yield new NightResult(id, status, r.string(false, MAX_TEXT_BYTES, MAX_TEXT_BYTES, "night result reason"));
            }
        };
        r.end(type.name());
        return m;
    }

    private static String readNightId(WireReader r, String field) throws WireFormatException {
        String id = r.string(true, MAX_ID_BYTES, Night.MAX_ID_CHARS, field);
        if (id.isEmpty()) {
            throw new WireFormatException(field + ": empty");
        }
        return id;
    }

    private static NightHeader readNightHeader(WireReader r) throws WireFormatException {
        String id = readNightId(r, "night start night id");
        int flags = r.u8("night start flags");
        if ((flags & ~(FLAG_START | FLAG_SUMMARY)) != 0) {
            throw new WireFormatException("night start flags: unknown bits in 0x" + Integer.toHexString(flags));
        }
        Optional<NightStart> start = Optional.empty();
        if ((flags & FLAG_START) != 0) {
            String boot = r.string(true, MAX_ID_BYTES, Night.MAX_ID_CHARS, "night start boot id");
            start = Optional.of(new NightStart(boot, r.i64("night start monotonic base"),
                    r.i64("night start wall clock"), r.bool("night start wall clock synchronised")));
        }
        boolean hasSummary = (flags & FLAG_SUMMARY) != 0;
        int count = r.i32("night start movement count");
        if (count < 0 || count > Night.MAX_MOVEMENTS) {
            throw new WireFormatException("night start movement count " + Integer.toUnsignedString(count)
                    + " exceeds the maximum of " + Night.MAX_MOVEMENTS);
        }
        int summaryLength = r.i32("night start summary length");
        if (summaryLength < 0 || summaryLength > Night.MAX_SUMMARY_BYTES || (!hasSummary && summaryLength != 0)) {
            throw new WireFormatException("night start summary length " + Integer.toUnsignedString(summaryLength)
                    + (hasSummary ? " exceeds the maximum of " + Night.MAX_SUMMARY_BYTES : " for a night without summary"));
        }
        return new NightHeader(id, start, hasSummary, count, summaryLength);
    }

    private static MovementChunk readMovements(WireReader r) throws WireFormatException {
        int first = r.i32("movements first index");
        int count = r.u16("movements count");
        if (count == 0 || count > r.remaining() / MIN_MOVEMENT_BYTES) {
            throw new WireFormatException("movements count " + count + " does not fit the " + r.remaining()
                    + " bytes that follow");
        }
        if (first < 0 || first > Night.MAX_MOVEMENTS - count) {
            throw new WireFormatException("movements " + Integer.toUnsignedString(first) + " + " + count
                    + " exceed the maximum of " + Night.MAX_MOVEMENTS);
        }
        List<Movement> out = new ArrayList<>(count);
        long previous = 0;
        for (int i = 0; i < count; i++) {
            long onset = previous + r.zigzag("movement onset");
            long duration = r.varint("movement duration");
            long offset = onset + duration;
            if (offset < onset) {
                throw new WireFormatException("movement " + (first + i) + ": offset overflows");
            }
            int leg = r.u8("movement leg");
            out.add(new Movement(onset, offset, (byte) leg, r.f32("movement peak")));
            previous = onset;
        }
        return new MovementChunk(first, out);
    }

    private static byte[] checkNonce(byte[] nonce) {
        if (nonce.length != Hello.NONCE_BYTES) {
            throw new IllegalArgumentException("nonce must have " + Hello.NONCE_BYTES + " bytes");
        }
        return nonce;
    }

    /** The longest prefix of {@code text} whose UTF-8 fits {@link #MAX_TEXT_BYTES}. */
    static String fitText(String text) {
        // Every character takes at least one byte, so no more than MAX_TEXT_BYTES of them can fit.
        int end = Math.min(text.length(), MAX_TEXT_BYTES);
        while (end > 0 && (Character.isHighSurrogate(text.charAt(end - 1))
                || text.substring(0, end).getBytes(StandardCharsets.UTF_8).length > MAX_TEXT_BYTES)) {
            end--;
        }
        return text.substring(0, end);
    }
}
