package org.legwatch.analysis.sim;

/**
 * Lying postures in bed, by how far the body is rolled about its long axis from lying on the back.
 * The roll decides which way gravity points in the shank's cross-section; the shank itself stays
 * near horizontal in all of them.
 */
public enum Posture {
    SUPINE(0),
    LEFT_SIDE(90),
    PRONE(180),
    RIGHT_SIDE(-90);

    private final double rollDeg;

    Posture(double rollDeg) {
        this.rollDeg = rollDeg;
    }

    /** Roll of the body about the bed's long axis, degrees; positive rolls the left side down. */
    public double rollDeg() {
        return rollDeg;
    }
}
