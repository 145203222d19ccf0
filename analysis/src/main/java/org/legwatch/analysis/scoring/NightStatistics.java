package org.legwatch.analysis.scoring;

import java.util.List;

/**
 * What a night's scored movements add up to. Per-hour indices divide by {@code hoursInBed} (PLMs
 * in bed per hour in bed, as ankle actigraphy reports it) and are NaN when it is zero.
 *
 * @param rules                 name of the rule set used
 * @param hoursInBed            the denominator of every index
 * @param lm                    all final leg movements, by leg
 * @param clm                   candidate leg movements, by leg
 * @param plm                   periodic leg movements, by leg
 * @param plmExcludingRespiratory PLMs once respiratory-related movements are taken out; equals
 *                              {@code plm.total} when no respiratory events were scored
 * @param respiratoryClmCount   CLMs that are respiratory-related
 * @param arousalLmCount        movements with an associated arousal
 * @param arousalPlmCount       PLMs with an associated arousal
 * @param respiratoryScored     whether respiratory events were supplied
 * @param seriesCount           PLM series in the night
 * @param seriesLengthMin       fewest PLMs in a series (0 without series)
 * @param seriesLengthMax       most PLMs in a series
 * @param seriesLengthMean      mean PLMs per series (NaN without series)
 * @param periodicityIndex      Ferri 2006: IMIs with 10 < IMI <= 90 s standing in runs of >= 3 such
 *                              IMIs, divided by all IMIs (NaN without IMIs)
 * @param imiCount              defined IMIs (between consecutive CLMs)
 * @param imiHistogram          counts of IMIs in 2 s bins over [0, 90) s: bin k is [2k, 2k+2) s
 * @param imiAbove90Count       IMIs of 90 s or more
 * @param logImiMean            mean of ln(IMI / 1 s) over IMIs within the rules' PLM range (NaN if none)
 * @param logImiSd              sample SD of the same (NaN with fewer than 2)
 * @param durationMeanS         mean movement duration, seconds (NaN without movements)
 * @param durationSdS           sample SD of durations (NaN with fewer than 2)
 * @param durationMedianS       median duration, to 0.1 s
 * @param durationMinS          shortest movement
 * @param durationMaxS          longest movement
 * @param lmPerHourOfRecording  movements whose onset falls in hour k of the recording
 * @param plmPerHourOfRecording PLMs whose onset falls in hour k of the recording
 */
public record NightStatistics(
        String rules,
        double hoursInBed,
        LegCounts lm,
        LegCounts clm,
        LegCounts plm,
        int plmExcludingRespiratory,
        int respiratoryClmCount,
        int arousalLmCount,
        int arousalPlmCount,
        boolean respiratoryScored,
        int seriesCount,
        int seriesLengthMin,
        int seriesLengthMax,
        double seriesLengthMean,
        double periodicityIndex,
        int imiCount,
        List<Integer> imiHistogram,
        int imiAbove90Count,
        double logImiMean,
        double logImiSd,
        double durationMeanS,
        double durationSdS,
        double durationMedianS,
        double durationMinS,
        double durationMaxS,
        List<Integer> lmPerHourOfRecording,
        List<Integer> plmPerHourOfRecording) {

    /** Width of an IMI histogram bin in seconds. */
    public static final int IMI_BIN_S = 2;

    /** Counts of movements by leg. */
    public record LegCounts(int total, int right, int left, int bilateral) {
        /** Per hour in bed; NaN when there is no time in bed. */
        public double perHour(double hours) {
            return hours > 0 ? total / hours : Double.NaN;
        }
    }

    public double lmIndex() {
        return lm.perHour(hoursInBed);
    }

    public double clmIndex() {
        return clm.perHour(hoursInBed);
    }

    /** PLMs per hour in bed (the PLMS index when the denominator is sleep time). */
    public double plmIndex() {
        return plm.perHour(hoursInBed);
    }

    public double plmIndexExcludingRespiratory() {
        return hoursInBed > 0 ? plmExcludingRespiratory / hoursInBed : Double.NaN;
    }
}
