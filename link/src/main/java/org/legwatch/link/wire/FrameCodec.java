package org.legwatch.link.wire;

import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * The frame layout of docs/protocol.md. Before stuffing, a frame's body is
 *
 * <pre>
 * offset   size  field
 * 0        1     protocol version ({@link #VERSION})
 * 1        1     message type
 * 2        4     session id (0 before a session exists)
 * 6        4     frame number: 1, 2, 3 ... for every frame a session's end sends (0 in the handshake)
 * 10       n     payload, n &lt;= {@link #MAX_PAYLOAD}
 * 10+n     16    tag: HMAC-SHA256 of bytes 0 .. 10+n-1, first 16 bytes (zero when unauthenticated)
 * 26+n     4     CRC-32C of bytes 0 .. 26+n-1
 * </pre>
 *
 * On the line the body is COBS-stuffed and written between two 0x00 delimiters. All integers are
 * big-endian.
 */
public final class FrameCodec {

    public static final int VERSION = 1;
    public static final int VERSION_AT = 0;
    public static final int TYPE_AT = 1;
    public static final int HEADER_BYTES = 10;
    public static final int TRAILER_BYTES = FrameMac.TAG_BYTES + 4;
    /** Bytes a frame body adds to its payload. */
    public static final int OVERHEAD = HEADER_BYTES + TRAILER_BYTES;
    public static final int MAX_PAYLOAD = 2048;
    public static final int MAX_BODY = OVERHEAD + MAX_PAYLOAD;
    /** Longest stuffed frame, delimiters excluded; anything longer between two delimiters is rejected. */
    public static final int MAX_STUFFED = Cobs.maxEncodedLength(MAX_BODY);

    private FrameCodec() {}

    /**
     * The frame as written to the line, both delimiters included.
     *
     * @param mac the sender's key for this frame, or null for an unauthenticated frame (zero tag)
     */
    public static byte[] encode(int type, int sessionId, long frameNumber, byte[] payload, FrameMac mac) {
        if (payload.length > MAX_PAYLOAD) {
            throw new IllegalArgumentException("payload of " + payload.length + " bytes exceeds " + MAX_PAYLOAD);
        }
        if (frameNumber < 0 || frameNumber > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("frame number out of range: " + frameNumber);
        }
        int n = payload.length;
        byte[] body = new byte[OVERHEAD + n];
        body[0] = (byte) VERSION;
        body[1] = (byte) type;
        putInt(body, 2, sessionId);
        putInt(body, 6, (int) frameNumber);
        System.arraycopy(payload, 0, body, HEADER_BYTES, n);
        if (mac != null) {
            System.arraycopy(mac.tag(body, 0, HEADER_BYTES + n), 0, body, HEADER_BYTES + n, FrameMac.TAG_BYTES);
        }
        putInt(body, body.length - 4, crc(body, body.length - 4));
        byte[] wire = new byte[Cobs.maxEncodedLength(body.length) + 2];
        int len = Cobs.encode(body, 0, body.length, wire, 1);
        return Arrays.copyOf(wire, len + 2);
    }

    /**
     * Checks a frame's length and CRC.
     *
     * @param body the unstuffed frame; kept by the returned frame
     */
    public static Frame parse(byte[] body) throws WireFormatException {
        if (body.length < OVERHEAD) {
            throw new WireFormatException("frame of " + body.length + " bytes is shorter than the minimum of "
                    + OVERHEAD);
        }
        if (body.length > MAX_BODY) {
            throw new WireFormatException("frame of " + body.length + " bytes exceeds the maximum of " + MAX_BODY);
        }
        int at = body.length - 4;
        int stored = ((body[at] & 0xFF) << 24) | ((body[at + 1] & 0xFF) << 16) | ((body[at + 2] & 0xFF) << 8)
                | (body[at + 3] & 0xFF);
        if (stored != crc(body, at)) {
            throw new WireFormatException("CRC mismatch");
        }
        return new Frame(body);
    }

    private static int crc(byte[] b, int len) {
        CRC32C c = new CRC32C();
        c.update(b, 0, len);
        return (int) c.getValue();
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }
}
