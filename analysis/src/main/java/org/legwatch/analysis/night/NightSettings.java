package org.legwatch.analysis.night;

/**
 * How a night's time in bed and validity are judged.
 *
 * @param shankAxis             which sensor axis (0 = x, 1 = y, 2 = z) runs along the shank, as the
 *                              band is worn (docs/hardware.md); its sign does not matter
 * @param flatMaxInclinationDeg an epoch is flat, clearly lying, when it is lying and one leg's
 *                              shank is within this angle of horizontal
 * @param lyingMaxInclinationDeg an epoch is lying when every leg's shank is within this angle of
 *                              horizontal (flat, or a knee raised a little on a pillow, or a shank
 *                              stretched out on a sofa: not enough alone)
 * @param uprightMinInclinationDeg an epoch is upright when a leg's shank is more than this angle
 *                              from horizontal and no leg is flat; other epochs are ambiguous and
 *                              keep the current state (a knee drawn up in bed, legs crossed on a
 *                              sofa)
 * @param epochS                posture is judged in epochs of this length
 * @param inBedAfterS           this much flat time, held (see {@code outOfBedAfterS}), within a run
 *                              of lying epochs means in bed
 * @param lyingRunInBedAfterS   a run of lying epochs this long means in bed even when it is not flat
 * @param lieDownMaxS           time in bed begins where the shank came down from upright if the run
 *                              of lying epochs that shows bed began at most this long after it (a
 *                              knee drawn up while falling asleep), else at the run's start
 * @param outOfBedAfterS        upright this long means out of bed; interruptions shorter than this
 *                              do not break a run of lying epochs nor the flat time in it
 * @param sitUpMaxS             ambiguous epochs right before getting up, up to this long, are sitting
 *                              up on the edge of the bed: out of bed from their start
 * @param inBedBlockGapS        in-bed spans closer than this (a bathroom trip) are one block
 * @param inBedBlockMinS        a block with less time in bed than this is not the night (a rest
 *                              on a sofa)
 * @param notWornAfterS         no motion at all for this long means the band is not worn
 * @param edgeNotWornAfterS     ... or this long at the start or end of the recording (the band on
 *                              the table before it is put on and after it is taken off)
 * @param stillnessBreakSamples an epoch breaks stillness when a leg showed motion in at least this
 *                              many samples (a lone sample over the motion level is noise)
 * @param minValidHoursInBed    less valid time in bed than this makes the night invalid
 * @param maxLostFraction       more samples lost than this fraction makes the night invalid
 * @param sensorRangeG          the sensor's range (samples at it are clipped); NaN when unknown,
 *                              then repeated equal samples beyond 1.5 g count as clipped
 */
public record NightSettings(
        int shankAxis,
        double flatMaxInclinationDeg,
        double lyingMaxInclinationDeg,
        double uprightMinInclinationDeg,
        double epochS,
        double inBedAfterS,
        double lyingRunInBedAfterS,
        double lieDownMaxS,
        double outOfBedAfterS,
        double sitUpMaxS,
        double inBedBlockGapS,
        double inBedBlockMinS,
        double notWornAfterS,
        double edgeNotWornAfterS,
        int stillnessBreakSamples,
        double minValidHoursInBed,
        double maxLostFraction,
        double sensorRangeG) {

    public static final NightSettings DEFAULT = new NightSettings(
            0, 20, 30, 55, 1, 60, 1200, 900, 20, 180, 900, 1800, 5400, 120, 2, NightSummary.DEFAULT_MIN_VALID_HOURS, 0.2, Double.NaN);

    public NightSettings {
        if (shankAxis < 0 || shankAxis > 2) {
            throw new IllegalArgumentException("shank axis is 0 (x), 1 (y) or 2 (z), not " + shankAxis);
        }
        if (!(flatMaxInclinationDeg > 0 && flatMaxInclinationDeg <= lyingMaxInclinationDeg
              && lyingMaxInclinationDeg <= uprightMinInclinationDeg
              && uprightMinInclinationDeg < 90)) {
            throw new IllegalArgumentException("need 0 < flat inclination <= lying inclination <= upright inclination < 90 degrees");
        }
        if (!(epochS > 0 && inBedAfterS >= epochS && lyingRunInBedAfterS >= inBedAfterS && outOfBedAfterS >= epochS
              && lieDownMaxS >= 0 && sitUpMaxS >= 0 && inBedBlockGapS >= 0 && inBedBlockMinS >= 0
              && notWornAfterS > 0 && edgeNotWornAfterS > 0)) {
            throw new IllegalArgumentException("posture and not-worn durations must be positive and at least one epoch,"
                    + " and a run of lying epochs at least as long as the flat time that shows bed");
        }
        if (stillnessBreakSamples < 1) {
            throw new IllegalArgumentException("stillness is broken by at least one sample of motion, not " + stillnessBreakSamples);
        }
        if (!(minValidHoursInBed >= 0) || !(maxLostFraction >= 0 && maxLostFraction <= 1)) {
            throw new IllegalArgumentException("validity thresholds out of range");
        }
    }

    public NightSettings withMinValidHours(double hours) {
        return new NightSettings(shankAxis, flatMaxInclinationDeg, lyingMaxInclinationDeg, uprightMinInclinationDeg, epochS, inBedAfterS, lyingRunInBedAfterS, lieDownMaxS, outOfBedAfterS, sitUpMaxS,
                inBedBlockGapS, inBedBlockMinS, notWornAfterS, edgeNotWornAfterS, stillnessBreakSamples, hours, maxLostFraction, sensorRangeG);
    }

    public NightSettings withShankAxis(int axis) {
        return new NightSettings(axis, flatMaxInclinationDeg, lyingMaxInclinationDeg, uprightMinInclinationDeg, epochS, inBedAfterS,
                lyingRunInBedAfterS, lieDownMaxS, outOfBedAfterS, sitUpMaxS, inBedBlockGapS, inBedBlockMinS, notWornAfterS, edgeNotWornAfterS, stillnessBreakSamples, minValidHoursInBed, maxLostFraction, sensorRangeG);
    }

    public NightSettings withSensorRange(double rangeG) {
        return new NightSettings(shankAxis, flatMaxInclinationDeg, lyingMaxInclinationDeg, uprightMinInclinationDeg, epochS, inBedAfterS, lyingRunInBedAfterS, lieDownMaxS, outOfBedAfterS, sitUpMaxS,
                inBedBlockGapS, inBedBlockMinS, notWornAfterS, edgeNotWornAfterS, stillnessBreakSamples, minValidHoursInBed, maxLostFraction, rangeG);
    }
}
