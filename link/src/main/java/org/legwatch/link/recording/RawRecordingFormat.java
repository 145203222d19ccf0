package org.legwatch.link.recording;

import java.util.zip.CRC32C;

/**
 * Constants and framing of the raw recording format; docs/formats.md ("Raw recording, binary")
 * is its byte-by-byte specification. In short, big-endian throughout:
 *
 * <pre>
 * file   = magic (8) version (u16) block*
 * block  = marker "LWRB" (4) type (u8) length n (u16) payload (n) CRC-32C (4, over type, length, payload)
 * types  = 1 PART (a part's header), 2 SAMPLES (up to 1 s of samples), 3 PART_END (clean close)
 * </pre>
 */
public final class RawRecordingFormat {
    /** The first eight bytes of every raw recording: "\x89LWR\r\n\x1a\n" (catches text-mode mangling). */
    static final byte[] MAGIC = {(byte) 0x89, 'L', 'W', 'R', '\r', '\n', 0x1A, '\n'};
    static final int VERSION = 1;
    /** Bytes before the first block: magic and version. */
    static final int FILE_HEADER = MAGIC.length + 2;

    /** "LWRB": where a block starts. */
    static final int MARKER = 0x4C575242;
    /** Marker, type, length. */
    static final int FRAME_HEADER = 7;
    /** Frame header plus CRC. */
    static final int FRAME_OVERHEAD = FRAME_HEADER + 4;
    /** Longest payload a block may have; an encoded block of {@link #MAX_BLOCK_SAMPLES} stays well below. */
    static final int MAX_PAYLOAD = 0xFFFF;

    static final int PART = 1;
    static final int SAMPLES = 2;
    static final int PART_END = 3;

    /** Samples a block holds at most. */
    static final int MAX_BLOCK_SAMPLES = 1024;
    /** Rice quotients from this on are written as an escape: this many 1 bits, then the value in 32 bits. */
    static final int RICE_ESCAPE = 16;
    /** Predictors of an axis in a samples block. */
    static final int PREDICT_PREVIOUS = 0;
    static final int PREDICT_LINEAR = 1;
    static final int PREDICT_REFERENCE = 2;
    /** Time modes of a samples block. */
    static final int TIME_CONSTANT = 0;
    static final int TIME_BITMAP = 1;

    /** The file name ending suggested for raw recordings. */
    public static final String EXTENSION = ".lwr";

    private RawRecordingFormat() {
    }

    /** Whether {@code head} (the first bytes of a file) starts with the magic. */
    public static boolean hasMagic(byte[] head, int length) {
        if (length < MAGIC.length) {
            return false;
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (head[i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    /** Bytes a file must start with to be recognised: the magic. */
    public static int magicLength() {
        return MAGIC.length;
    }

    /**
     * Completes the frame in {@code frame[0 .. FRAME_OVERHEAD + length)} whose payload is already
     * at {@link #FRAME_HEADER}: marker, type, length and CRC. Returns the frame's length.
     */
    static int frame(byte[] frame, int type, int length, CRC32C crc) {
        putInt(frame, 0, MARKER);
        frame[4] = (byte) type;
        frame[5] = (byte) (length >>> 8);
        frame[6] = (byte) length;
        crc.reset();
        crc.update(frame, 4, FRAME_HEADER - 4 + length);
        putInt(frame, FRAME_HEADER + length, (int) crc.getValue());
        return FRAME_OVERHEAD + length;
    }

    static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }

    static int getInt(byte[] b, int at) {
        return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
    }

    static long zigzag(long v) {
        return v << 1 ^ v >> 63;
    }

    static long unzigzag(long u) {
        return u >>> 1 ^ -(u & 1);
    }
}
