package org.legwatch.device.sensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.io.i2c.I2C;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.legwatch.link.recording.CountScale;
import org.legwatch.link.recording.RawRecordingHeader;
import org.legwatch.link.recording.RawRecordingReader;
import org.legwatch.link.recording.RawRecordingWriter;

class Lsm6dsoxTest {

    private static final int STATUS = 0x3A;
    private static final int TAG = 0x78;
    /** TAG_SENSOR 00010 (accelerometer, uncompressed), TAG_CNT 01, parity 1. */
    private static final int XL = 0x02 << 3 | 0x03;
    /** TAG_SENSOR 00001 (gyroscope). */
    private static final int GYRO = 0x01 << 3;
    /** TAG_SENSOR 00100 (timestamp). */
    private static final int TIMESTAMP = 0x04 << 3;

    private final MockBus bus = new MockBus();
    private final I2C i2c = bus.open(Lsm6dsox.ADDRESS);
    private final FakeClock clock = new FakeClock();
    private final Lsm6dsox chip = new Lsm6dsox(i2c, clock);

    @AfterEach
    void close() {
        bus.close();
    }

    private void word(int tag, int x, int y, int z) {
        MockBus.preload(i2c, TAG, tag);
        MockBus.preload(i2c, TAG, MockBus.le16(x, y, z));
    }

    @Test
    void identifiesByWhoAmI() {
        MockBus.preload(i2c, 0x0F, 0x6C);
        chip.identify();
        assertEquals(0x6A, chip.address());
    }

    @Test
    void wrongIdNamesAddressAndValue() {
        MockBus.preload(i2c, 0x0F, 0x69);               // an LSM6DS3
        SensorException e = assertThrows(SensorException.class, chip::identify);
        assertTrue(e.getMessage().contains("0x6A"), e.getMessage());
        assertTrue(e.getMessage().contains("reads 0x69, not 0x6C"), e.getMessage());
    }

    @Test
    void configurationWrites104HzAccelerometerOnlyContinuous() {
        chip.configure(104, 2);
        assertEquals(List.of(0x44), MockBus.drain(i2c, 0x12));        // CTRL3_C BDU | IF_INC
        assertEquals(List.of(0x00), MockBus.drain(i2c, 0x11));        // CTRL2_G gyroscope off
        assertEquals(List.of(0x40), MockBus.drain(i2c, 0x10));        // CTRL1_XL ODR 0100 = 104 Hz, FS 00 = 2 g
        assertEquals(List.of(0x20), MockBus.drain(i2c, 0x07));        // FIFO_CTRL1 WTM = 32
        assertEquals(List.of(0x00), MockBus.drain(i2c, 0x08));        // FIFO_CTRL2 WTM8 = 0, no compression
        assertEquals(List.of(0x04), MockBus.drain(i2c, 0x09));        // FIFO_CTRL3 BDR_XL 104 Hz, gyro not batched
        assertEquals(List.of(0x00, 0x06), MockBus.drain(i2c, 0x0A));  // FIFO_CTRL4 bypass, then continuous
    }

    @Test
    void rangeCodesAreNotInOrder() {
        assertEquals(Double.NaN, chip.gPerCount());
        chip.configure(52, 16);
        assertEquals(0.000488, chip.gPerCount());
        assertEquals(List.of(0x34), MockBus.drain(i2c, 0x10));        // FS 01 = 16 g
        chip.configure(416, 4);
        assertEquals(0.000122, chip.gPerCount());
        assertEquals(List.of(0x68), MockBus.drain(i2c, 0x10));        // FS 10 = 4 g
        chip.configure(12.5, 8);
        assertEquals(List.of(0x1C), MockBus.drain(i2c, 0x10));        // FS 11 = 8 g
        assertEquals(List.of(0x03, 0x06, 0x01), MockBus.drain(i2c, 0x09)); // BDR_XL follows ODR_XL
    }

    @Test
    void readsAccelerometerWordsAndSkipsOthers() {
        chip.configure(104, 2);
        MockBus.preload(i2c, STATUS, 0x04, 0x80);        // DIFF_FIFO = 4, watermark flag
        word(XL, 16393, -16393, 0);                      // 16393 x 0.061 mg = 0.999973 g
        word(GYRO, 1000, 1000, 1000);
        word(TIMESTAMP, 1, 2, 3);
        word(XL, 1, -1, 32767);
        double[] x = new double[8], y = new double[8], z = new double[8];
        assertEquals(2, chip.readFifo(x, y, z, 8));
        assertEquals(0.999973, x[0], 1e-9);
        assertEquals(-0.999973, y[0], 1e-9);
        assertEquals(0.000061, x[1], 1e-12);
        assertEquals(-0.000061, y[1], 1e-12);
        assertEquals(1.998787, z[1], 1e-9);
        assertFalse(chip.overrunSinceLastRead());
        assertEquals(List.of(), MockBus.drain(i2c, TAG), "all 4 x 7 bytes in one burst");
    }

    @Test
    void aFifoBurstRecordedRawKeepsEveryWord(@TempDir Path dir) throws IOException {
        chip.configure(104, 2);
        int[][] words = new int[32][];
        MockBus.preload(i2c, STATUS, words.length, 0x80);
        for (int i = 0; i < words.length; i++) {
            words[i] = new int[] {i % 3 == 0 ? 32767 : -32768 + i, 16393 - 7 * i, (i * 977) % 65536 - 32768};
            word(XL, words[i][0], words[i][1], words[i][2]);
        }
        double[] x = new double[32], y = new double[32], z = new double[32];
        long[] t = new long[32];
        assertEquals(32, chip.readFifo(x, y, z, 32));
        for (int i = 0; i < 32; i++) {
            t[i] = 5_000_000 + Math.round(i * 1e6 / 104);
        }
        Path file = dir.resolve("right.lwr");
        RawRecordingHeader header = new RawRecordingHeader('R', chip.chipName(), chip.nominalRateHz(), chip.rangeG(),
                CountScale.of(chip.gPerCount()), "night-1", "boot-1", 0, 0, 0, false);
        try (RawRecordingWriter writer = RawRecordingWriter.open(file, header, RawRecordingWriter.Options.DEFAULT)) {
            writer.append(t, x, y, z, 0, 32);
        }
        try (RawRecordingReader reader = RawRecordingReader.open(file)) {
            assertEquals(new CountScale(61, -6), reader.header().scale());
            for (int i = 0; i < 32; i++) {
                assertTrue(reader.next());
                assertEquals(t[i], reader.tUs());
                assertEquals(List.of(words[i][0], words[i][1], words[i][2]), List.of(reader.xCount(), reader.yCount(), reader.zCount()));
            }
            assertFalse(reader.next());
        }
    }

    @Test
    void levelUsesTheHighBitsOfStatus2() {
        chip.configure(104, 8);
        MockBus.preload(i2c, STATUS, 0x00, 0x01);        // DIFF_FIFO = 256
        for (int i = 0; i < 256; i++) {
            word(XL, 4096, 0, -4096);
        }
        double[] x = new double[300], y = new double[300], z = new double[300];
        assertEquals(256, chip.readFifo(x, y, z, 300));
        assertEquals(4096 * 0.000244, x[255], 1e-12);
        assertEquals(-4096 * 0.000244, z[255], 1e-12);
    }

    @Test
    void overrunIsDetectedAndLostSamplesEstimated() {
        chip.configure(104, 2);
        clock.advanceMillis(1000);                       // 104 made
        MockBus.preload(i2c, STATUS, 100, 0x48);         // level 100, FIFO_OVR_IA | FIFO_OVR_LATCHED
        for (int i = 0; i < 100; i++) {
            word(XL, 0, 0, 16393);
        }
        double[] x = new double[64], y = new double[64], z = new double[64];
        assertEquals(64, chip.readFifo(x, y, z, 64));
        assertTrue(chip.overrunSinceLastRead());
        assertEquals(4, chip.samplesLostToOverrun());
        // 36 words left behind; 100 ms later (10.4 made) the FIFO overran again holding 40: 36 + 10 - 40 = 6 more.
        MockBus.drain(i2c, TAG);
        clock.advanceMillis(100);
        MockBus.preload(i2c, STATUS, 40, 0x08);
        for (int i = 0; i < 40; i++) {
            word(XL, 0, 0, 16393);
        }
        assertEquals(40, chip.readFifo(x, y, z, 64));
        assertEquals(2, chip.overrunCount());
        assertEquals(10, chip.samplesLostToOverrun());
    }

    @Test
    void shortBurstIsAnError() {
        chip.configure(104, 2);
        MockBus.preload(i2c, STATUS, 0x02, 0x00);
        word(XL, 0, 0, 0);
        assertThrows(SensorException.class, () -> chip.readFifo(new double[4], new double[4], new double[4], 4));
    }
}
