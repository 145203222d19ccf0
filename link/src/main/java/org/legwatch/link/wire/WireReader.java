package org.legwatch.link.wire;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads the protocol's big-endian fields from a byte range, checking every length against what is
 * left before it reads or allocates anything; any shortfall or invalid value is a
 * {@link WireFormatException}.
 */
public final class WireReader {

    private final byte[] buf;
    private int pos;
    private final int end;

    public WireReader(byte[] buf, int offset, int length) {
        this.buf = buf;
        this.pos = offset;
        this.end = offset + length;
    }

    public int remaining() {
        return end - pos;
    }

    private void need(int n, String field) throws WireFormatException {
        if (n > end - pos) {
            throw new WireFormatException(field + ": needs " + n + " bytes, " + (end - pos) + " left");
        }
    }

    public int u8(String field) throws WireFormatException {
        need(1, field);
        return buf[pos++] & 0xFF;
    }

    public int u16(String field) throws WireFormatException {
        need(2, field);
        int v = ((buf[pos] & 0xFF) << 8) | (buf[pos + 1] & 0xFF);
        pos += 2;
        return v;
    }

    /** An unsigned 32-bit value. */
    public long u32(String field) throws WireFormatException {
        return i32(field) & 0xFFFF_FFFFL;
    }

    public int i32(String field) throws WireFormatException {
        need(4, field);
        int v = ((buf[pos] & 0xFF) << 24) | ((buf[pos + 1] & 0xFF) << 16) | ((buf[pos + 2] & 0xFF) << 8)
                | (buf[pos + 3] & 0xFF);
        pos += 4;
        return v;
    }

    public long i64(String field) throws WireFormatException {
        need(8, field);
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (buf[pos + i] & 0xFF);
        }
        pos += 8;
        return v;
    }

    public float f32(String field) throws WireFormatException {
        return Float.intBitsToFloat(i32(field));
    }

    /** A boolean stored as one byte that must be 0 or 1. */
    public boolean bool(String field) throws WireFormatException {
        int v = u8(field);
        if (v > 1) {
            throw new WireFormatException(field + ": " + v + " is not 0 or 1");
        }
        return v == 1;
    }

    /** An unsigned LEB128 varint of at most 10 bytes holding a 64-bit value. */
    public long varint(String field) throws WireFormatException {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = u8(field);
            if (shift == 63 && b > 1) {
                throw new WireFormatException(field + ": varint exceeds 64 bits");
            }
            v |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw new WireFormatException(field + ": varint longer than 10 bytes");
    }

    /** A zigzag-encoded signed varint. */
    public long zigzag(String field) throws WireFormatException {
        long v = varint(field);
        return (v >>> 1) ^ -(v & 1);
    }

    public byte[] bytes(int n, String field) throws WireFormatException {
        need(n, field);
        byte[] out = new byte[n];
        System.arraycopy(buf, pos, out, 0, n);
        pos += n;
        return out;
    }

    /** The rest of the range. */
    public byte[] rest() {
        byte[] out = new byte[end - pos];
        System.arraycopy(buf, pos, out, 0, out.length);
        pos = end;
        return out;
    }

    /**
     * A string of strictly valid UTF-8 after a 1-byte ({@code wideLength} false) or 2-byte length,
     * of at most {@code maxBytes} bytes and {@code maxChars} UTF-16 characters.
     */
    public String string(boolean wideLength, int maxBytes, int maxChars, String field) throws WireFormatException {
        int n = wideLength ? u16(field) : u8(field);
        if (n > maxBytes) {
            throw new WireFormatException(field + ": " + n + " bytes exceed the maximum of " + maxBytes);
        }
        need(n, field);
        String s;
        try {
            s = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(buf, pos, n))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new WireFormatException(field + ": not valid UTF-8");
        }
        pos += n;
        if (s.length() > maxChars) {
            throw new WireFormatException(field + ": " + s.length() + " characters exceed the maximum of " + maxChars);
        }
        return s;
    }

    /** Fails unless every byte has been read. */
    public void end(String what) throws WireFormatException {
        if (pos != end) {
            throw new WireFormatException(what + ": " + (end - pos) + " unexpected bytes at the end");
        }
    }
}
