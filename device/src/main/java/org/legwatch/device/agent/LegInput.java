package org.legwatch.device.agent;

import org.legwatch.analysis.scoring.Leg;

/**
 * Where one leg's samples come from: a real sensor on the I2C bus, or a simulated one. The agent
 * polls each input from its one sampling thread.
 */
public interface LegInput extends AutoCloseable {
    Leg leg();

    /** Nominal sample rate in Hz. */
    double rateHz();

    /** What describes the sensor in logs and in the night's record, e.g. "LIS3DH at 0x18". */
    String description();

    /**
     * Reads every sample available now into {@code into} (replacing its contents), with their
     * times. A sensor fault is not thrown: the input reports it through {@link #fault()}, recovers by
     * itself when it can, and the time it was away shows as a gap.
     */
    void poll(SampleBatch into);

    /**
     * What a raw recording of this input says about the sensor: chip, rate, range and g per count.
     * Valid once the input has delivered samples.
     */
    SensorFormat format();

    /** The sensor as a raw recording describes it. */
    record SensorFormat(String chip, double rateHz, int rangeG, double gPerCount) {}

    /** Why the sensor is not delivering, or null while it is. */
    String fault();

    /** Samples known lost so far (overruns, time away). */
    long lostSamples();

    /** How long the agent may wait between polls without losing samples, in ns. */
    long maxPollIntervalNs();

    @Override
    void close();
}
