package org.legwatch.analysis.sim;

import org.legwatch.analysis.night.TimeSpan;
/**
 * A span of the recording with one activity.
 *
 * @param activity what is going on
 * @param posture  the lying posture for {@link Activity#LYING}, the posture reached for
 *                 {@link Activity#TURN_OVER}, else null
 * @param startUs  start, microseconds from the start of the recording
 * @param endUs    end (exclusive)
 */
public record ActivitySpan(Activity activity, Posture posture, long startUs, long endUs) {
    public ActivitySpan {
        if (activity == null || endUs < startUs) {
            throw new IllegalArgumentException("bad activity span");
        }
    }

    public long durationUs() {
        return endUs - startUs;
    }

    public TimeSpan span() {
        return new TimeSpan(startUs, endUs);
    }
}
