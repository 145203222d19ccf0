package org.legwatch.device.sensor;

import com.pi4j.io.i2c.I2C;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * STMicroelectronics LSM6DSOX over I2C: accelerometer only (gyroscope powered down, nothing but
 * the accelerometer batched), tagged FIFO in continuous mode, no compression.
 *
 * <p>Register map and bit fields from ST's lsm6dsox-pid driver ({@code lsm6dsox_reg.h}:
 * {@code LSM6DSOX_WHO_AM_I}, {@code lsm6dsox_fifo_ctrl1_t}..{@code lsm6dsox_fifo_ctrl4_t},
 * {@code lsm6dsox_ctrl1_xl_t}, {@code lsm6dsox_ctrl3_c_t}, {@code lsm6dsox_fifo_status2_t},
 * {@code lsm6dsox_fifo_tag_t}, {@code lsm6dsox_odr_xl_t}, {@code lsm6dsox_bdr_xl_t},
 * {@code lsm6dsox_fs_xl_t}, {@code lsm6dsox_fifo_mode_t}) and the LSM6DSOX data sheet
 * (DS13115), section 8 "Register mapping" and 9 "Register description".
 *
 * <p>FIFO reads: a FIFO word is 7 bytes, FIFO_DATA_OUT_TAG (0x78) then X_L..Z_H (0x79-0x7E).
 * With CTRL3_C IF_INC set, a multi-byte read from 0x78 rolls back to 0x78 after 0x7E and pops
 * the next word, so the whole level is read in one transaction of 7 x N bytes. Linux's
 * st_lsm6dsx driver relies on the same thing ({@code st_lsm6dsx_read_tagged_fifo} reads
 * several tagged words per bus read from {@code ST_LSM6DSX_REG_FIFO_OUT_TAG_ADDR}, up to
 * {@code ST_LSM6DSX_MAX_TAGGED_WORD_LEN} bytes, a limit of its SMBus helper that /dev/i2c-N
 * with I2C_RDWR does not have). On Pi4J's mock the burst pops 7 x N bytes from the queue of
 * register 0x78. FIFO_STATUS1 and FIFO_STATUS2 are likewise read as one 2-byte burst from 0x3A.
 * Words whose tag is not the uncompressed accelerometer tag are skipped.
 */
public final class Lsm6dsox extends I2cAccelerometer {

    /** I2C address with SDO/SA0 grounded (data sheet 6.3.1). */
    public static final int ADDRESS = 0x6A;
    /** I2C address with SDO/SA0 high. */
    public static final int ADDRESS_ALT = 0x6B;

    // lsm6dsox_reg.h register addresses.
    static final int REG_FIFO_CTRL1 = 0x07;
    static final int REG_FIFO_CTRL2 = 0x08;
    static final int REG_FIFO_CTRL3 = 0x09;
    static final int REG_FIFO_CTRL4 = 0x0A;
    static final int REG_WHO_AM_I = 0x0F;
    static final int REG_CTRL1_XL = 0x10;
    static final int REG_CTRL2_G = 0x11;
    static final int REG_CTRL3_C = 0x12;
    static final int REG_FIFO_STATUS1 = 0x3A;
    static final int REG_FIFO_DATA_OUT_TAG = 0x78;

    /** WHO_AM_I reads 0x6C (data sheet 9.13). */
    static final int WHO_AM_I = 0x6C;

    /** CTRL3_C BDU (bit 6) | IF_INC (bit 2, the default: address auto-increment). */
    static final int CTRL3_C_BDU_IF_INC = 0x44;
    /** FIFO_CTRL4 FIFO_MODE (bits 2:0) = 110 continuous ({@code LSM6DSOX_STREAM_MODE}); no temperature/timestamp batching. */
    static final int FIFO_CTRL4_CONTINUOUS = 0x06;
    /** FIFO_CTRL4 FIFO_MODE = 000 bypass: empties the FIFO. */
    static final int FIFO_CTRL4_BYPASS = 0x00;
    /** FIFO_STATUS2 FIFO_OVR_IA (bit 6) | FIFO_OVR_LATCHED (bit 3). */
    static final int FIFO_STATUS2_OVERRUN = 0x48;
    /** FIFO_STATUS2 DIFF_FIFO[9:8] (bits 1:0). */
    static final int FIFO_STATUS2_DIFF_HIGH = 0x03;
    /** TAG_SENSOR (bits 7:3 of FIFO_DATA_OUT_TAG) of an uncompressed accelerometer word ({@code LSM6DSOX_XL_NC_TAG}). */
    static final int TAG_XL_NC = 0x02;

    /** DIFF_FIFO[9:0] is the largest level FIFO_STATUS1/2 can report. */
    private static final int CAPACITY = 1023;
    /** FIFO_CTRL1 WTM[7:0] (FIFO_CTRL2 bit 0 holds WTM8, 0 here). */
    private static final int WATERMARK = 32;

    /**
     * ODR_XL codes 0001..1010 in CTRL1_XL bits 7:4 and the same BDR_XL codes in FIFO_CTRL3 bits
     * 3:0 ({@code lsm6dsox_odr_xl_t}, {@code lsm6dsox_bdr_xl_t}; data sheet Table 52).
     */
    private static final List<Double> RATES = rates(12.5, 26, 52, 104, 208, 416, 833, 1666, 3332, 6667);
    private static final List<Integer> RANGES = List.of(2, 4, 8, 16);
    /** FS_XL codes in CTRL1_XL bits 3:2 for 2, 4, 8, 16 g ({@code lsm6dsox_fs_xl_t}: 2g=0, 16g=1, 4g=2, 8g=3). */
    private static final int[] FS_CODES = {0b00, 0b10, 0b11, 0b01};
    /** Linear acceleration sensitivity, g/LSB (data sheet Table 2: 0.061, 0.122, 0.244, 0.488 mg/LSB). */
    private static final double[] G_PER_LSB = {0.000061, 0.000122, 0.000244, 0.000488};

    private final byte[] status = new byte[2];
    private byte[] fifo = new byte[WATERMARK * 2 * 7];
    private double gPerLsb = Double.NaN;

    /** What identifies this chip and what the driver offers. */
    static final ChipSpec SPEC = new ChipSpec("LSM6DSOX", REG_WHO_AM_I, WHO_AM_I, List.of(ADDRESS, ADDRESS_ALT), RATES, RANGES,
            CAPACITY, WATERMARK);

    public Lsm6dsox(I2C i2c) {
        this(i2c, System::nanoTime);
    }

    public Lsm6dsox(I2C i2c, LongSupplier nanoClock) {
        super(i2c, nanoClock, SPEC);
    }

    @Override
    void writeConfiguration(double rateHz, int rangeG) {
        int odr = rateIndex(rateHz) + 1;
        int range = RANGES.indexOf(rangeG);
        writeByte(REG_CTRL3_C, CTRL3_C_BDU_IF_INC);
        writeByte(REG_CTRL2_G, 0x00); // gyroscope power-down
        writeByte(REG_CTRL1_XL, odr << 4 | FS_CODES[range] << 2);
        writeByte(REG_FIFO_CTRL1, WATERMARK & 0xFF);
        writeByte(REG_FIFO_CTRL2, WATERMARK >> 8 & 0x01);
        writeByte(REG_FIFO_CTRL3, odr); // BDR_XL = ODR_XL, BDR_GY = 0 (not batched)
        writeByte(REG_FIFO_CTRL4, FIFO_CTRL4_BYPASS);
        writeByte(REG_FIFO_CTRL4, FIFO_CTRL4_CONTINUOUS);
        gPerLsb = G_PER_LSB[range];
    }

    @Override
    public double gPerCount() {
        return gPerLsb;
    }

    @Override
    public int readFifo(double[] x, double[] y, double[] z, int max) {
        requireConfigured();
        int room = limit(x, y, z, max);
        burst(REG_FIFO_STATUS1, status, 2);
        int s1 = status[0] & 0xFF;
        int s2 = status[1] & 0xFF;
        int level = (s2 & FIFO_STATUS2_DIFF_HIGH) << 8 | s1;
        int words = Math.min(level, room);
        int n = 0;
        if (words > 0) {
            if (fifo.length < 7 * words) {
                fifo = new byte[7 * words];
            }
            burst(REG_FIFO_DATA_OUT_TAG, fifo, 7 * words);
            for (int w = 0; w < words; w++) {
                int at = 7 * w;
                if ((fifo[at] & 0xFF) >> 3 != TAG_XL_NC) {
                    continue;
                }
                x[n] = le16(fifo, at + 1) * gPerLsb;
                y[n] = le16(fifo, at + 3) * gPerLsb;
                z[n] = le16(fifo, at + 5) * gPerLsb;
                n++;
            }
        }
        account(level, words, (s2 & FIFO_STATUS2_OVERRUN) != 0);
        return n;
    }
}
