package org.legwatch.analysis.scoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Adds up scored movements into {@link NightStatistics} as they stream past, in memory that does
 * not grow with the number of movements (only with the hours of the recording, for the hourly
 * distribution).
 */
public final class NightAccumulator implements Consumer<ScoredMovement> {
    private static final int IMI_BINS = 90 / NightStatistics.IMI_BIN_S;
    /** Durations are kept in 0.1 s bins up to this many seconds for the median; longer ones in the last bin. */
    private static final int DURATION_BIN_US = 100_000;
    private static final int DURATION_BINS = 1201;
    private static final long PERIODIC_LOW_US = 10 * Micros.PER_SECOND;
    private static final long PERIODIC_HIGH_US = 90 * Micros.PER_SECOND;
    private static final int PERIODIC_RUN = 3;

    private final ScoringRules rules;
    private final boolean respiratoryScored;

    private final int[] lm = new int[3];
    private final int[] clm = new int[3];
    private final int[] plm = new int[3];
    private int plmExcludingRespiratory;
    private int respiratoryClm;
    private int arousalLm;
    private int arousalPlm;

    private int seriesCount;
    private int currentSeries;
    private int currentSeriesLength;
    private int seriesLengthMin = Integer.MAX_VALUE;
    private int seriesLengthMax;
    private long seriesLengthSum;

    private int imiCount;
    private final int[] imiHistogram = new int[IMI_BINS];
    private int imiAbove90;
    private int periodicRun;
    private int periodicImis;
    private int logImiCount;
    private double logImiMean;
    private double logImiM2;

    private int durationCount;
    private double durationMean;
    private double durationM2;
    private long durationMinUs = Long.MAX_VALUE;
    private long durationMaxUs;
    private final int[] durationHistogram = new int[DURATION_BINS];

    private int[] lmPerHour = new int[12];
    private int[] plmPerHour = new int[12];
    private int hoursSeen;

    public NightAccumulator(ScoringRules rules, boolean respiratoryScored) {
        this.rules = rules;
        this.respiratoryScored = respiratoryScored;
    }

    /** An accumulator for the scorer's rules and annotations. */
    public static NightAccumulator forScorer(StreamingScorer scorer) {
        return new NightAccumulator(scorer.rules(), scorer.annotations().respiratoryScored());
    }

    @Override
    public void accept(ScoredMovement m) {
        int leg = m.leg().ordinal();
        lm[leg]++;
        if (m.clm()) {
            clm[leg]++;
            if (m.respiratory()) {
                respiratoryClm++;
            }
        }
        if (m.plm()) {
            plm[leg]++;
        }
        if (m.plmExcludingRespiratory()) {
            plmExcludingRespiratory++;
        }
        if (m.arousal()) {
            arousalLm++;
            if (m.plm()) {
                arousalPlm++;
            }
        }
        countSeries(m.series());
        countImi(m.imiUs());
        countDuration(m.durationUs());
        countHour(m.onsetUs(), m.plm());
    }

    private void countSeries(int series) {
        if (series == currentSeries) {
            if (series != 0) {
                currentSeriesLength++;
            }
            return;
        }
        closeSeries();
        currentSeries = series;
        currentSeriesLength = series == 0 ? 0 : 1;
    }

    private void closeSeries() {
        if (currentSeries != 0) {
            seriesCount++;
            seriesLengthMin = Math.min(seriesLengthMin, currentSeriesLength);
            seriesLengthMax = Math.max(seriesLengthMax, currentSeriesLength);
            seriesLengthSum += currentSeriesLength;
        }
    }

    private void countImi(long imiUs) {
        if (imiUs < 0) {
            endPeriodicRun();
            return;
        }
        imiCount++;
        long bin = imiUs / (NightStatistics.IMI_BIN_S * Micros.PER_SECOND);
        if (bin < IMI_BINS) {
            imiHistogram[(int) bin]++;
        } else {
            imiAbove90++;
        }
        if (imiUs > PERIODIC_LOW_US && imiUs <= PERIODIC_HIGH_US) {
            periodicRun++;
        } else {
            endPeriodicRun();
        }
        if (rules.imiContinuesSeries(imiUs)) {
            double x = Math.log(Micros.toSeconds(imiUs));
            logImiCount++;
            double delta = x - logImiMean;
            logImiMean += delta / logImiCount;
            logImiM2 += delta * (x - logImiMean);
        }
    }

    private void endPeriodicRun() {
        if (periodicRun >= PERIODIC_RUN) {
            periodicImis += periodicRun;
        }
        periodicRun = 0;
    }

    private void countDuration(long durationUs) {
        durationCount++;
        double x = Micros.toSeconds(durationUs);
        double delta = x - durationMean;
        durationMean += delta / durationCount;
        durationM2 += delta * (x - durationMean);
        durationMinUs = Math.min(durationMinUs, durationUs);
        durationMaxUs = Math.max(durationMaxUs, durationUs);
        durationHistogram[(int) Math.min(DURATION_BINS - 1, durationUs / DURATION_BIN_US)]++;
    }

    private void countHour(long onsetUs, boolean isPlm) {
        int hour = (int) (onsetUs / Micros.PER_HOUR);
        if (hour >= lmPerHour.length) {
            int size = Math.max(hour + 1, lmPerHour.length * 2);
            lmPerHour = Arrays.copyOf(lmPerHour, size);
            plmPerHour = Arrays.copyOf(plmPerHour, size);
        }
        lmPerHour[hour]++;
        if (isPlm) {
            plmPerHour[hour]++;
        }
        hoursSeen = Math.max(hoursSeen, hour + 1);
    }

    /**
     * The statistics of everything accepted so far, with {@code hoursInBed} as the denominator of
     * the indices. Does not change the accumulator: it may be asked again later in the night.
     */
    public NightStatistics statistics(double hoursInBed) {
        int seriesTotal = seriesCount;
        int lengthMin = seriesLengthMin;
        int lengthMax = seriesLengthMax;
        long lengthSum = seriesLengthSum;
        if (currentSeries != 0) {
            seriesTotal++;
            lengthMin = Math.min(lengthMin, currentSeriesLength);
            lengthMax = Math.max(lengthMax, currentSeriesLength);
            lengthSum += currentSeriesLength;
        }
        int periodic = periodicImis + (periodicRun >= PERIODIC_RUN ? periodicRun : 0);
        return new NightStatistics(
                rules.name(),
                hoursInBed,
                counts(lm), counts(clm), counts(plm),
                plmExcludingRespiratory,
                respiratoryClm,
                arousalLm,
                arousalPlm,
                respiratoryScored,
                seriesTotal,
                seriesTotal == 0 ? 0 : lengthMin,
                lengthMax,
                seriesTotal == 0 ? Double.NaN : lengthSum / (double) seriesTotal,
                imiCount == 0 ? Double.NaN : periodic / (double) imiCount,
                imiCount,
                boxed(imiHistogram, imiHistogram.length),
                imiAbove90,
                logImiCount == 0 ? Double.NaN : logImiMean,
                logImiCount < 2 ? Double.NaN : Math.sqrt(logImiM2 / (logImiCount - 1)),
                durationCount == 0 ? Double.NaN : durationMean,
                durationCount < 2 ? Double.NaN : Math.sqrt(durationM2 / (durationCount - 1)),
                durationMedian(),
                durationCount == 0 ? Double.NaN : Micros.toSeconds(durationMinUs),
                durationCount == 0 ? Double.NaN : Micros.toSeconds(durationMaxUs),
                boxed(lmPerHour, hoursSeen),
                boxed(plmPerHour, hoursSeen));
    }

    private double durationMedian() {
        if (durationCount == 0) {
            return Double.NaN;
        }
        // The lower median's bin, reported at its centre (0.05 s off at most); the last bin is open-ended.
        int rank = (durationCount + 1) / 2;
        int seen = 0;
        for (int bin = 0; bin < DURATION_BINS; bin++) {
            seen += durationHistogram[bin];
            if (seen >= rank) {
                return bin == DURATION_BINS - 1 ? Micros.toSeconds(durationMaxUs) : (bin + 0.5) * DURATION_BIN_US / 1e6;
            }
        }
        throw new IllegalStateException("duration histogram holds fewer movements than counted");
    }

    private static NightStatistics.LegCounts counts(int[] byLeg) {
        return new NightStatistics.LegCounts(byLeg[0] + byLeg[1] + byLeg[2], byLeg[0], byLeg[1], byLeg[2]);
    }

    private static List<Integer> boxed(int[] values, int length) {
        List<Integer> list = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            list.add(values[i]);
        }
        return List.copyOf(list);
    }
}
