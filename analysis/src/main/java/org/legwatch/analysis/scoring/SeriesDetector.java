package org.legwatch.analysis.scoring;

/**
 * Finds PLM series in a sequence of final movements as they arrive: at least
 * {@code minSeriesLength} consecutive CLMs, each within [minImi, maxImi] of the one before. A
 * non-CLM or an IMI out of range ends the run; the CLM after it may start a new one.
 *
 * <p>Every movement gets its decision exactly once, as soon as it is certain: at once when it
 * joins a confirmed series or cannot be part of one; otherwise when the run reaches the minimum
 * length (all its members become PLMs), or when the run breaks (none does). A run also breaks when
 * the watermark passes the last member's onset plus the longest IMI, so decisions never wait for a
 * movement that is not coming. At most {@code minSeriesLength - 1} movements are ever undecided.
 */
final class SeriesDetector {
    /** Receives one decision per movement. */
    interface Decisions {
        void decide(long sequence, boolean plm, int series);
    }

    private final long minImiUs;
    private final long maxImiUs;
    private final Decisions decisions;
    private final long[] pending;

    private boolean hasPrevious;
    private boolean previousClm;
    private long previousOnsetUs;
    private int runLength;
    private boolean confirmed;
    private int seriesCount;

    SeriesDetector(ScoringRules rules, Decisions decisions) {
        this.minImiUs = rules.minImiUs();
        this.maxImiUs = rules.maxImiUs();
        this.decisions = decisions;
        this.pending = new long[rules.minSeriesLength()];
    }

    void accept(long sequence, long onsetUs, boolean clm) {
        if (!clm) {
            breakRun();
            decisions.decide(sequence, false, 0);
        } else {
            long imi = onsetUs - previousOnsetUs;
            if (hasPrevious && previousClm && imi >= minImiUs && imi <= maxImiUs && runLength > 0) {
                extendRun(sequence);
            } else {
                breakRun();
                runLength = 1;
                pending[0] = sequence;
            }
        }
        hasPrevious = true;
        previousClm = clm;
        previousOnsetUs = onsetUs;
    }

    /** No movement with an onset before {@code watermarkUs} will come. */
    void advance(long watermarkUs) {
        if (runLength > 0 && watermarkUs - previousOnsetUs > maxImiUs) {
            breakRun();
        }
    }

    int seriesCount() {
        return seriesCount;
    }

    private void extendRun(long sequence) {
        if (confirmed) {
            runLength++;
            decisions.decide(sequence, true, seriesCount);
            return;
        }
        pending[runLength++] = sequence;
        if (runLength == pending.length) {
            confirmed = true;
            seriesCount++;
            for (int i = 0; i < runLength; i++) {
                decisions.decide(pending[i], true, seriesCount);
            }
        }
    }

    private void breakRun() {
        if (!confirmed) {
            for (int i = 0; i < runLength; i++) {
                decisions.decide(pending[i], false, 0);
            }
        }
        runLength = 0;
        confirmed = false;
    }

    void reset() {
        hasPrevious = false;
        previousClm = false;
        previousOnsetUs = 0;
        runLength = 0;
        confirmed = false;
        seriesCount = 0;
    }
}
