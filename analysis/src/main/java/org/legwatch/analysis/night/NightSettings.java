package org.legwatch.analysis.night;

/**
 * How a night's time in bed and validity are judged.
 *
 * @param shankAxis             which sensor axis (0 = x, 1 = y, 2 = z) runs along the shank, as the
 *                              band is worn (docs/hardware.md); its sign does not matter
 * @param lyingMaxInclinationDeg an epoch is lying when every leg's shank is within this angle of
 *                              horizontal
 * @param uprightMinInclinationDeg an epoch is upright when any leg's shank is more than this angle
 *                              from horizontal; in between, the epoch keeps the current state (a
 *                              knee drawn up in bed, legs crossed on a sofa)
 * @param epochS                posture is judged in epochs of this length
 * @param inBedAfterS           lying this long (without interruption) means in bed, from its start
 * @param outOfBedAfterS        upright this long means out of bed, from its start
 * @param inBedBlockGapS        in-bed spans closer than this (a bathroom trip) are one block
 * @param inBedBlockMinS        a block with less time in bed than this is not the night (a rest
 *                              on a sofa)
 * @param notWornAfterS         no motion at all for this long means the band is not worn
 * @param edgeNotWornAfterS     ... or this long at the start or end of the recording (the band on
 *                              the table before it is put on and after it is taken off)
 * @param minValidHoursInBed    less valid time in bed than this makes the night invalid
 * @param maxLostFraction       more samples lost than this fraction makes the night invalid
 * @param sensorRangeG          the sensor's range (samples at it are clipped); NaN when unknown,
 *                              then repeated equal samples beyond 1.5 g count as clipped
 */
public record NightSettings(
        int shankAxis,
        double lyingMaxInclinationDeg,
        double uprightMinInclinationDeg,
        double epochS,
        double inBedAfterS,
        double outOfBedAfterS,
        double inBedBlockGapS,
        double inBedBlockMinS,
        double notWornAfterS,
        double edgeNotWornAfterS,
        double minValidHoursInBed,
        double maxLostFraction,
        double sensorRangeG) {

    public static final NightSettings DEFAULT = new NightSettings(
            0, 30, 55, 1, 60, 20, 900, 1800, 5400, 120, NightSummary.DEFAULT_MIN_VALID_HOURS, 0.2, Double.NaN);

    public NightSettings {
        if (shankAxis < 0 || shankAxis > 2) {
            throw new IllegalArgumentException("shank axis is 0 (x), 1 (y) or 2 (z), not " + shankAxis);
        }
        if (!(lyingMaxInclinationDeg > 0 && lyingMaxInclinationDeg <= uprightMinInclinationDeg
              && uprightMinInclinationDeg < 90)) {
            throw new IllegalArgumentException("need 0 < lying inclination <= upright inclination < 90 degrees");
        }
        if (!(epochS > 0 && inBedAfterS >= epochS && outOfBedAfterS >= epochS && inBedBlockGapS >= 0 && inBedBlockMinS >= 0 && notWornAfterS > 0 && edgeNotWornAfterS > 0)) {
            throw new IllegalArgumentException("posture and not-worn durations must be positive and at least one epoch");
        }
        if (!(minValidHoursInBed >= 0) || !(maxLostFraction >= 0 && maxLostFraction <= 1)) {
            throw new IllegalArgumentException("validity thresholds out of range");
        }
    }

    public NightSettings withMinValidHours(double hours) {
        return new NightSettings(shankAxis, lyingMaxInclinationDeg, uprightMinInclinationDeg, epochS, inBedAfterS, outOfBedAfterS,
                inBedBlockGapS, inBedBlockMinS, notWornAfterS, edgeNotWornAfterS, hours, maxLostFraction, sensorRangeG);
    }

    public NightSettings withShankAxis(int axis) {
        return new NightSettings(axis, lyingMaxInclinationDeg, uprightMinInclinationDeg, epochS, inBedAfterS,
                outOfBedAfterS, inBedBlockGapS, inBedBlockMinS, notWornAfterS, edgeNotWornAfterS, minValidHoursInBed, maxLostFraction, sensorRangeG);
    }

    public NightSettings withSensorRange(double rangeG) {
        return new NightSettings(shankAxis, lyingMaxInclinationDeg, uprightMinInclinationDeg, epochS, inBedAfterS, outOfBedAfterS,
                inBedBlockGapS, inBedBlockMinS, notWornAfterS, edgeNotWornAfterS, minValidHoursInBed, maxLostFraction, rangeG);
    }
}
