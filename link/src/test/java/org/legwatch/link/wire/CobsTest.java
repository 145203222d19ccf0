package org.legwatch.link.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CobsTest {

    static byte[] roundTrip(byte[] data) throws WireFormatException {
        byte[] enc = new byte[Cobs.maxEncodedLength(data.length)];
        int n = Cobs.encode(data, 0, data.length, enc, 0);
        assertTrue(n <= Cobs.maxEncodedLength(data.length));
        for (int i = 0; i < n; i++) {
            assertTrue(enc[i] != 0, "zero byte at " + i + " of the stuffed block");
        }
        byte[] dec = new byte[n];
        int m = Cobs.decode(enc, 0, n, dec);
        return Arrays.copyOf(dec, m);
    }

    @Test
    void knownVectorsFromThePaper() throws WireFormatException {
        byte[] enc = new byte[8];
        int n = Cobs.encode(new byte[] {0x11, 0x22, 0x00, 0x33}, 0, 4, enc, 0);
        assertArrayEquals(new byte[] {0x03, 0x11, 0x22, 0x02, 0x33}, Arrays.copyOf(enc, n));
        n = Cobs.encode(new byte[] {0x00}, 0, 1, enc, 0);
        assertArrayEquals(new byte[] {0x01, 0x01}, Arrays.copyOf(enc, n));
        n = Cobs.encode(new byte[0], 0, 0, enc, 0);
        assertArrayEquals(new byte[] {0x01}, Arrays.copyOf(enc, n));
    }

    @Test
    void everyBlockSurvivesAroundThe254ByteBoundaries() throws WireFormatException {
        Random rnd = new Random(3);
        for (int len = 0; len < 1100; len++) {
            for (double zeros : new double[] {0, 0.01, 0.5, 1}) {
                byte[] data = new byte[len];
                for (int i = 0; i < len; i++) {
                    data[i] = rnd.nextDouble() < zeros ? 0 : (byte) (1 + rnd.nextInt(255));
                }
                assertArrayEquals(data, roundTrip(data), "length " + len + ", zero share " + zeros);
            }
        }
    }

    @Test
    void aCodeByteThatRunsPastTheEndOrIsZeroIsRejected() {
        byte[] out = new byte[16];
        assertThrows(WireFormatException.class, () -> Cobs.decode(new byte[] {0x05, 0x11, 0x22}, 0, 3, out));
        assertThrows(WireFormatException.class, () -> Cobs.decode(new byte[] {0x03, 0x11, 0x00}, 0, 3, out));
        assertEquals(2, assertDoesNotThrowDecode(new byte[] {0x03, 0x11, 0x22}, out));
    }

    private static int assertDoesNotThrowDecode(byte[] in, byte[] out) {
        try {
            return Cobs.decode(in, 0, in.length, out);
        } catch (WireFormatException e) {
            throw new AssertionError(e);
        }
    }
}
