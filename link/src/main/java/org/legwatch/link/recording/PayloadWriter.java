package org.legwatch.link.recording;

import java.nio.charset.StandardCharsets;

/**
 * Writes a block's payload into a fixed array: big-endian integers, LEB128 varints, strings, and a
 * bit stream (most significant bit first). No allocation except for strings (part headers only).
 */
final class PayloadWriter {
    private byte[] buf;
    private int pos;
    private long acc;
    private int accBits;

    /** Starts writing at {@code buf[start]}. */
    void reset(byte[] buf, int start) {
        this.buf = buf;
        this.pos = start;
        this.acc = 0;
        this.accBits = 0;
    }

    int position() {
        return pos;
    }

    void u8(int v) {
        buf[pos++] = (byte) v;
    }

    void u16(int v) {
        buf[pos++] = (byte) (v >>> 8);
        buf[pos++] = (byte) v;
    }

    void u32(long v) {
        RawRecordingFormat.putInt(buf, pos, (int) v);
        pos += 4;
    }

    void i64(long v) {
        u32(v >>> 32);
        u32(v);
    }

    void f64(double v) {
        i64(Double.doubleToLongBits(v));
    }

    /** Unsigned LEB128: seven bits per byte, least significant group first, high bit set on all but the last. */
    void varint(long v) {
        while ((v & ~0x7FL) != 0) {
            buf[pos++] = (byte) (v & 0x7F | 0x80);
            v >>>= 7;
        }
        buf[pos++] = (byte) v;
    }

    void zigzag(long v) {
        varint(RawRecordingFormat.zigzag(v));
    }

    /** A UTF-8 string after its byte length, in one byte ({@code wideLength} false) or two. */
    void text(String s, boolean wideLength) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        if (wideLength) {
            u16(bytes.length);
        } else {
            u8(bytes.length);
        }
        System.arraycopy(bytes, 0, buf, pos, bytes.length);
        pos += bytes.length;
    }

    /** Appends the low {@code n} (0..32) bits of {@code v} to the bit stream. */
    void bits(long v, int n) {
        acc = acc << n | v & (1L << n) - 1;
        accBits += n;
        while (accBits >= 8) {
            accBits -= 8;
            buf[pos++] = (byte) (acc >>> accBits);
        }
    }

    /**
     * A Rice code with parameter {@code k} of {@code u} (0 .. 2^32-1): the quotient u >> k in unary
     * (that many 1 bits and a 0), then the low k bits; a quotient of {@link RawRecordingFormat#RICE_ESCAPE}
     * or more is written as that many 1 bits and u in 32 bits.
     */
    void rice(long u, int k) {
        long q = u >>> k;
        if (q < RawRecordingFormat.RICE_ESCAPE) {
            bits(((1L << q) - 1) << 1, (int) q + 1);
            bits(u, k);
        } else {
            bits((1L << RawRecordingFormat.RICE_ESCAPE) - 1, RawRecordingFormat.RICE_ESCAPE);
            bits(u, 32);
        }
    }

    /** Bits {@link #rice} writes for {@code u} with parameter {@code k}. */
    static int riceBits(long u, int k) {
        long q = u >>> k;
        return q < RawRecordingFormat.RICE_ESCAPE ? (int) q + 1 + k : RawRecordingFormat.RICE_ESCAPE + 32;
    }

    /** Ends the bit stream, padding the last byte with 0 bits. */
    void flushBits() {
        if (accBits > 0) {
            buf[pos++] = (byte) (acc << 8 - accBits);
            accBits = 0;
        }
        acc = 0;
    }
}
