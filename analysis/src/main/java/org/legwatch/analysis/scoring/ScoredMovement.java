package org.legwatch.analysis.scoring;

/**
 * A final leg movement after same-leg joining, the minimum-duration rule and bilateral joining,
 * with its scoring.
 *
 * @param onsetUs               onset, microseconds from the start of the recording
 * @param offsetUs              offset
 * @param leg                   R, L, or B for a bilateral movement
 * @param joinedCount           how many single-leg movements (after same-leg joining) it joins: 1 for
 *                              a one-leg movement
 * @param clm                   whether it is a candidate leg movement
 * @param plm                   whether it belongs to a PLM series
 * @param series                the 1-based number of its PLM series in the night, 0 when not a PLM
 * @param imiUs                 onset-to-onset interval from the previous movement when both are
 *                              CLMs; -1 when undefined (first movement, or either is a non-CLM)
 * @param respiratory           whether it overlaps the window around a respiratory event's end
 * @param arousal               whether an arousal lies within the arousal gap of it
 * @param plmExcludingRespiratory whether it belongs to a PLM series once respiratory-related
 *                              movements are taken out of the sequence; equals {@code plm} when no
 *                              respiratory events were scored
 */
public record ScoredMovement(
        long onsetUs,
        long offsetUs,
        Leg leg,
        int joinedCount,
        boolean clm,
        boolean plm,
        int series,
        long imiUs,
        boolean respiratory,
        boolean arousal,
        boolean plmExcludingRespiratory) {

    public long durationUs() {
        return offsetUs - onsetUs;
    }

    public boolean hasImi() {
        return imiUs >= 0;
    }
}
