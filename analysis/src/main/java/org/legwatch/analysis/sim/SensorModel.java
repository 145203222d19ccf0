package org.legwatch.analysis.sim;

import java.util.List;

/**
 * A MEMS accelerometer chip in a given range: what limits what the detector can see. Resolution
 * (LSB) and white noise set the smallest visible movement; the range sets where walking and handling
 * clip; per-unit bias, scale and cross-axis errors mean that "1 g at rest" and "which axis is which"
 * are only approximately true; the bias drifts with temperature while the band warms up on the
 * skin. Values are drawn per night and per axis within the +-limits given here.
 *
 * @param name               chip and range, for reports
 * @param lsbG               one least significant bit, in g
 * @param bits               output word width including sign: codes run from -2^(bits-1) to
 *                           2^(bits-1)-1, which is where the reading clips
 * @param noiseRmsAt100HzG   white noise per axis at 100 Hz output rate; the noise bandwidth follows
 *                           the output rate, so the rms scales with sqrt(rate / 100)
 * @param biasMaxG           zero-g offset per axis, uniform within +-this
 * @param scaleErrorMax      sensitivity error per axis, uniform within +-this (0.02 = 2 %)
 * @param crossAxisMax       cross-axis sensitivity, each off-diagonal term within +-this
 * @param tempcoMaxGPerC     zero-g offset drift per degree C per axis, within +-this
 * @param fifoDepth          samples lost at once when the host reads the FIFO too late
 * @param ratesHz            output data rates the chip offers (the scenario may use others)
 */
public record SensorModel(
        String name,
        double lsbG,
        int bits,
        double noiseRmsAt100HzG,
        double biasMaxG,
        double scaleErrorMax,
        double crossAxisMax,
        double tempcoMaxGPerC,
        int fifoDepth,
        List<Double> ratesHz) {

    private static final List<Double> ADXL_RATES = List.of(25.0, 50.0, 100.0, 200.0);
    private static final List<Double> ST_RATES = List.of(25.0, 50.0, 100.0, 200.0);
    private static final List<Double> DSOX_RATES = List.of(26.0, 52.0, 104.0, 208.0);

    /** ADXL345, full resolution (3.9 mg/LSB at any range), +-4 g (11-bit words). */
    public static final SensorModel ADXL345_4G = adxl345(4);
    /** ADXL345, full resolution, +-16 g (13-bit words). */
    public static final SensorModel ADXL345_16G = adxl345(16);
    /** LIS3DH high-resolution mode, +-2 g, 1 mg/LSB (12-bit). */
    public static final SensorModel LIS3DH_2G = lis3dh(2);
    /** LIS3DH high-resolution mode, +-4 g, 2 mg/LSB (12-bit). */
    public static final SensorModel LIS3DH_4G = lis3dh(4);
    /** LSM6DSOX accelerometer, +-2 g, 0.061 mg/LSB (16-bit). */
    public static final SensorModel LSM6DSOX_2G = lsm6dsox(2);
    /** LSM6DSOX accelerometer, +-4 g, 0.122 mg/LSB (16-bit). */
    public static final SensorModel LSM6DSOX_4G = lsm6dsox(4);
    /**
     * No noise, no errors, 1 ug resolution, +-8 g: the physics alone, for tests that look at the
     * signal the body makes rather than at what a chip does to it.
     */
    public static final SensorModel IDEAL = new SensorModel("ideal", 1e-6, 24, 0, 0, 0, 0, 0, 32,
            List.of(25.0, 50.0, 100.0, 200.0));

    public static final List<SensorModel> CHIPS = List.of(ADXL345_4G, ADXL345_16G, LIS3DH_2G, LIS3DH_4G,
            LSM6DSOX_2G, LSM6DSOX_4G);

    public SensorModel {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a sensor model needs a name");
        }
        if (!(lsbG > 0) || bits < 2 || bits > 31) {
            throw new IllegalArgumentException(name + ": bad resolution");
        }
        if (noiseRmsAt100HzG < 0 || biasMaxG < 0 || scaleErrorMax < 0 || crossAxisMax < 0 || tempcoMaxGPerC < 0) {
            throw new IllegalArgumentException(name + ": error limits must not be negative");
        }
        if (fifoDepth < 1) {
            throw new IllegalArgumentException(name + ": FIFO depth must be positive");
        }
        ratesHz = List.copyOf(ratesHz);
    }

    /** ADXL345 in full-resolution mode: 3.9 mg/LSB at any range; +-2/4/8/16 g. */
    public static SensorModel adxl345(int rangeG) {
        int bits = switch (rangeG) {
            case 2 -> 10;
            case 4 -> 11;
            case 8 -> 12;
            case 16 -> 13;
            default -> throw new IllegalArgumentException("ADXL345 ranges are 2, 4, 8, 16 g");
        };
        return new SensorModel("ADXL345 +-" + rangeG + "g", 0.0039, bits, 0.004, 0.080, 0.03, 0.01,
                0.0008, 32, ADXL_RATES);
    }

    /** LIS3DH in high-resolution (12-bit) mode: 1 mg/LSB at +-2 g, 2 at +-4 g, 4 at +-8 g. */
    public static SensorModel lis3dh(int rangeG) {
        double lsb = switch (rangeG) {
            case 2 -> 0.001;
            case 4 -> 0.002;
            case 8 -> 0.004;
            default -> throw new IllegalArgumentException("LIS3DH high-resolution ranges are 2, 4, 8 g");
        };
        return new SensorModel("LIS3DH +-" + rangeG + "g", lsb, 12, 0.002, 0.060, 0.02, 0.01, 0.0005, 32, ST_RATES);
    }

    /** LSM6DSOX accelerometer: 16-bit, 0.061 mg/LSB at +-2 g, doubling per range step. */
    public static SensorModel lsm6dsox(int rangeG) {
        double lsb = switch (rangeG) {
            case 2 -> 0.000061;
            case 4 -> 0.000122;
            case 8 -> 0.000244;
            case 16 -> 0.000488;
            default -> throw new IllegalArgumentException("LSM6DSOX ranges are 2, 4, 8, 16 g");
        };
        return new SensorModel("LSM6DSOX +-" + rangeG + "g", lsb, 16, 0.001, 0.040, 0.01, 0.01, 0.0001, 128,
                DSOX_RATES);
    }

    /** The largest positive reading before clipping. */
    public double maxG() {
        return maxCode() * lsbG;
    }

    /** The most negative reading before clipping. */
    public double minG() {
        return minCode() * lsbG;
    }

    public long maxCode() {
        return (1L << (bits - 1)) - 1;
    }

    public long minCode() {
        return -(1L << (bits - 1));
    }

    /** Noise rms per axis at the given output rate. */
    public double noiseRmsG(double rateHz) {
        return noiseRmsAt100HzG * Math.sqrt(rateHz / 100.0);
    }
}
