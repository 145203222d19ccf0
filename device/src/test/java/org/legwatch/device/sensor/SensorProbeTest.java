package org.legwatch.device.sensor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.pi4j.io.i2c.I2C;
import com.pi4j.io.i2c.I2CConfig;
import com.pi4j.plugin.mock.provider.i2c.MockI2CProviderImpl;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SensorProbeTest {

    /**
     * The mock provider makes a fresh, empty device at every create(), so the chips "on the bus"
     * are simulated by a provider that preloads each device's id register as it is opened.
     */
    static final class BusWith extends MockI2CProviderImpl {
        private final Map<Integer, int[]> idByAddress;

        BusWith(Map<Integer, int[]> idByAddress) {
            this.idByAddress = idByAddress;
        }

        @Override
        public I2C create(I2CConfig config) {
            I2C i2c = super.create(config);
            int[] regAndId = idByAddress.get(config.device());
            if (regAndId != null) {
                i2c.writeRegister(regAndId[0], (byte) regAndId[1]);
            }
            return i2c;
        }
    }

    @Test
    void findsTheChipsThatAnswerWithTheirId() {
        BusWith provider = new BusWith(Map.of(
                0x53, new int[] {0x00, 0xE5},      // ADXL345
                0x19, new int[] {0x0F, 0x33},      // LIS3DH, SA0 high
                0x6A, new int[] {0x0F, 0x6C},      // LSM6DSOX
                0x6B, new int[] {0x0F, 0x69},      // an LSM6DS3: not ours
                0x1D, new int[] {0x00, 0x00}));    // something else
        try (MockBus bus = new MockBus(provider)) {
            List<SensorProbe.Found> found = new SensorProbe(bus.context).probe(MockBus.BUS);
            assertEquals(List.of(
                    new SensorProbe.Found(SensorProbe.Chip.ADXL345, 1, 0x53),
                    new SensorProbe.Found(SensorProbe.Chip.LIS3DH, 1, 0x19),
                    new SensorProbe.Found(SensorProbe.Chip.LSM6DSOX, 1, 0x6A)), found);
            assertEquals("LIS3DH at 0x19 on bus 1", found.get(1).toString());
            // The probe closes what it opens: probing again works and finds the same.
            assertEquals(found, new SensorProbe(bus.context).probe(MockBus.BUS));
        }
    }

    @Test
    void emptyBusFindsNothing() {
        try (MockBus bus = new MockBus()) {
            assertEquals(List.of(), new SensorProbe(bus.context).probe(MockBus.BUS));
        }
    }

    @Test
    void foundChipGivesItsDriver() {
        try (MockBus bus = new MockBus()) {
            I2C i2c = bus.open(0x18);
            assertEquals("LIS3DH", SensorProbe.Chip.LIS3DH.driver(i2c).chipName());
            assertEquals(List.of(0x6A, 0x6B), SensorProbe.Chip.LSM6DSOX.addresses());
        }
    }
}
