package org.legwatch.device.sensor;

import com.pi4j.io.i2c.I2C;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * What the three drivers share: register access over a Pi4J {@link I2C}, the id check, rate and
 * range validation, and overrun bookkeeping.
 *
 * <p>Register access. Every value read is masked with 0xFF (Pi4J returns the byte sign-extended).
 * A multi-byte read is one {@code I2C.readRegister(reg, buffer, 0, n)} call: on the linuxfs
 * provider that is one combined write-register/repeated-start/read transaction, and the chip
 * walks its own address pointer (auto-increment, and for the FIFO output registers the
 * roll-back to the first output register after each sample, see each driver). Pi4J's mock keeps
 * one FIFO queue per register and has no auto-increment: the same call pops {@code n} bytes
 * from the queue of {@code reg}, so a test preloads every byte of a burst, in bus order, into
 * the queue of the register the burst starts at. A transfer that returns fewer bytes than asked
 * (the mock returns the count it had, or -1 when empty) is an error, never partial data.
 */
abstract class I2cAccelerometer implements Accelerometer {
    private final ChipSpec spec;

    private final I2C i2c;
    private final LongSupplier nanoClock;

    private double rateHz = Double.NaN;
    private int rangeG;
    private boolean overrun;
    private long overruns;
    private long lost;
    private long lastReadNanos;
    private int leftInFifo;

    I2cAccelerometer(I2C i2c, LongSupplier nanoClock, ChipSpec spec) {
        this.spec = spec;
        this.i2c = Objects.requireNonNull(i2c, "i2c");
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
    }

    @Override
    public final String chipName() {
        return spec.name();
    }

    @Override
    public final List<Double> supportedRatesHz() {
        return spec.ratesHz();
    }

    @Override
    public final List<Integer> supportedRangesG() {
        return spec.rangesG();
    }

    @Override
    public final int fifoCapacity() {
        return spec.fifoCapacity();
    }

    @Override
    public final int watermark() {
        return spec.watermark();
    }

    @Override
    public final int address() {
        return i2c.device();
    }



    /** Writes the chip's configuration registers for an already validated rate and range. */
    abstract void writeConfiguration(double rateHz, int rangeG);

    @Override
    public final void identify() {
        int id;
        try {
            id = readByte(spec.idRegister());
        } catch (RuntimeException e) {
            throw new SensorException(String.format(
                    "%s: nothing answered at I2C address 0x%02X on bus %d (reading id register 0x%02X): %s",
                    chipName(), address(), i2c.bus(), spec.idRegister(), e.getMessage()), e);
        }
        if (id != spec.id()) {
            throw new SensorException(String.format(
                    "%s expected at I2C address 0x%02X on bus %d, but its id register 0x%02X reads 0x%02X, not 0x%02X",
                    chipName(), address(), i2c.bus(), spec.idRegister(), id, spec.id()));
        }
    }

    @Override
    public final void configure(double rateHz, int rangeG) {
        double rate = supportedRate(rateHz);
        if (!supportedRangesG().contains(rangeG)) {
            throw new IllegalArgumentException(chipName() + " has no +-" + rangeG + " g range; it has "
                    + supportedRangesG());
        }
        writeConfiguration(rate, rangeG);
        this.rateHz = rate;
        this.rangeG = rangeG;
        overrun = false;
        overruns = 0;
        lost = 0;
        leftInFifo = 0;
        lastReadNanos = nanoClock.getAsLong();
    }

    private double supportedRate(double rateHz) {
        for (double r : supportedRatesHz()) {
            if (Math.abs(r - rateHz) <= r * 0.005) {
                return r;
            }
        }
        throw new IllegalArgumentException(chipName() + " has no " + rateHz + " Hz output data rate; it has "
                + supportedRatesHz());
    }

    /** The index of {@code rate} in {@link #supportedRatesHz()} (rate already validated). */
    final int rateIndex(double rate) {
        return supportedRatesHz().indexOf(rate);
    }

    @Override
    public final double nominalRateHz() {
        return rateHz;
    }

    @Override
    public final int rangeG() {
        return rangeG;
    }

    @Override
    public final boolean overrunSinceLastRead() {
        return overrun;
    }

    @Override
    public final long samplesLostToOverrun() {
        return lost;
    }

    @Override
    public final long overrunCount() {
        return overruns;
    }

    final void requireConfigured() {
        if (Double.isNaN(rateHz)) {
            throw new IllegalStateException(chipName() + " at 0x" + Integer.toHexString(address())
                    + " read before configure()");
        }
    }

    static int limit(double[] x, double[] y, double[] z, int max) {
        if (max < 0) {
            throw new IllegalArgumentException("max < 0: " + max);
        }
        return Math.min(max, Math.min(x.length, Math.min(y.length, z.length)));
    }

    /**
     * Books one FIFO read: {@code level} samples were in the FIFO, {@code taken} of them read,
     * {@code overrunFlag} as the chip reported it.
     */
    final void account(int level, int taken, boolean overrunFlag) {
        long now = nanoClock.getAsLong();
        overrun = overrunFlag;
        if (overrunFlag) {
            overruns++;
            long produced = Math.round((now - lastReadNanos) * 1e-9 * rateHz);
            lost += Math.max(0, leftInFifo + produced - level);
        }
        leftInFifo = Math.max(0, level - taken);
        lastReadNanos = now;
    }

    /** Reads one register; a failed transfer (nothing answers) is a {@link SensorException}. */
    final int readByte(int register) {
        int value;
        try {
            value = i2c.readRegister(register);
        } catch (RuntimeException e) {
            throw new SensorException(String.format("%s at 0x%02X: reading register 0x%02X failed: %s",
                    chipName(), address(), register, e.getMessage()), e);
        }
        if (value < -128) {
            // Pi4J providers return a negative error code below the byte range when a transfer fails.
            throw new SensorException(String.format("%s at 0x%02X: reading register 0x%02X failed with %d",
                    chipName(), address(), register, value));
        }
        return value & 0xFF;
    }

    /** Writes one register; a failed transfer is a {@link SensorException}. */
    final void writeByte(int register, int value) {
        try {
            i2c.writeRegister(register, (byte) value);
        } catch (RuntimeException e) {
            throw new SensorException(String.format("%s at 0x%02X: writing 0x%02X to register 0x%02X failed: %s",
                    chipName(), address(), value & 0xFF, register, e.getMessage()), e);
        }
    }

    /** Reads {@code length} bytes starting at {@code register} in one I2C transaction. */
    final void burst(int register, byte[] buffer, int length) {
        int n;
        try {
            n = i2c.readRegister(register, buffer, 0, length);
        } catch (RuntimeException e) {
            throw new SensorException(String.format("%s at 0x%02X: reading %d bytes from register 0x%02X failed: %s",
                    chipName(), address(), length, register, e.getMessage()), e);
        }
        if (n != length) {
            throw new SensorException(String.format("%s at 0x%02X: reading %d bytes from register 0x%02X returned %d",
                    chipName(), address(), length, register, n));
        }
    }

    /** The little-endian signed 16-bit value at {@code buffer[offset]}. */
    static int le16(byte[] buffer, int offset) {
        return (short) ((buffer[offset] & 0xFF) | (buffer[offset + 1] << 8));
    }

    static List<Double> rates(double... hz) {
        return java.util.Arrays.stream(hz).boxed().toList();
    }
}
