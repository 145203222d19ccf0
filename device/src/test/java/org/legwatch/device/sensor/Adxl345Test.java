package org.legwatch.device.sensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.io.i2c.I2C;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class Adxl345Test {

    private final MockBus bus = new MockBus();
    private final I2C i2c = bus.open(Adxl345.ADDRESS);
    private final FakeClock clock = new FakeClock();
    private final Adxl345 chip = new Adxl345(i2c, clock);

    @AfterEach
    void close() {
        bus.close();
    }

    @Test
    void identifiesByDevid() {
        MockBus.preload(i2c, 0x00, 0xE5);
        chip.identify();
        assertEquals("ADXL345", chip.chipName());
        assertEquals(0x53, chip.address());
    }

    @Test
    void wrongIdNamesAddressAndValue() {
        MockBus.preload(i2c, 0x00, 0x33);
        SensorException e = assertThrows(SensorException.class, chip::identify);
        assertTrue(e.getMessage().contains("0x53"), e.getMessage());
        assertTrue(e.getMessage().contains("reads 0x33"), e.getMessage());
        assertTrue(e.getMessage().contains("0xE5"), e.getMessage());
    }

    @Test
    void nothingAnsweringIsASensorException() {
        SensorException e = assertThrows(SensorException.class, chip::identify);
        assertTrue(e.getMessage().contains("nothing answered at I2C address 0x53"), e.getMessage());
    }

    @Test
    void configurationWrites100HzFullResStream() {
        chip.configure(100, 2);
        // POWER_CTL: standby, then Measure (D3).
        assertEquals(List.of(0x00, 0x08), MockBus.drain(i2c, 0x2D));
        // BW_RATE 1010 = 100 Hz (data sheet Table 7).
        assertEquals(List.of(0x0A), MockBus.drain(i2c, 0x2C));
        // DATA_FORMAT FULL_RES, right-justified, range 00 = +-2 g.
        assertEquals(List.of(0x08), MockBus.drain(i2c, 0x31));
        // FIFO_CTL bypass (clears), then stream (10) with 16 samples watermark.
        assertEquals(List.of(0x00, 0x90), MockBus.drain(i2c, 0x38));
        assertEquals(100.0, chip.nominalRateHz());
        assertEquals(2, chip.rangeG());
        assertEquals(0.0039, chip.gPerCount(), "full resolution: the same at every range");
    }

    @Test
    void configurationCodesForOtherRatesAndRanges() {
        assertEquals(Double.NaN, chip.gPerCount());
        chip.configure(3200, 16);
        assertEquals(0.0039, chip.gPerCount());
        assertEquals(List.of(0x0F), MockBus.drain(i2c, 0x2C));
        assertEquals(List.of(0x0B), MockBus.drain(i2c, 0x31));
        chip.configure(12.5, 8);
        assertEquals(List.of(0x07), MockBus.drain(i2c, 0x2C));
        assertEquals(List.of(0x0A), MockBus.drain(i2c, 0x31));
    }

    @Test
    void unsupportedRateOrRangeIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> chip.configure(104, 2));
        assertThrows(IllegalArgumentException.class, () -> chip.configure(100, 3));
    }

    @Test
    void readsFifoEntriesInG() {
        chip.configure(100, 2);
        MockBus.drain(i2c, 0x2D);
        MockBus.preload(i2c, 0x30, 0x82);           // DATA_READY | watermark, no overrun
        MockBus.preload(i2c, 0x39, 0x03);           // three entries
        // Full-res, right-justified: 256 LSB = 0.9984 g; -256; 1; -1; 4095 (13-bit max at 16 g); -4096.
        MockBus.preload(i2c, 0x32, MockBus.le16(0, 0, 256));
        MockBus.preload(i2c, 0x32, MockBus.le16(-256, 1, -1));
        MockBus.preload(i2c, 0x32, MockBus.le16(4095, -4096, 0));
        double[] x = new double[8], y = new double[8], z = new double[8];
        int n = chip.readFifo(x, y, z, 8);
        assertEquals(3, n);
        assertEquals(0.0, x[0], 1e-12);
        assertEquals(0.9984, z[0], 1e-12);
        assertEquals(-0.9984, x[1], 1e-12);
        assertEquals(0.0039, y[1], 1e-12);
        assertEquals(-0.0039, z[1], 1e-12);
        assertEquals(15.9705, x[2], 1e-9);
        assertEquals(-15.9744, y[2], 1e-9);
        assertFalse(chip.overrunSinceLastRead());
        assertEquals(List.of(), MockBus.drain(i2c, 0x32), "exactly 3 x 6 bytes read");
    }

    @Test
    void readsNoMoreThanMax() {
        chip.configure(100, 2);
        MockBus.preload(i2c, 0x30, 0x00);
        MockBus.preload(i2c, 0x39, 0x05);
        for (int i = 0; i < 5; i++) {
            MockBus.preload(i2c, 0x32, MockBus.le16(i, 0, 0));
        }
        double[] x = new double[2], y = new double[2], z = new double[2];
        assertEquals(2, chip.readFifo(x, y, z, 10));
        assertEquals(0.0039, x[1], 1e-12);
        assertEquals(18, MockBus.drain(i2c, 0x32).size(), "three entries left for the next read");
    }

    @Test
    void emptyFifoReadsNothing() {
        chip.configure(100, 2);
        MockBus.preload(i2c, 0x30, 0x00);
        MockBus.preload(i2c, 0x39, 0x00);
        assertEquals(0, chip.readFifo(new double[4], new double[4], new double[4], 4));
    }

    @Test
    void shortTransferIsAnError() {
        chip.configure(100, 2);
        MockBus.preload(i2c, 0x30, 0x00);
        MockBus.preload(i2c, 0x39, 0x01);
        MockBus.preload(i2c, 0x32, 1, 0, 2);
        assertThrows(SensorException.class, () -> chip.readFifo(new double[4], new double[4], new double[4], 4));
    }

    @Test
    void overrunIsDetectedAndLostSamplesEstimated() {
        chip.configure(100, 2);
        // 500 ms at 100 Hz since configure: 50 samples made, the FIFO kept 32: 18 lost.
        clock.advanceMillis(500);
        MockBus.preload(i2c, 0x30, 0x03);           // watermark | Overrun
        MockBus.preload(i2c, 0x39, 32);
        for (int i = 0; i < 32; i++) {
            MockBus.preload(i2c, 0x32, MockBus.le16(0, 0, 256));
        }
        double[] x = new double[32], y = new double[32], z = new double[32];
        assertEquals(32, chip.readFifo(x, y, z, 32));
        assertTrue(chip.overrunSinceLastRead());
        assertEquals(1, chip.overrunCount());
        assertEquals(18, chip.samplesLostToOverrun());

        clock.advanceMillis(100);
        MockBus.preload(i2c, 0x30, 0x02);
        MockBus.preload(i2c, 0x39, 10);
        for (int i = 0; i < 10; i++) {
            MockBus.preload(i2c, 0x32, MockBus.le16(0, 0, 256));
        }
        assertEquals(10, chip.readFifo(x, y, z, 32));
        assertFalse(chip.overrunSinceLastRead());
        assertEquals(18, chip.samplesLostToOverrun());
    }

    @Test
    void readBeforeConfigureIsRefused() {
        assertThrows(IllegalStateException.class, () -> chip.readFifo(new double[1], new double[1], new double[1], 1));
    }
}
