package org.legwatch.device.journal;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * The on-disk layout of one journal record. All integers are big-endian.
 *
 * <pre>
 * offset        size  field
 * 0             4     sync marker: 0x4C 0x57 0x4A 0x52 ("LWJR")
 * 4             4     length: payload length in bytes, int32, 0 .. {@link #MAX_PAYLOAD}
 * 8             1     type: record type, 0 .. 255, meaning defined by the layer above
 * 9             n     payload: n = length bytes, opaque to the journal
 * 9 + n         4     CRC-32C (Castagnoli, {@link CRC32C}) over bytes 4 .. 9 + n - 1,
 *                     i.e. over length + type + payload, stored as the low 32 bits
 * </pre>
 *
 * A record is therefore {@link #OVERHEAD} + n bytes long. Records are laid end to end in a
 * segment file with no padding and no file header. A reader never trusts the length field: a
 * length outside 0 .. {@link #MAX_PAYLOAD}, or one that runs past the end of the file, makes the
 * record invalid before anything is allocated for it. The marker is not covered by the CRC; it
 * only lets a reader find the start of the next record after a damaged one.
 */
public final class RecordFormat {

    /** The four bytes that open every record. */
    public static final int MARKER = 0x4C574A52;

    /** Largest payload a record may carry (64 KiB). */
    public static final int MAX_PAYLOAD = 64 * 1024;

    /** Bytes before the payload: marker, length, type. */
    public static final int HEADER = 9;

    /** Bytes a record adds to its payload: header plus CRC. */
    public static final int OVERHEAD = HEADER + 4;

    private RecordFormat() {}

    /** The whole record, ready to be written. */
    public static ByteBuffer encode(int type, byte[] payload) {
        if (type < 0 || type > 255) {
            throw new IllegalArgumentException("record type out of range 0..255: " + type);
        }
        if (payload.length > MAX_PAYLOAD) {
            throw new IllegalArgumentException(
                    "payload of " + payload.length + " bytes exceeds the maximum of " + MAX_PAYLOAD);
        }
        ByteBuffer buf = ByteBuffer.allocate(OVERHEAD + payload.length);
        buf.putInt(MARKER).putInt(payload.length).put((byte) type).put(payload);
        buf.putInt((int) crc(buf.array(), 4, HEADER - 4 + payload.length));
        return buf.flip();
    }

    /** CRC-32C of {@code len} bytes of {@code b} from {@code off}. */
    static long crc(byte[] b, int off, int len) {
        CRC32C c = new CRC32C();
        c.update(b, off, len);
        return c.getValue();
    }
}
