package org.legwatch.analysis.sim;

import java.util.List;
import java.util.SplittableRandom;
import org.legwatch.analysis.scoring.Leg;

/**
 * Everything that defines one synthetic night; the same scenario always gives the same night.
 *
 * @param patient                  who sleeps
 * @param sensor                   the chip and its range
 * @param sampleRateHz             nominal output rate, 10-400 Hz
 * @param legCount                 1 (a band on the right leg) or 2 (both legs)
 * @param notWornBeforeMinutes     the band on the table before it is put on
 * @param eveningMinutes           sitting, standing and walking before going to bed
 * @param timeInBedHours           time lying in bed, bathroom trips not counted
 * @param morningMinutes           upright after getting up, before the band comes off
 * @param notWornAfterMinutes      the band back on the table until the recording stops
 * @param fifoOverrunsPerHour      random FIFO overruns, each dropping one FIFO's worth of samples
 * @param longGapsPerNight         mean number of longer gaps (1-30 s) per night
 * @param clockErrorPpm            the sample clock's error is drawn within +-this per band
 * @param timestampJitterUs        SD of the timestamps' jitter (truncated at +-0.2 sample periods)
 * @param shankAxis                which sensor axis the band lays along the shank
 * @param reversedWearProbability  chance per band of wearing it upside down
 * @param notWornAllNight          the band stays on the bedside table for the whole recording
 * @param seed                     everything random derives from it
 */
public record NightScenario(
        PatientProfile patient,
        SensorModel sensor,
        double sampleRateHz,
        int legCount,
        double notWornBeforeMinutes,
        double eveningMinutes,
        double timeInBedHours,
        double morningMinutes,
        double notWornAfterMinutes,
        double fifoOverrunsPerHour,
        double longGapsPerNight,
        double clockErrorPpm,
        double timestampJitterUs,
        SensorAxis shankAxis,
        double reversedWearProbability,
        boolean notWornAllNight,
        long seed) {

    public NightScenario {
        if (patient == null || sensor == null || shankAxis == null) {
            throw new IllegalArgumentException("patient, sensor and shank axis are required");
        }
        if (!(sampleRateHz >= 10 && sampleRateHz <= 400)) {
            throw new IllegalArgumentException("sample rate " + sampleRateHz + " Hz is outside 10..400");
        }
        if (legCount != 1 && legCount != 2) {
            throw new IllegalArgumentException("one or two legs, not " + legCount);
        }
        if (!(notWornBeforeMinutes >= 0.5 && notWornAfterMinutes >= 0.5)) {
            throw new IllegalArgumentException("the band lies on the table for at least 0.5 min at each end");
        }
        if (!(eveningMinutes >= 0 && morningMinutes >= 0)) {
            throw new IllegalArgumentException("evening and morning must not be negative");
        }
        if (!(timeInBedHours >= 0.25 && timeInBedHours <= 14)) {
            throw new IllegalArgumentException("time in bed " + timeInBedHours + " h is outside 0.25..14");
        }
        if (!(fifoOverrunsPerHour >= 0 && longGapsPerNight >= 0 && clockErrorPpm >= 0 && timestampJitterUs >= 0)) {
            throw new IllegalArgumentException("loss rates, clock error and jitter must not be negative");
        }
        if (!(reversedWearProbability >= 0 && reversedWearProbability <= 1)) {
            throw new IllegalArgumentException("reversed-wear probability must be within 0..1");
        }
    }

    /**
     * A typical night: LIS3DH +-4 g at 100 Hz on both legs, 30 min evening, 8 h in bed, 15 min
     * morning, a few overruns, a typical crystal.
     */
    public static NightScenario standard(PatientProfile patient, long seed) {
        return new NightScenario(patient, SensorModel.LIS3DH_4G, 100, 2,
                5, 30, 8, 15, 10,
                2, 0.5, 100, 200,
                SensorAxis.X, 0, false, seed);
    }

    /**
     * A varied night for validation on data nobody tuned on: any chip and range, any of its rates,
     * one or two legs, any patient from {@link PatientProfile#random}, 5-10 h in bed, varied losses,
     * sometimes the band worn upside down, and one night in fifty never worn.
     */
    public static NightScenario random(long seed) {
        SplittableRandom r = new SplittableRandom(seed ^ 0x5DEECE66DL);
        PatientProfile patient = PatientProfile.random(r);
        SensorModel sensor = SensorModel.CHIPS.get(r.nextInt(SensorModel.CHIPS.size()));
        List<Double> rates = sensor.ratesHz();
        double rate = rates.get(r.nextInt(rates.size()));
        int legs = Draw.chance(r, 0.5) ? 2 : 1;
        return new NightScenario(patient, sensor, rate, legs,
                Draw.uniform(r, 1, 15), Draw.uniform(r, 10, 60), Draw.uniform(r, 5, 10),
                Draw.uniform(r, 3, 30), Draw.uniform(r, 1, 30),
                Draw.logUniform(r, 0.1, 30), Draw.uniform(r, 0, 3),
                Draw.uniform(r, 10, 100), Draw.uniform(r, 20, 500),
                SensorAxis.values()[r.nextInt(3)], Draw.chance(r, 0.3) ? 0.5 : 0,
                Draw.chance(r, 0.02), r.nextLong());
    }

    /** The legs that wear a band: the right leg, or both. */
    public List<Leg> instrumentedLegs() {
        return legCount == 1 ? List.of(Leg.RIGHT) : List.of(Leg.RIGHT, Leg.LEFT);
    }

    public NightScenario withPatient(PatientProfile p) {
        return new NightScenario(p, sensor, sampleRateHz, legCount, notWornBeforeMinutes, eveningMinutes,
                timeInBedHours, morningMinutes, notWornAfterMinutes, fifoOverrunsPerHour, longGapsPerNight,
                clockErrorPpm, timestampJitterUs, shankAxis, reversedWearProbability, notWornAllNight, seed);
    }

    public NightScenario withSensor(SensorModel s, double rateHz) {
        return new NightScenario(patient, s, rateHz, legCount, notWornBeforeMinutes, eveningMinutes,
                timeInBedHours, morningMinutes, notWornAfterMinutes, fifoOverrunsPerHour, longGapsPerNight,
                clockErrorPpm, timestampJitterUs, shankAxis, reversedWearProbability, notWornAllNight, seed);
    }

    public NightScenario withLegs(int legs) {
        return new NightScenario(patient, sensor, sampleRateHz, legs, notWornBeforeMinutes, eveningMinutes,
                timeInBedHours, morningMinutes, notWornAfterMinutes, fifoOverrunsPerHour, longGapsPerNight,
                clockErrorPpm, timestampJitterUs, shankAxis, reversedWearProbability, notWornAllNight, seed);
    }

    /** The five phases of the recording, in minutes except time in bed (hours). */
    public NightScenario withTimes(double notWornBefore, double evening, double inBedHours, double morning,
                                   double notWornAfter) {
        return new NightScenario(patient, sensor, sampleRateHz, legCount, notWornBefore, evening,
                inBedHours, morning, notWornAfter, fifoOverrunsPerHour, longGapsPerNight,
                clockErrorPpm, timestampJitterUs, shankAxis, reversedWearProbability, notWornAllNight, seed);
    }

    public NightScenario withLosses(double overrunsPerHour, double longGaps) {
        return new NightScenario(patient, sensor, sampleRateHz, legCount, notWornBeforeMinutes, eveningMinutes,
                timeInBedHours, morningMinutes, notWornAfterMinutes, overrunsPerHour, longGaps,
                clockErrorPpm, timestampJitterUs, shankAxis, reversedWearProbability, notWornAllNight, seed);
    }

    public NightScenario withClock(double ppm, double jitterUs) {
        return new NightScenario(patient, sensor, sampleRateHz, legCount, notWornBeforeMinutes, eveningMinutes,
                timeInBedHours, morningMinutes, notWornAfterMinutes, fifoOverrunsPerHour, longGapsPerNight,
                ppm, jitterUs, shankAxis, reversedWearProbability, notWornAllNight, seed);
    }

    public NightScenario withMounting(SensorAxis axis, double reversedProbability) {
        return new NightScenario(patient, sensor, sampleRateHz, legCount, notWornBeforeMinutes, eveningMinutes,
                timeInBedHours, morningMinutes, notWornAfterMinutes, fifoOverrunsPerHour, longGapsPerNight,
                clockErrorPpm, timestampJitterUs, axis, reversedProbability, notWornAllNight, seed);
    }

    public NightScenario withNotWornAllNight(boolean notWorn) {
        return new NightScenario(patient, sensor, sampleRateHz, legCount, notWornBeforeMinutes, eveningMinutes,
                timeInBedHours, morningMinutes, notWornAfterMinutes, fifoOverrunsPerHour, longGapsPerNight,
                clockErrorPpm, timestampJitterUs, shankAxis, reversedWearProbability, notWorn, seed);
    }

    public NightScenario withSeed(long s) {
        return new NightScenario(patient, sensor, sampleRateHz, legCount, notWornBeforeMinutes, eveningMinutes,
                timeInBedHours, morningMinutes, notWornAfterMinutes, fifoOverrunsPerHour, longGapsPerNight,
                clockErrorPpm, timestampJitterUs, shankAxis, reversedWearProbability, notWornAllNight, s);
    }
}
