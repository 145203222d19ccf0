package org.legwatch.analysis.movement;

import org.legwatch.analysis.scoring.Leg;

/** Receives the movements a detector finds, each once, in onset order per leg. */
@FunctionalInterface
public interface MovementListener {
    /**
     * @param leg      the leg
     * @param onsetUs  onset, microseconds from the start of the recording
     * @param offsetUs offset (the start of the quiet that ended it)
     * @param peakG    the largest deviation from rest during the movement, in g
     */
    void movement(Leg leg, long onsetUs, long offsetUs, double peakG);
}
