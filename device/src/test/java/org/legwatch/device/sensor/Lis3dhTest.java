package org.legwatch.device.sensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.io.i2c.I2C;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class Lis3dhTest {

    /** Where the burst is preloaded: OUT_X_L (0x28) with the auto-increment bit (0x80). */
    private static final int BURST = 0xA8;

    private final MockBus bus = new MockBus();
    private final I2C i2c = bus.open(Lis3dh.ADDRESS_ALT);
    private final FakeClock clock = new FakeClock();
    private final Lis3dh chip = new Lis3dh(i2c, clock);

    @AfterEach
    void close() {
        bus.close();
    }

    @Test
    void identifiesByWhoAmI() {
        MockBus.preload(i2c, 0x0F, 0x33);
        chip.identify();
        assertEquals(0x19, chip.address());
    }

    @Test
    void wrongIdNamesAddressAndValue() {
        MockBus.preload(i2c, 0x0F, 0x6C);
        SensorException e = assertThrows(SensorException.class, chip::identify);
        assertTrue(e.getMessage().contains("LIS3DH expected at I2C address 0x19"), e.getMessage());
        assertTrue(e.getMessage().contains("reads 0x6C, not 0x33"), e.getMessage());
    }

    @Test
    void configurationWrites100HzHighResStream() {
        chip.configure(100, 2);
        // CTRL_REG1: ODR 0101 (100 Hz), LPen 0, Z/Y/X enabled.
        assertEquals(List.of(0x57), MockBus.drain(i2c, 0x20));
        // CTRL_REG4: BDU, FS 00 (+-2 g), HR.
        assertEquals(List.of(0x88), MockBus.drain(i2c, 0x23));
        // CTRL_REG5: FIFO_EN.
        assertEquals(List.of(0x40), MockBus.drain(i2c, 0x24));
        // FIFO_CTRL_REG: bypass (clears), then stream (10) with FTH 16.
        assertEquals(List.of(0x00, 0x90), MockBus.drain(i2c, 0x2E));
    }

    @Test
    void configurationCodesForOtherRatesAndRanges() {
        assertEquals(Double.NaN, chip.gPerCount());
        chip.configure(1344, 16);
        assertEquals(0.012, chip.gPerCount());
        assertEquals(List.of(0x97), MockBus.drain(i2c, 0x20));
        assertEquals(List.of(0xB8), MockBus.drain(i2c, 0x23));
        chip.configure(25, 4);
        assertEquals(0.002, chip.gPerCount());
        assertEquals(List.of(0x37), MockBus.drain(i2c, 0x20));
        assertEquals(List.of(0x98), MockBus.drain(i2c, 0x23));
        assertThrows(IllegalArgumentException.class, () -> chip.configure(1620, 2), "low-power only");
    }

    @Test
    void readsTheFifoInOneBurstInG() {
        chip.configure(100, 2);
        MockBus.preload(i2c, 0x2F, 0x83);            // WTM, not empty, FSS = 3
        // High resolution: 12 bits left-justified, 1 mg/digit at +-2 g.
        // 1000 digits = 16000 raw; -1000 = -16000; 2047 = 0x7FF0; -2048 = 0x8000; 1 = 16; -1 = -16.
        MockBus.preload(i2c, BURST, MockBus.le16(16000, -16000, 0));
        MockBus.preload(i2c, BURST, MockBus.le16(0x7FF0, (short) 0x8000, 16));
        MockBus.preload(i2c, BURST, MockBus.le16(-16, 0, 16000));
        double[] x = new double[4], y = new double[4], z = new double[4];
        assertEquals(3, chip.readFifo(x, y, z, 4));
        assertEquals(1.0, x[0], 1e-12);
        assertEquals(-1.0, y[0], 1e-12);
        assertEquals(2.047, x[1], 1e-12);
        assertEquals(-2.048, y[1], 1e-12);
        assertEquals(0.001, z[1], 1e-12);
        assertEquals(-0.001, x[2], 1e-12);
        assertEquals(1.0, z[2], 1e-12);
        assertFalse(chip.overrunSinceLastRead());
        assertEquals(List.of(), MockBus.drain(i2c, BURST));
    }

    @Test
    void scaleFollowsRange() {
        chip.configure(100, 16);
        MockBus.preload(i2c, 0x2F, 0x01);
        MockBus.preload(i2c, BURST, MockBus.le16(16000, -16, 0));
        double[] x = new double[1], y = new double[1], z = new double[1];
        assertEquals(1, chip.readFifo(x, y, z, 1));
        assertEquals(12.0, x[0], 1e-9);          // 1000 digits x 12 mg
        assertEquals(-0.012, y[0], 1e-12);
    }

    @Test
    void oneBurstIsOneTransaction() {
        chip.configure(100, 2);
        MockBus.preload(i2c, 0x2F, 0x02);
        MockBus.preload(i2c, BURST, MockBus.le16(16, 16, 16, 32, 32, 32));
        MockBus.preload(i2c, BURST, 0x7F);        // a byte that must stay: only 12 are read
        double[] x = new double[4], y = new double[4], z = new double[4];
        assertEquals(2, chip.readFifo(x, y, z, 4));
        assertEquals(0.002, z[1], 1e-12);
        assertEquals(List.of(0x7F), MockBus.drain(i2c, BURST));
    }

    @Test
    void overrunIsDetectedAndLostSamplesEstimated() {
        chip.configure(50, 2);
        // 1 s at 50 Hz: 50 made; FSS reports 31 held: 19 lost.
        clock.advanceMillis(1000);
        MockBus.preload(i2c, 0x2F, 0xDF);            // WTM | OVRN_FIFO | FSS 31
        for (int i = 0; i < 31; i++) {
            MockBus.preload(i2c, BURST, MockBus.le16(0, 0, 16000));
        }
        double[] x = new double[32], y = new double[32], z = new double[32];
        assertEquals(31, chip.readFifo(x, y, z, 32));
        assertTrue(chip.overrunSinceLastRead());
        assertEquals(19, chip.samplesLostToOverrun());
        assertEquals(1, chip.overrunCount());
    }

    @Test
    void emptyFifoMakesNoBurst() {
        chip.configure(100, 2);
        MockBus.preload(i2c, 0x2F, 0x20);            // EMPTY
        assertEquals(0, chip.readFifo(new double[4], new double[4], new double[4], 4));
    }
}
