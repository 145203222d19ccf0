package org.legwatch.device.sensor;

import com.pi4j.io.i2c.I2C;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Analog Devices ADXL345 over I2C, full resolution, FIFO in stream mode.
 *
 * <p>Register map from the ADXL345 data sheet (Rev. G), Table 19 "Register Map" and the
 * "Register Definitions" section, cross-checked against Adafruit_ADXL345
 * ({@code Adafruit_ADXL345_U.h}: register addresses, the {@code dataRate_t} BW_RATE codes and
 * the {@code range_t} DATA_FORMAT codes).
 *
 * <p>FIFO reads: the ADXL345 presents one FIFO entry at a time in DATAX0..DATAZ1 (0x32-0x37);
 * the data sheet ("Retrieving Data from FIFO") says the next entry moves in only after those six
 * bytes have been read and the read has ended, and auto-increment runs on past 0x37 into
 * FIFO_CTL rather than back to 0x32. So, unlike the two ST chips, a single transaction cannot
 * span two entries: this driver does one 6-byte multi-byte read per entry (the minimum the chip
 * allows; two register reads beforehand for the overrun flag and the level).
 */
public final class Adxl345 extends I2cAccelerometer {

    /** I2C address with ALT ADDRESS (SDO) grounded (data sheet, "I2C"). */
    public static final int ADDRESS = 0x53;
    /** I2C address with ALT ADDRESS (SDO) high. */
    public static final int ADDRESS_ALT = 0x1D;

    // Data sheet Table 19 / Adafruit_ADXL345_U.h ADXL345_REG_*.
    static final int REG_DEVID = 0x00;
    static final int REG_BW_RATE = 0x2C;
    static final int REG_POWER_CTL = 0x2D;
    static final int REG_INT_SOURCE = 0x30;
    static final int REG_DATA_FORMAT = 0x31;
    static final int REG_DATAX0 = 0x32;
    static final int REG_FIFO_CTL = 0x38;
    static final int REG_FIFO_STATUS = 0x39;

    /** DEVID reads 0xE5 (data sheet, "Register 0x00 - DEVID"). */
    static final int DEVID = 0xE5;

    /** POWER_CTL bit D3 Measure (data sheet, "Register 0x2D - POWER_CTL"). */
    static final int POWER_CTL_MEASURE = 0x08;
    /** DATA_FORMAT bit D3 FULL_RES: 4 mg/LSB at every range; D2 Justify left at 0 = right-justified, sign-extended. */
    static final int DATA_FORMAT_FULL_RES = 0x08;
    /** FIFO_CTL D7:D6 FIFO_MODE = 10 stream (data sheet Table 22); D4:D0 samples = watermark. */
    static final int FIFO_CTL_STREAM = 0x80;
    /** FIFO_CTL FIFO_MODE = 00 bypass: empties the FIFO. */
    static final int FIFO_CTL_BYPASS = 0x00;
    /** INT_SOURCE D0 Overrun (data sheet, "Register 0x30 - INT_SOURCE"). */
    static final int INT_SOURCE_OVERRUN = 0x01;
    /** FIFO_STATUS D5:D0 Entries. */
    static final int FIFO_STATUS_ENTRIES = 0x3F;

    /** Full-resolution scale factor, typical 3.9 mg/LSB (data sheet Table 1, "Scale Factor"). */
    static final double G_PER_LSB = 0.0039;

    private static final int CAPACITY = 32;
    private static final int WATERMARK = 16;

    /** BW_RATE rate codes 0110..1111 (data sheet Table 7; Adafruit {@code dataRate_t}). */
    private static final List<Double> RATES = rates(6.25, 12.5, 25, 50, 100, 200, 400, 800, 1600, 3200);
    private static final int FIRST_RATE_CODE = 0b0110;
    /** DATA_FORMAT D1:D0 range codes 00, 01, 10, 11 (data sheet Table 21; Adafruit {@code range_t}). */
    private static final List<Integer> RANGES = List.of(2, 4, 8, 16);

    private final byte[] sample = new byte[6];

    /** What identifies this chip and what the driver offers. */
    static final ChipSpec SPEC = new ChipSpec("ADXL345", REG_DEVID, DEVID, List.of(ADDRESS, ADDRESS_ALT), RATES, RANGES,
            CAPACITY, WATERMARK);

    public Adxl345(I2C i2c) {
        this(i2c, System::nanoTime);
    }

    public Adxl345(I2C i2c, LongSupplier nanoClock) {
        super(i2c, nanoClock, SPEC);
    }

    /** The BW_RATE value for a supported rate (LOW_POWER bit D4 clear). */
    static int bwRate(int rateIndex) {
        return FIRST_RATE_CODE + rateIndex;
    }

    @Override
    void writeConfiguration(double rateHz, int rangeG) {
        // Standby while configuring, as the data sheet advises; then measure.
        writeByte(REG_POWER_CTL, 0x00);
        writeByte(REG_BW_RATE, bwRate(rateIndex(rateHz)));
        writeByte(REG_DATA_FORMAT, DATA_FORMAT_FULL_RES | RANGES.indexOf(rangeG));
        writeByte(REG_FIFO_CTL, FIFO_CTL_BYPASS);
        writeByte(REG_FIFO_CTL, FIFO_CTL_STREAM | WATERMARK);
        writeByte(REG_POWER_CTL, POWER_CTL_MEASURE);
    }

    @Override
    public double gPerCount() {
        return Double.isNaN(nominalRateHz()) ? Double.NaN : G_PER_LSB;
    }

    @Override
    public int readFifo(double[] x, double[] y, double[] z, int max) {
        requireConfigured();
        int room = limit(x, y, z, max);
        boolean overrunFlag = (readByte(REG_INT_SOURCE) & INT_SOURCE_OVERRUN) != 0;
        int level = readByte(REG_FIFO_STATUS) & FIFO_STATUS_ENTRIES;
        int n = Math.min(level, room);
        for (int i = 0; i < n; i++) {
            burst(REG_DATAX0, sample, 6);
            x[i] = le16(sample, 0) * G_PER_LSB;
            y[i] = le16(sample, 2) * G_PER_LSB;
            z[i] = le16(sample, 4) * G_PER_LSB;
        }
        account(level, n, overrunFlag);
        return n;
    }
}
