package org.legwatch.analysis.sim;

import java.util.List;
import org.legwatch.analysis.scoring.Leg;

/**
 * What the sensor on one leg really was on this night: the errors drawn for the unit, its clock and
 * what it lost. A detector cannot know these; they are here to explain its results.
 *
 * @param leg               which leg wears it
 * @param model             the chip and range
 * @param nominalRateHz     the configured output rate
 * @param clockErrorPpm     the sample clock's error: the true rate is nominal * (1 + ppm * 1e-6), so
 *                          counting samples at the nominal rate drifts by this much against the
 *                          timestamps (about 2.9 s over 8 h at 100 ppm)
 * @param firstSampleS      true time of sample 0
 * @param samplesTotal      samples the chip produced over the recording
 * @param samplesLost       of these, how many never reached the stream
 * @param lostRuns          where they were lost
 * @param biasG             zero-g offset per axis at room temperature
 * @param scaleError        sensitivity error per axis (0.02 = +2 %)
 * @param tempcoGPerC       offset drift per degree C per axis
 * @param temperatureRiseC  how much the band warms on the skin (the offset drifts by
 *                          tempco times this over the first tens of minutes worn)
 * @param shankAxisInSensor the unit vector along the shank towards the knee, in sensor axes: the
 *                          direction a detector would have to discover to know the shank's tilt
 * @param reversed          whether the band was put on upside down (the design's shank axis
 *                          pointing to the foot)
 */
public record SensorTruth(
        Leg leg,
        SensorModel model,
        double nominalRateHz,
        double clockErrorPpm,
        double firstSampleS,
        long samplesTotal,
        long samplesLost,
        List<LostRun> lostRuns,
        Vec3 biasG,
        Vec3 scaleError,
        Vec3 tempcoGPerC,
        double temperatureRiseC,
        Vec3 shankAxisInSensor,
        boolean reversed) {

    public SensorTruth {
        lostRuns = List.copyOf(lostRuns);
    }

    /** The rate the samples really come at, in the timestamps' (true) clock. */
    public double actualRateHz() {
        return nominalRateHz * (1 + clockErrorPpm * 1e-6);
    }

    public long samplesDelivered() {
        return samplesTotal - samplesLost;
    }
}
