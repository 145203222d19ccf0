package org.legwatch.device.sensor;

import com.pi4j.io.i2c.I2C;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * STMicroelectronics LIS3DH over I2C, high-resolution (12-bit) mode, FIFO in stream mode.
 *
 * <p>Register map and bit fields from ST's lis3dh-pid driver ({@code lis3dh_reg.h}:
 * {@code LIS3DH_WHO_AM_I}, {@code lis3dh_ctrl_reg1_t}, {@code lis3dh_ctrl_reg4_t},
 * {@code lis3dh_ctrl_reg5_t}, {@code lis3dh_fifo_ctrl_reg_t}, {@code lis3dh_fifo_src_reg_t},
 * {@code lis3dh_odr_t}, {@code lis3dh_fs_t}, {@code lis3dh_fm_t}) and the LIS3DH data sheet
 * (DocID17530), section 8 "Register mapping" and section 9 "Register description".
 *
 * <p>FIFO reads: the whole FIFO level is read in one I2C transaction starting at OUT_X_L with
 * the sub-address MSB set (data sheet 6.1.1: "the 7 LSb represent the actual register address
 * while the MSB enables address auto increment"). With the FIFO enabled the address pointer
 * rolls back from OUT_Z_H (0x2D) to OUT_X_L (0x28) and the FIFO advances one sample each time,
 * so 6 x N bytes are N samples (ST application note AN3308, "FIFO"; confirmed by ST staff on the
 * ST community for the family). On Pi4J's mock the burst pops 6 x N bytes from the queue of
 * register 0xA8 (0x28 | 0x80), where a test preloads them.
 */
public final class Lis3dh extends I2cAccelerometer {

    /** I2C address with SDO/SA0 grounded (data sheet 6.1.1, Table 15). */
    public static final int ADDRESS = 0x18;
    /** I2C address with SDO/SA0 high. */
    public static final int ADDRESS_ALT = 0x19;

    // lis3dh_reg.h register addresses.
    static final int REG_WHO_AM_I = 0x0F;
    static final int REG_CTRL_REG1 = 0x20;
    static final int REG_CTRL_REG4 = 0x23;
    static final int REG_CTRL_REG5 = 0x24;
    static final int REG_OUT_X_L = 0x28;
    static final int REG_FIFO_CTRL_REG = 0x2E;
    static final int REG_FIFO_SRC_REG = 0x2F;

    /** Sub-address MSB: auto-increment on multi-byte reads (data sheet 6.1.1). */
    static final int AUTO_INCREMENT = 0x80;

    /** WHO_AM_I reads 0x33 (data sheet 9.5). */
    static final int WHO_AM_I = 0x33;

    /** CTRL_REG1 Zen|Yen|Xen (bits 2:0); LPen (bit 3) clear for normal/high-resolution; ODR in bits 7:4. */
    static final int CTRL_REG1_XYZ_EN = 0x07;
    /** CTRL_REG4 BDU (bit 7). */
    static final int CTRL_REG4_BDU = 0x80;
    /** CTRL_REG4 HR (bit 3): high-resolution, 12-bit output. FS in bits 5:4. */
    static final int CTRL_REG4_HR = 0x08;
    /** CTRL_REG5 FIFO_EN (bit 6). */
    static final int CTRL_REG5_FIFO_EN = 0x40;
    /** FIFO_CTRL_REG FM (bits 7:6) = 10 stream ({@code LIS3DH_DYNAMIC_STREAM_MODE}); FTH in bits 4:0. */
    static final int FIFO_CTRL_STREAM = 0x80;
    /** FIFO_CTRL_REG FM = 00 bypass: empties the FIFO. */
    static final int FIFO_CTRL_BYPASS = 0x00;
    /** FIFO_SRC_REG OVRN_FIFO (bit 6). */
    static final int FIFO_SRC_OVRN = 0x40;
    /** FIFO_SRC_REG FSS (bits 4:0): unread samples. */
    static final int FIFO_SRC_FSS = 0x1F;

    private static final int CAPACITY = 32;
    private static final int WATERMARK = 16;

    /**
     * Rates available in high-resolution mode: {@code lis3dh_odr_t} codes 1..7 and 9 (1.344 kHz in
     * normal/HR; code 8, 1.62 kHz, is low-power only).
     */
    private static final List<Double> RATES = rates(1, 10, 25, 50, 100, 200, 400, 1344);
    private static final int[] RATE_CODES = {0x1, 0x2, 0x3, 0x4, 0x5, 0x6, 0x7, 0x9};
    /** {@code lis3dh_fs_t}: 2 g = 0, 4 g = 1, 8 g = 2, 16 g = 3. */
    private static final List<Integer> RANGES = List.of(2, 4, 8, 16);
    /**
     * High-resolution sensitivity, g per 12-bit digit (data sheet Table 4; lis3dh_reg.c
     * {@code lis3dh_from_fs2_hr_to_mg} ... {@code lis3dh_from_fs16_hr_to_mg}: 1, 2, 4, 12 mg).
     */
    private static final double[] G_PER_DIGIT = {0.001, 0.002, 0.004, 0.012};

    private final byte[] fifo = new byte[CAPACITY * 6];
    private double gPerDigit = Double.NaN;

    /** What identifies this chip and what the driver offers. */
    static final ChipSpec SPEC = new ChipSpec("LIS3DH", REG_WHO_AM_I, WHO_AM_I, List.of(ADDRESS, ADDRESS_ALT), RATES, RANGES,
            CAPACITY, WATERMARK);

    public Lis3dh(I2C i2c) {
        this(i2c, System::nanoTime);
    }

    public Lis3dh(I2C i2c, LongSupplier nanoClock) {
        super(i2c, nanoClock, SPEC);
    }

    @Override
    void writeConfiguration(double rateHz, int rangeG) {
        int fs = RANGES.indexOf(rangeG);
        writeByte(REG_CTRL_REG1, RATE_CODES[rateIndex(rateHz)] << 4 | CTRL_REG1_XYZ_EN);
        writeByte(REG_CTRL_REG4, CTRL_REG4_BDU | fs << 4 | CTRL_REG4_HR);
        writeByte(REG_CTRL_REG5, CTRL_REG5_FIFO_EN);
        writeByte(REG_FIFO_CTRL_REG, FIFO_CTRL_BYPASS);
        writeByte(REG_FIFO_CTRL_REG, FIFO_CTRL_STREAM | WATERMARK);
        gPerDigit = G_PER_DIGIT[fs];
    }

    @Override
    public double gPerCount() {
        return gPerDigit;
    }

    @Override
    public int readFifo(double[] x, double[] y, double[] z, int max) {
        requireConfigured();
        int room = limit(x, y, z, max);
        int src = readByte(REG_FIFO_SRC_REG);
        // FSS is 5 bits for a 32-level FIFO; a sample it cannot count stays for the next read.
        int level = src & FIFO_SRC_FSS;
        int n = Math.min(level, room);
        if (n > 0) {
            burst(REG_OUT_X_L | AUTO_INCREMENT, fifo, 6 * n);
            for (int i = 0; i < n; i++) {
                // 12-bit two's complement, left-justified in 16 bits: shift right by 4.
                x[i] = (le16(fifo, 6 * i) >> 4) * gPerDigit;
                y[i] = (le16(fifo, 6 * i + 2) >> 4) * gPerDigit;
                z[i] = (le16(fifo, 6 * i + 4) >> 4) * gPerDigit;
            }
        }
        account(level, n, (src & FIFO_SRC_OVRN) != 0);
        return n;
    }
}
