package org.legwatch.link.wire;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Writes the protocol's big-endian fields into a growing byte array. */
public final class WireWriter {

    private byte[] buf;
    private int len;

    public WireWriter(int initialCapacity) {
        buf = new byte[Math.max(16, initialCapacity)];
    }

    private void ensure(int n) {
        if (len + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
        }
    }

    public int size() {
        return len;
    }

    public WireWriter u8(int v) {
        ensure(1);
        buf[len++] = (byte) v;
        return this;
    }

    public WireWriter u16(int v) {
        ensure(2);
        buf[len++] = (byte) (v >>> 8);
        buf[len++] = (byte) v;
        return this;
    }

    public WireWriter i32(int v) {
        ensure(4);
        buf[len++] = (byte) (v >>> 24);
        buf[len++] = (byte) (v >>> 16);
        buf[len++] = (byte) (v >>> 8);
        buf[len++] = (byte) v;
        return this;
    }

    public WireWriter i64(long v) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            buf[len++] = (byte) (v >>> shift);
        }
        return this;
    }

    public WireWriter f32(float v) {
        return i32(Float.floatToRawIntBits(v));
    }

    public WireWriter bool(boolean v) {
        return u8(v ? 1 : 0);
    }

    /** Unsigned LEB128: seven bits per byte, low bits first, high bit set on all but the last. */
    public WireWriter varint(long v) {
        ensure(10);
        while ((v & ~0x7FL) != 0) {
            buf[len++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buf[len++] = (byte) v;
        return this;
    }

    public WireWriter zigzag(long v) {
        return varint((v << 1) ^ (v >> 63));
    }

    /** Bytes {@link #varint} takes for {@code v}. */
    public static int varintSize(long v) {
        return v == 0 ? 1 : (64 - Long.numberOfLeadingZeros(v) + 6) / 7;
    }

    public static int zigzagSize(long v) {
        return varintSize((v << 1) ^ (v >> 63));
    }

    public WireWriter bytes(byte[] b) {
        return bytes(b, 0, b.length);
    }

    public WireWriter bytes(byte[] b, int off, int n) {
        ensure(n);
        System.arraycopy(b, off, buf, len, n);
        len += n;
        return this;
    }

    /** UTF-8 after a 1-byte ({@code wideLength} false) or 2-byte length. */
    public WireWriter string(String s, boolean wideLength) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        int max = wideLength ? 0xFFFF : 0xFF;
        if (b.length > max) {
            throw new IllegalArgumentException("string of " + b.length + " bytes does not fit its length field");
        }
        if (wideLength) {
            u16(b.length);
        } else {
            u8(b.length);
        }
        return bytes(b);
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buf, len);
    }

    /** The internal buffer; valid up to {@link #size()}. */
    byte[] array() {
        return buf;
    }
}
