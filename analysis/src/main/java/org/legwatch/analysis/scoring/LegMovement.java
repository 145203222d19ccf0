package org.legwatch.analysis.scoring;

/**
 * One movement on one leg, as a detector or a scorer of EMG reports it: onset and offset in
 * microseconds from the start of the recording.
 */
public record LegMovement(long onsetUs, long offsetUs, Leg leg) {
    public LegMovement {
        if (leg == null || leg == Leg.BILATERAL) {
            throw new IllegalArgumentException("a single-leg movement is on RIGHT or LEFT, not " + leg);
        }
        if (onsetUs < 0) {
            throw new IllegalArgumentException("onset " + onsetUs + " us is before the start of the recording");
        }
        if (offsetUs < onsetUs) {
            throw new IllegalArgumentException("offset " + offsetUs + " us is before onset " + onsetUs + " us");
        }
    }

    public long durationUs() {
        return offsetUs - onsetUs;
    }
}
