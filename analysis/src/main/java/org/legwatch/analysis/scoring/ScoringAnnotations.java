package org.legwatch.analysis.scoring;

import java.util.Arrays;

/**
 * Events from a polysomnogram that change how movements are scored: the ends of respiratory
 * events (apnoeas, hypopnoeas, RERAs) and arousal spans. An ankle sensor alone has none; then
 * {@link #NONE} is used and no movement is respiratory-related or arousal-associated.
 */
public final class ScoringAnnotations {
    public static final ScoringAnnotations NONE = new ScoringAnnotations(new long[0], new long[0], new long[0], false);

    private final long[] respiratoryEndsUs;
    private final long[] arousalStartsUs;
    private final long[] arousalEndsUs;
    private final boolean respiratoryScored;

    private ScoringAnnotations(long[] respiratoryEndsUs, long[] arousalStartsUs, long[] arousalEndsUs,
                               boolean respiratoryScored) {
        this.respiratoryEndsUs = respiratoryEndsUs;
        this.arousalStartsUs = arousalStartsUs;
        this.arousalEndsUs = arousalEndsUs;
        this.respiratoryScored = respiratoryScored;
    }

    /**
     * @param respiratoryEndsUs the end of each respiratory event, any order; pass an array (even an
     *                          empty one) when respiratory events were scored, {@code null} when not
     * @param arousalSpansUs    {@code [start, end]} pairs of arousals, any order, or {@code null}
     */
    public static ScoringAnnotations of(long[] respiratoryEndsUs, long[][] arousalSpansUs) {
        long[] ends = respiratoryEndsUs == null ? new long[0] : respiratoryEndsUs.clone();
        Arrays.sort(ends);
        long[][] spans = arousalSpansUs == null ? new long[0][] : arousalSpansUs.clone();
        for (long[] span : spans) {
            if (span.length != 2 || span[1] < span[0]) {
                throw new IllegalArgumentException("an arousal span is [start, end] with end >= start");
            }
        }
        Arrays.sort(spans, (a, b) -> Long.compare(a[0], b[0]));
        long[] starts = new long[spans.length];
        long[] arousalEnds = new long[spans.length];
        for (int i = 0; i < spans.length; i++) {
            starts[i] = spans[i][0];
            arousalEnds[i] = spans[i][1];
        }
        return new ScoringAnnotations(ends, starts, arousalEnds, respiratoryEndsUs != null);
    }

    /** Whether respiratory events were scored at all (then indices excluding them are meaningful). */
    public boolean respiratoryScored() {
        return respiratoryScored;
    }

    /** A cursor for one pass over movements in onset order: O(1) amortised per movement. */
    Cursor cursor(ScoringRules rules) {
        return new Cursor(rules);
    }

    final class Cursor {
        private final long beforeUs;
        private final long afterUs;
        private final long arousalGapUs;
        private int respiratory;
        private int arousal;

        private Cursor(ScoringRules rules) {
            this.beforeUs = rules.respiratoryBeforeEndUs();
            this.afterUs = rules.respiratoryAfterEndUs();
            this.arousalGapUs = rules.arousalGapUs();
        }

        /**
         * Whether the movement overlaps the window around the end of a respiratory event (bounds
         * inclusive). Movements must be asked about in onset order.
         */
        boolean respiratoryRelated(long onsetUs, long offsetUs) {
            // Windows all have the same width, so sorted by end they are also sorted by start.
            while (respiratory < respiratoryEndsUs.length && respiratoryEndsUs[respiratory] + afterUs < onsetUs) {
                respiratory++;
            }
            return respiratory < respiratoryEndsUs.length && respiratoryEndsUs[respiratory] - beforeUs <= offsetUs;
        }

        /** Whether an arousal lies within the arousal gap of the movement (bounds inclusive). */
        boolean arousalAssociated(long onsetUs, long offsetUs) {
            long from = onsetUs - arousalGapUs;
            long to = offsetUs + arousalGapUs;
            while (arousal < arousalStartsUs.length && arousalEndsUs[arousal] < from) {
                arousal++;
            }
            for (int i = arousal; i < arousalStartsUs.length && arousalStartsUs[i] <= to; i++) {
                if (arousalEndsUs[i] >= from) {
                    return true;
                }
            }
            return false;
        }
    }
}
