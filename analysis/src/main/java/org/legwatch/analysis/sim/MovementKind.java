package org.legwatch.analysis.sim;

/**
 * Why a true movement was generated. This is the generator's intent, not the scoring: a movement
 * generated as part of a periodic series may still fail to score as a PLM (an IMI out of range, an
 * interrupting turn-over), and isolated or restless movements may happen to line up into a series.
 */
public enum MovementKind {
    /** Member of a generated periodic series (PLMS during sleep). */
    PERIODIC,
    /** Isolated movement during sleep. */
    ISOLATED,
    /** Restless movement while awake in bed (RLS symptom): irregular, IMIs mostly under 10 s. */
    RESTLESS,
    /** Turning over in bed: both legs, several seconds, ends in a new lying orientation. */
    TURN_OVER
}
