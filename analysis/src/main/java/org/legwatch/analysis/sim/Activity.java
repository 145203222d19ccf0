package org.legwatch.analysis.sim;

/** What the wearer (or the band) is doing during a span of the recording. */
public enum Activity {
    /** The band lies still on a table: not worn, only sensor noise. */
    NOT_WORN,
    /** The band is being picked up and strapped on, or taken off and put down. */
    HANDLING,
    SITTING,
    STANDING,
    WALKING,
    /** Sitting down, standing up, lying down, sitting up in bed. */
    TRANSITION,
    /** Lying in bed (time in bed); leg movements happen here. */
    LYING,
    /** Turning over in bed: part of time in bed, and a leg movement on each leg. */
    TURN_OVER
}
