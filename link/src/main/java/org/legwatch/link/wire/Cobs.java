package org.legwatch.link.wire;

/**
 * Consistent Overhead Byte Stuffing (Cheshire and Baker, 1999): rewrites a block so that it holds no
 * zero byte, at a cost of one byte plus one per 254, which leaves 0x00 free to delimit frames. A
 * receiver that joins a stream mid-frame, or sees garbage, is back in step at the next 0x00.
 */
public final class Cobs {

    private Cobs() {}

    /** Most bytes {@link #encode} writes for {@code n} input bytes. */
    public static int maxEncodedLength(int n) {
        return n + n / 254 + 1;
    }

    /**
     * Encodes {@code len} bytes of {@code src} from {@code off} into {@code dst} at {@code dstOff}.
     *
     * @return bytes written
     */
    public static int encode(byte[] src, int off, int len, byte[] dst, int dstOff) {
        int codeAt = dstOff;
        int out = dstOff + 1;
        int code = 1;
        for (int i = off; i < off + len; i++) {
            byte b = src[i];
            if (b == 0) {
                dst[codeAt] = (byte) code;
                codeAt = out++;
                code = 1;
            } else {
                dst[out++] = b;
                code++;
                if (code == 0xFF) {
                    dst[codeAt] = (byte) code;
                    codeAt = out++;
                    code = 1;
                }
            }
        }
        dst[codeAt] = (byte) code;
        return out - dstOff;
    }

    /**
     * Decodes {@code len} stuffed bytes (no delimiter) into {@code dst}, which must hold at least
     * {@code len} bytes.
     *
     * @return decoded length
     * @throws WireFormatException when a code byte is zero or points past the end
     */
    public static int decode(byte[] src, int off, int len, byte[] dst) throws WireFormatException {
        int i = off;
        int end = off + len;
        int out = 0;
        while (i < end) {
            int code = src[i++] & 0xFF;
            if (code == 0) {
                throw new WireFormatException("COBS: zero code byte");
            }
            int n = code - 1;
            if (n > end - i) {
                throw new WireFormatException("COBS: block of " + n + " bytes runs past the frame end");
            }
            for (int k = 0; k < n; k++) {
                byte b = src[i++];
                if (b == 0) {
                    throw new WireFormatException("COBS: zero byte inside a block");
                }
                dst[out++] = b;
            }
            if (code != 0xFF && i < end) {
                dst[out++] = 0;
            }
        }
        return out;
    }
}
