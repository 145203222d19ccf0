package org.legwatch.device.sensor;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.i2c.I2C;
import com.pi4j.io.i2c.I2CConfig;
import com.pi4j.plugin.mock.provider.i2c.MockI2CProvider;
import java.util.ArrayList;
import java.util.List;

/**
 * A Pi4J context on pi4j-plugin-mock. The mock's registers are FIFO queues: a write appends, a
 * read pops (sign-extended), a multi-byte read pops that many bytes from the one register's
 * queue (no auto-increment). So a test preloads what the chip would answer by writing it to the
 * register the driver reads from, and after the driver has written its configuration, pops the
 * register to see exactly what was written, in order.
 */
final class MockBus implements AutoCloseable {

    static final int BUS = 1;

    final Context context;

    MockBus() {
        this(MockI2CProvider.newInstance());
    }

    MockBus(MockI2CProvider provider) {
        context = Pi4J.newContextBuilder().add(provider).build();
    }

    I2C open(int address) {
        I2CConfig config = I2C.newConfigBuilder(context)
                .id("test-" + Integer.toHexString(address))
                .bus(BUS)
                .device(address)
                .build();
        return context.create(config);
    }

    /** Appends bytes to a register's queue. */
    static void preload(I2C i2c, int register, int... values) {
        for (int v : values) {
            i2c.writeRegister(register, (byte) v);
        }
    }

    /** Pops everything left in a register's queue, as unsigned values. */
    static List<Integer> drain(I2C i2c, int register) {
        List<Integer> values = new ArrayList<>();
        byte[] one = new byte[1];
        while (i2c.readRegister(register, one, 0, 1) == 1) {
            values.add(one[0] & 0xFF);
        }
        return values;
    }

    /** Little-endian bytes of signed 16-bit values. */
    static int[] le16(int... values) {
        int[] bytes = new int[values.length * 2];
        for (int i = 0; i < values.length; i++) {
            bytes[2 * i] = values[i] & 0xFF;
            bytes[2 * i + 1] = values[i] >> 8 & 0xFF;
        }
        return bytes;
    }

    @Override
    public void close() {
        context.shutdown();
    }
}
