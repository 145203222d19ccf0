package org.legwatch.analysis.sim;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A patient's leg-movement habits: the knobs that set how severe a night is and what its movements
 * look like. Durations, amplitudes, IMIs and series lengths are log-normal because they are
 * positive, skewed, and vary by factors rather than by fixed amounts between patients and nights.
 *
 * @param name                     label for reports
 * @param nominalPlmi              the PLMI (per hour in bed) the knobs are tuned to produce; a label
 *                                 only, the generator does not read it
 * @param plmSeriesPerHourOfSleep  how often a periodic series starts, per hour asleep
 * @param seriesLengthMedian       movements per series, median (log-normal, kept within 4..100)
 * @param seriesLengthSigma        log-SD of the series length
 * @param imiMeanS                 the patient's own inter-movement interval within a series, mean
 * @param imiSdS                   its jitter (SD, seconds) from movement to movement
 * @param isolatedLmPerHour        non-periodic movements per hour asleep
 * @param durationMedianS          movement duration, median (log-normal, kept within 0.3..15 s)
 * @param durationSigma            log-SD of the duration
 * @param amplitudeMedianDeg       shank rotation of a movement, median (kept within 0.5..40 degrees)
 * @param amplitudeSigma           log-SD of the amplitude
 * @param bilateralProbability     chance that the other leg moves too (onset 0-1 s later)
 * @param rightLegShare            chance that a one-leg movement is on the right leg
 * @param turnOverMedianMinutes    median interval between turn-overs in bed
 * @param sleepLatencyMinutes      median time from lying down to falling asleep (restless wake)
 * @param awakeningsPerHour        awakenings per hour asleep
 * @param awakeningMedianMinutes   median length of an awakening
 * @param restlessLmPerMinute      leg movements per minute while awake in bed (RLS restlessness)
 * @param bathroomTrips            times out of bed during the night
 */
public record PatientProfile(
        String name,
        double nominalPlmi,
        double plmSeriesPerHourOfSleep,
        double seriesLengthMedian,
        double seriesLengthSigma,
        double imiMeanS,
        double imiSdS,
        double isolatedLmPerHour,
        double durationMedianS,
        double durationSigma,
        double amplitudeMedianDeg,
        double amplitudeSigma,
        double bilateralProbability,
        double rightLegShare,
        double turnOverMedianMinutes,
        double sleepLatencyMinutes,
        double awakeningsPerHour,
        double awakeningMedianMinutes,
        double restlessLmPerMinute,
        int bathroomTrips) {

    /** No RLS: no periodic series, a few isolated movements, quiet wake. PLMI about 0. */
    public static final PatientProfile HEALTHY = new PatientProfile("healthy", 0,
            0, 8, 0.5, 25, 4, 4, 1.5, 0.5, 4, 0.7, 0.25, 0.5,
            25, 12, 0.6, 3, 0.3, 1);
    /** Mild PLMD: PLMI about 10. */
    public static final PatientProfile MILD = new PatientProfile("mild", 10,
            1.13, 9, 0.4, 28, 4, 6, 1.8, 0.5, 4, 0.7, 0.3, 0.55,
            22, 20, 0.8, 4, 1.0, 1);
    /** Moderate: PLMI about 25. */
    public static final PatientProfile MODERATE = new PatientProfile("moderate", 25,
            1.54, 18, 0.45, 24, 4, 8, 2.0, 0.5, 5, 0.7, 0.35, 0.5,
            20, 30, 1.0, 5, 2.0, 1);
    /** Severe: PLMI about 45. */
    public static final PatientProfile SEVERE = new PatientProfile("severe", 45,
            2.2, 25, 0.45, 22, 3.5, 10, 2.2, 0.5, 6, 0.7, 0.4, 0.45,
            18, 40, 1.2, 6, 3.0, 2);
    /** Very severe: PLMI about 80, series nearly all night. */
    public static final PatientProfile VERY_SEVERE = new PatientProfile("very-severe", 80,
            2.8, 40, 0.45, 20, 3, 12, 2.5, 0.5, 7, 0.7, 0.45, 0.5,
            15, 50, 1.5, 7, 4.0, 2);

    public static final List<PatientProfile> NAMED = List.of(HEALTHY, MILD, MODERATE, SEVERE, VERY_SEVERE);

    public PatientProfile {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a profile needs a name");
        }
        requireNonNegative(name, nominalPlmi, plmSeriesPerHourOfSleep, seriesLengthSigma, imiSdS, isolatedLmPerHour,
                durationSigma, amplitudeSigma, awakeningsPerHour, restlessLmPerMinute, sleepLatencyMinutes);
        if (seriesLengthMedian < 1 || imiMeanS <= 0 || durationMedianS <= 0 || amplitudeMedianDeg <= 0
                || turnOverMedianMinutes <= 0 || awakeningMedianMinutes <= 0) {
            throw new IllegalArgumentException(name + ": medians must be positive");
        }
        if (bilateralProbability < 0 || bilateralProbability > 1 || rightLegShare < 0 || rightLegShare > 1) {
            throw new IllegalArgumentException(name + ": probabilities must be within 0..1");
        }
        if (bathroomTrips < 0 || bathroomTrips > 5) {
            throw new IllegalArgumentException(name + ": 0..5 bathroom trips");
        }
    }

    private static void requireNonNegative(String name, double... values) {
        for (double v : values) {
            if (!(v >= 0)) {
                throw new IllegalArgumentException(name + ": knobs must not be negative");
            }
        }
    }

    /** The named profile (case-insensitive). */
    public static PatientProfile named(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        for (PatientProfile p : NAMED) {
            if (p.name.equals(wanted)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown profile '" + name + "'");
    }

    /**
     * This patient with periodic series as much more or less often as makes the PLMI about
     * {@code plmi} instead of {@link #nominalPlmi}: the same movements, series and nights, only
     * more or fewer series (how a treatment that works shows). The rest of the night (isolated and
     * restless movements) stays as it is.
     */
    public PatientProfile withPlmi(double plmi) {
        if (!(nominalPlmi > 0) || !(plmi >= 0)) {
            throw new IllegalArgumentException(name + ": needs a nominal PLMI above 0 and a target of 0 or more, not " + plmi);
        }
        return new PatientProfile(String.format(Locale.ROOT, "%s at %.0f/h", name, plmi), plmi,
                plmSeriesPerHourOfSleep * plmi / nominalPlmi, seriesLengthMedian, seriesLengthSigma, imiMeanS, imiSdS,
                isolatedLmPerHour, durationMedianS, durationSigma, amplitudeMedianDeg, amplitudeSigma, bilateralProbability,
                rightLegShare, turnOverMedianMinutes, sleepLatencyMinutes, awakeningsPerHour, awakeningMedianMinutes,
                restlessLmPerMinute, bathroomTrips);
    }

    /**
     * The share of this patient's leg movements a band on the right ankle alone sees: the
     * bilateral ones and the right leg's share of the rest. A PLMI scored from that one band is
     * lower by about this factor, a little more because series broken by the unseen movements
     * may fall short of four.
     */
    public double rightBandShare() {
        return bilateralProbability + (1 - bilateralProbability) * rightLegShare;
    }

    /**
     * A plausible patient anywhere from healthy to very severe. About a fifth are (nearly) healthy;
     * the rest have a target PLMI spread log-uniformly over 5-100/h, and the other knobs follow the
     * severity with patient-to-patient scatter, so that nights nobody tuned on cover the range.
     */
    public static PatientProfile random(SplittableRandom r) {
        double plmi = Draw.chance(r, 0.2) ? Draw.uniform(r, 0, 4) : Draw.logUniform(r, 5, 100);
        double s = Math.min(1.2, plmi / 80);
        double lengthMedian = Draw.clamp((8 + 30 * s) * Math.exp(0.2 * r.nextGaussian()), 5, 60);
        double lengthSigma = Draw.uniform(r, 0.45, 0.75);
        double imiMean = Draw.uniform(r, 15, 40);
        double imiSd = Draw.uniform(r, 2, 6);
        double latency = (10 + 40 * s) * Draw.uniform(r, 0.5, 1.5);
        double awakenings = 0.5 + s * Draw.uniform(r, 0.5, 1.5);
        double awakeningMedian = 2 + 6 * s * Draw.uniform(r, 0.5, 1.5);
        // Sleep fraction of 8 h in bed, roughly: latency, awakenings and a few minutes in the morning.
        double sleepFraction = Draw.clamp(1 - (latency + 4 + 7.5 * awakenings * awakeningMedian) / 480, 0.5, 0.97);
        double meanLength = lengthMedian * Math.exp(lengthSigma * lengthSigma / 2);
        // Not every generated periodic movement scores (jitter outside 10-90 s, interruptions).
        double scoredShare = imiMean < 20 ? 0.85 : 0.95;
        double seriesRate = plmi < 4 ? 0 : plmi / (sleepFraction * meanLength * scoredShare);
        return new PatientProfile(
                String.format(Locale.ROOT, "random-%.0f", plmi),
                plmi,
                seriesRate,
                lengthMedian,
                lengthSigma,
                imiMean,
                imiSd,
                Draw.uniform(r, 3, 8) + 8 * s,
                Draw.uniform(r, 1.2, 3.0),
                Draw.uniform(r, 0.35, 0.6),
                Draw.uniform(r, 3, 10),
                Draw.uniform(r, 0.5, 0.8),
                Draw.uniform(r, 0.15, 0.6),
                Draw.uniform(r, 0.3, 0.7),
                Draw.uniform(r, 15, 45),
                latency,
                awakenings,
                awakeningMedian,
                0.3 + 3.5 * s * Draw.uniform(r, 0.5, 1.5),
                r.nextInt(4));
    }
}
