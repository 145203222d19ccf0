package org.legwatch.analysis.sim;

import org.legwatch.analysis.scoring.LegMovement;

/**
 * A true single-leg movement with what the generator knows about it.
 *
 * @param movement     onset (start of the rise) to offset (end of the return), on one leg
 * @param kind         why it was generated
 * @param amplitudeDeg the largest rotation of the shank away from its resting orientation,
 *                     degrees (for a turn-over: the rotation from the old to the new posture)
 * @param series       1-based number of the generated periodic series, 0 when not PERIODIC
 */
public record TrueMovement(LegMovement movement, MovementKind kind, double amplitudeDeg, int series) {
}
