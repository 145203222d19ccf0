package org.legwatch.device.sensor;

import java.util.List;

/**
 * A three-axis I2C accelerometer read through its hardware FIFO.
 *
 * <p>Life cycle: {@link #identify()} (checks the chip's id register), then
 * {@link #configure(double, int)} (sample rate and range; this also empties and restarts the
 * hardware FIFO), then {@link #readFifo(double[], double[], double[], int)} at least once per
 * watermark period. Samples come out in g, in the order the chip took them.
 */
public interface Accelerometer {

    /** The chip's name, as printed by {@code legwatch-device sensors}: "ADXL345", "LIS3DH", "LSM6DSOX". */
    String chipName();

    /** The chip's 7-bit I2C address. */
    int address();

    /**
     * Reads the id register and checks it.
     *
     * @throws SensorException naming the address and the value read when it is not this chip
     *     (or when nothing answered)
     */
    void identify();

    /** The output data rates this chip can run at, in Hz, ascending. */
    List<Double> supportedRatesHz();

    /** The full-scale ranges this chip can run at, in g (each meaning +-range), ascending. */
    List<Integer> supportedRangesG();

    /**
     * Puts the chip in measurement at {@code rateHz} and +-{@code rangeG}, FIFO in stream
     * mode; whatever the FIFO held before is discarded.
     *
     * @throws IllegalArgumentException when the rate is not one of {@link #supportedRatesHz()}
     *     (within 0.5 %) or the range not one of {@link #supportedRangesG()}
     */
    void configure(double rateHz, int rangeG);

    /** The configured output data rate, nominal, in Hz (NaN before {@link #configure}). */
    double nominalRateHz();

    /** The configured range in g (0 before {@link #configure}). */
    int rangeG();

    /**
     * The configured resolution in g per output count, as the data sheet gives it (NaN before
     * {@link #configure}): every reading is a whole number of counts times this, which is what a
     * raw recording stores.
     */
    double gPerCount();

    /** Samples the hardware FIFO holds at most. */
    int fifoCapacity();

    /** The FIFO level at which the chip raises its watermark flag: read at least this often. */
    int watermark();

    /**
     * Reads what the hardware FIFO holds, up to {@code max} samples, converted to g.
     *
     * @return the number of samples written to {@code x[0..n)}, {@code y}, {@code z}; 0 when
     *     the FIFO was empty
     * @throws SensorException when the bus transfer fails or comes back short
     */
    int readFifo(double[] x, double[] y, double[] z, int max);

    /** Whether the chip reported a FIFO overrun at the last {@link #readFifo}: samples were lost before it. */
    boolean overrunSinceLastRead();

    /**
     * Samples lost to FIFO overruns since {@link #configure}, estimated: none of the chips
     * counts them, so at each overrun read this is the samples the chip produced since the
     * previous read (elapsed time times the nominal rate) plus what that read left behind,
     * less what the FIFO still held.
     */
    long samplesLostToOverrun();

    /** Reads at which the chip reported an overrun, since {@link #configure}. */
    long overrunCount();
}
