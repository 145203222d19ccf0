package org.legwatch.device.sensor;

import com.pi4j.context.Context;
import com.pi4j.io.i2c.I2C;
import com.pi4j.io.i2c.I2CConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Looks for the supported accelerometers on one I2C bus: at each of the six addresses it opens
 * the device, reads the chip's id register and keeps the address if the id matches. An address
 * where nothing answers (the read fails) or something else answers is skipped.
 */
public final class SensorProbe {

    /** The chips the device supports. */
    public enum Chip {
        ADXL345(Adxl345.SPEC),
        LIS3DH(Lis3dh.SPEC),
        LSM6DSOX(Lsm6dsox.SPEC);

        final ChipSpec spec;

        Chip(ChipSpec spec) {
            this.spec = spec;
        }

        /** The two I2C addresses this chip can have. */
        public List<Integer> addresses() {
            return spec.addresses();
        }

        /** A driver for this chip over an open device. */
        public Accelerometer driver(I2C i2c) {
            return switch (this) {
                case ADXL345 -> new Adxl345(i2c);
                case LIS3DH -> new Lis3dh(i2c);
                case LSM6DSOX -> new Lsm6dsox(i2c);
            };
        }
    }

    /** A chip found on the bus. */
    public record Found(Chip chip, int bus, int address) {
        @Override
        public String toString() {
            return String.format("%s at 0x%02X on bus %d", chip, address, bus);
        }
    }

    private final Context context;

    public SensorProbe(Context context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    /** The supported chips that answer on {@code bus}, in the order ADXL345, LIS3DH, LSM6DSOX, primary address first. */
    public List<Found> probe(int bus) {
        List<Found> found = new ArrayList<>();
        for (Chip chip : Chip.values()) {
            for (int address : chip.spec.addresses()) {
                if (answers(chip, bus, address)) {
                    found.add(new Found(chip, bus, address));
                }
            }
        }
        return found;
    }

    /** The supported chip that answers at {@code address} on {@code bus}, if any. */
    public Optional<Chip> identify(int bus, int address) {
        for (Chip chip : Chip.values()) {
            if (chip.addresses().contains(address) && answers(chip, bus, address)) {
                return Optional.of(chip);
            }
        }
        return Optional.empty();
    }

    /** A driver for {@code chip} at {@code address} on {@code bus}; the device stays open for the context's life. */
    public Accelerometer open(Chip chip, int bus, int address) {
        return chip.driver(create("legwatch", bus, address));
    }

    /** Opens a device; a bus that cannot be opened at all is a {@link SensorException} saying so. */
    private I2C create(String idPrefix, int bus, int address) {
        I2CConfig config = I2C.newConfigBuilder(context)
                .id(String.format("%s-%d-%02x", idPrefix, bus, address))
                .bus(bus)
                .device(address)
                .build();
        try {
            return context.create(config);
        } catch (RuntimeException e) {
            throw new SensorException("I2C bus " + bus + " cannot be opened (is I2C enabled and the user in group i2c?"
                    + " see docs/hardware.md): " + e.getMessage(), e);
        }
    }

    private boolean answers(Chip chip, int bus, int address) {
        I2C i2c = create("legwatch-probe", bus, address);
        try {
            byte[] id = new byte[1];
            int n = i2c.readRegister(chip.spec.idRegister(), id, 0, 1);
            return n == 1 && (id[0] & 0xFF) == chip.spec.id();
        } catch (RuntimeException nothingThere) {
            return false;
        } finally {
            context.shutdown(i2c);
        }
    }
}
