package org.legwatch.link.recording;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.ByteBuffer;

/**
 * Reads a block's payload that passed its CRC, trusting nothing in it: every read is bounded by the
 * payload's end, and a read past it or an impossible value is a {@link RawRecordingException}
 * naming the file, the byte offset and the field.
 */
final class PayloadReader {
    private final Path file;
    private byte[] buf;
    private int pos;
    private int end;
    private long fileOffsetOfZero;
    private long window;
    private int avail;

    PayloadReader(Path file) {
        this.file = file;
    }

    /** Reads {@code buf[start .. end)}, which sits at file offset {@code fileOffset}. */
    void reset(byte[] buf, int start, int end, long fileOffset) {
        this.buf = buf;
        this.pos = start;
        this.end = end;
        this.fileOffsetOfZero = fileOffset - start;
        this.window = 0;
        this.avail = 0;
    }

    /** File offset of the next byte. */
    long offset() {
        return fileOffsetOfZero + pos;
    }

    boolean atEnd() {
        return pos == end;
    }

    RawRecordingException error(String field, String problem) {
        return new RawRecordingException(file, offset(), field, problem);
    }

    RawRecordingException errorAt(long offset, String field, String problem) {
        return new RawRecordingException(file, offset, field, problem);
    }

    private void need(int n, String field) throws RawRecordingException {
        if (end - pos < n) {
            throw error(field, "the block ends before this field (" + (end - pos) + " of " + n + " bytes left)");
        }
    }

    int u8(String field) throws RawRecordingException {
        need(1, field);
        return buf[pos++] & 0xFF;
    }

    int u16(String field) throws RawRecordingException {
        need(2, field);
        int v = (buf[pos] & 0xFF) << 8 | (buf[pos + 1] & 0xFF);
        pos += 2;
        return v;
    }

    long u32(String field) throws RawRecordingException {
        need(4, field);
        long v = RawRecordingFormat.getInt(buf, pos) & 0xFFFF_FFFFL;
        pos += 4;
        return v;
    }

    long i64(String field) throws RawRecordingException {
        need(8, field);
        long v = (long) RawRecordingFormat.getInt(buf, pos) << 32 | RawRecordingFormat.getInt(buf, pos + 4) & 0xFFFF_FFFFL;
        pos += 8;
        return v;
    }

    double f64(String field) throws RawRecordingException {
        return Double.longBitsToDouble(i64(field));
    }

    long varint(String field) throws RawRecordingException {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            need(1, field);
            int b = buf[pos++];
            if (shift == 63 && (b & 0xFE) != 0) {
                throw errorAt(offset() - 1, field, "varint longer than 64 bits");
            }
            v |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw errorAt(offset() - 1, field, "varint longer than 10 bytes");
    }

    /** A varint that must lie within {@code min .. max}. */
    long varint(String field, long min, long max) throws RawRecordingException {
        long at = offset();
        long v = varint(field);
        if (v < min || v > max) {
            throw errorAt(at, field, Long.toUnsignedString(v) + " is outside " + min + ".." + max);
        }
        return v;
    }

    long zigzag(String field) throws RawRecordingException {
        return RawRecordingFormat.unzigzag(varint(field));
    }

    String text(String field, boolean wideLength, int minBytes, int maxBytes) throws RawRecordingException {
        long at = offset();
        int n = wideLength ? u16(field) : u8(field);
        if (n < minBytes || n > maxBytes) {
            throw errorAt(at, field, "length " + n + " is outside " + minBytes + ".." + maxBytes);
        }
        need(n, field);
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(buf, pos, n)).toString();
            pos += n;
            return s;
        } catch (CharacterCodingException e) {
            throw errorAt(at + (wideLength ? 2 : 1), field, "not UTF-8");
        }
    }

    private void refill() {
        while (avail <= 56 && pos < end) {
            window |= (buf[pos++] & 0xFFL) << 56 - avail;
            avail += 8;
        }
    }

    /** The next {@code n} (0..32) bits of the bit stream. */
    long bits(int n, String field) throws RawRecordingException {
        if (avail < n) {
            refill();
            if (avail < n) {
                throw error(field, "the bit stream ends early");
            }
        }
        if (n == 0) {
            return 0;
        }
        long v = window >>> 64 - n;
        window <<= n;
        avail -= n;
        return v;
    }

    /** A Rice code with parameter {@code k} (see {@link PayloadWriter#rice}). */
    long rice(int k, String field) throws RawRecordingException {
        if (avail <= RawRecordingFormat.RICE_ESCAPE) {
            refill();
        }
        int ones = Long.numberOfLeadingZeros(~window);
        if (ones >= RawRecordingFormat.RICE_ESCAPE && avail >= RawRecordingFormat.RICE_ESCAPE) {
            window <<= RawRecordingFormat.RICE_ESCAPE;
            avail -= RawRecordingFormat.RICE_ESCAPE;
            return bits(32, field);
        }
        if (ones >= avail) {
            throw error(field, "the bit stream ends early");
        }
        window <<= ones + 1;
        avail -= ones + 1;
        return (long) ones << k | bits(k, field);
    }

    /** Checks the bit stream ended with at most 7 zero bits of padding and nothing after. */
    void endBits(String field) throws RawRecordingException {
        if (pos != end || avail >= 8 || window != 0) {
            throw error(field, "bytes or set bits left after the bit stream");
        }
    }
}
