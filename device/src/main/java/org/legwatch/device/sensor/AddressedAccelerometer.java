package org.legwatch.device.sensor;

import java.util.List;

/**
 * The sensor at a configured address, whatever supported chip it turns out to be. The chip is
 * found at the first {@link #identify()} that gets an answer, so the agent can start with a sensor
 * unplugged and pick it up when it is plugged in; until then every call fails as a silent bus would.
 */
public final class AddressedAccelerometer implements Accelerometer {
    private final SensorProbe probe;
    private final int bus;
    private final int address;
    private Accelerometer chip;

    public AddressedAccelerometer(SensorProbe probe, int bus, int address) {
        this.probe = probe;
        this.bus = bus;
        this.address = address;
    }

    private Accelerometer chip() {
        if (chip == null) {
            throw new SensorException(String.format("no supported accelerometer answers at 0x%02X on bus %d", address, bus));
        }
        return chip;
    }

    @Override
    public String chipName() {
        return chip == null ? "sensor" : chip.chipName();
    }

    @Override
    public int address() {
        return address;
    }

    @Override
    public void identify() {
        if (chip == null) {
            chip = probe.identify(bus, address).map(c -> probe.open(c, bus, address)).orElse(null);
        }
        chip().identify();
    }

    @Override
    public List<Double> supportedRatesHz() {
        return chip().supportedRatesHz();
    }

    @Override
    public List<Integer> supportedRangesG() {
        return chip().supportedRangesG();
    }

    @Override
    public void configure(double rateHz, int rangeG) {
        chip().configure(rateHz, rangeG);
    }

    @Override
    public double nominalRateHz() {
        return chip == null ? Double.NaN : chip.nominalRateHz();
    }

    @Override
    public int rangeG() {
        return chip == null ? 0 : chip.rangeG();
    }

    @Override
    public double gPerCount() {
        return chip().gPerCount();
    }

    /** Before the chip is known, the smallest FIFO of the supported chips. */
    @Override
    public int fifoCapacity() {
        return chip == null ? 32 : chip.fifoCapacity();
    }

    @Override
    public int watermark() {
        return chip == null ? 16 : chip.watermark();
    }

    @Override
    public int readFifo(double[] x, double[] y, double[] z, int max) {
        return chip().readFifo(x, y, z, max);
    }

    @Override
    public boolean overrunSinceLastRead() {
        return chip != null && chip.overrunSinceLastRead();
    }

    @Override
    public long samplesLostToOverrun() {
        return chip == null ? 0 : chip.samplesLostToOverrun();
    }

    @Override
    public long overrunCount() {
        return chip == null ? 0 : chip.overrunCount();
    }
}
