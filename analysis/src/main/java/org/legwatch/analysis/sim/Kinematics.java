package org.legwatch.analysis.sim;

/**
 * Scratch space for one sample stream's kinematics, so that motions stay immutable and shareable
 * between streams while evaluating them allocates nothing.
 */
final class Kinematics {
    /** Orientation of the shank (shank frame to world), row-major. */
    final double[] q = new double[9];
    /** Position of the pivot (the knee), metres, world frame. */
    final double[] knee = new double[3];
    final double[] rot = new double[9];
    final double[] tmp = new double[9];
}
