package org.legwatch.analysis.night;

/**
 * How a night's time in bed and validity are judged.
 *
 * @param shankAxis             which sensor axis (0 = x, 1 = y, 2 = z) runs along the shank, as the
 *                              band is worn (docs/hardware.md); its sign does not matter
 * @param lyingMaxInclinationDeg the shank counts as lying when it is within this angle of horizontal
 * @param epochS                posture is judged in epochs of this length
 * @param inBedAfterS           lying this long (without interruption) means in bed, from its start
 * @param outOfBedAfterS        upright this long means out of bed, from its start
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
        double epochS,
        double inBedAfterS,
        double outOfBedAfterS,
        double notWornAfterS,
        double edgeNotWornAfterS,
        double minValidHoursInBed,
        double maxLostFraction,
        double sensorRangeG) {

    public static final NightSettings DEFAULT = new NightSettings(
            0, 45, 1, 60, 20, 3600, 120, NightSummary.DEFAULT_MIN_VALID_HOURS, 0.2, Double.NaN);

    public NightSettings {
        if (shankAxis < 0 || shankAxis > 2) {
            throw new IllegalArgumentException("shank axis is 0 (x), 1 (y) or 2 (z), not " + shankAxis);
        }
        if (!(lyingMaxInclinationDeg > 0 && lyingMaxInclinationDeg < 90)) {
            throw new IllegalArgumentException("lying inclination must be between 0 and 90 degrees");
        }
        if (!(epochS > 0 && inBedAfterS >= epochS && outOfBedAfterS >= epochS && notWornAfterS > 0 && edgeNotWornAfterS > 0)) {
            throw new IllegalArgumentException("posture and not-worn durations must be positive and at least one epoch");
        }
        if (!(minValidHoursInBed >= 0) || !(maxLostFraction >= 0 && maxLostFraction <= 1)) {
            throw new IllegalArgumentException("validity thresholds out of range");
        }
    }

    public NightSettings withMinValidHours(double hours) {
        return new NightSettings(shankAxis, lyingMaxInclinationDeg, epochS, inBedAfterS, outOfBedAfterS,
                notWornAfterS, edgeNotWornAfterS, hours, maxLostFraction, sensorRangeG);
    }

    public NightSettings withSensorRange(double rangeG) {
        return new NightSettings(shankAxis, lyingMaxInclinationDeg, epochS, inBedAfterS, outOfBedAfterS,
                notWornAfterS, edgeNotWornAfterS, minValidHoursInBed, maxLostFraction, rangeG);
    }
}
